using Waishi.Web.Features.TravelDocuments;
using Waishi.Web.Features.TripReports;
using Waishi.Web.Features.Trips;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Platform.Demo.Scale;

/// <summary>
/// Ten years of outbound trips: delegations, destinations (weighted by where Chongqing's
/// universities go), day-by-day itineraries, budgets, the approval case of every submitted trip
/// with its decisions, passports and permits in custody with a check-out and return per journey,
/// and the trip reports. Departures follow the seasons (summer and autumn conference peaks, few
/// around the Spring Festival) and the years (almost none in 2020–2022).
/// </summary>
public sealed class TripGenerator : IScaleGenerator
{
    public string Name => "trips";
    public int Order => 100;

    private const int BatchTrips = 4_000;

    private static readonly Weighted<TripType> Types = new([
        (TripType.Conference, 36), (TripType.ResearchCooperation, 24), (TripType.Training, 9), (TripType.VisitingScholar, 5),
        (TripType.StudyVisit, 10), (TripType.HongKongMacao, 13), (TripType.Taiwan, 3)]);

    /// <summary>Destinations of trips; the visits and conferences draw their countries from the same weights.</summary>
    internal static readonly (string Country, double Weight, string[] Cities)[] Countries =
    [
        ("US", 15, ["Boston", "New York", "San Francisco", "Chicago", "Seattle", "Los Angeles", "Washington"]),
        ("JP", 11, ["Tokyo", "Kyoto", "Osaka", "Sendai", "Nagoya"]),
        ("GB", 8, ["London", "Manchester", "Edinburgh", "Cambridge", "Oxford"]),
        ("DE", 8, ["Berlin", "Munich", "Aachen", "Stuttgart", "Hamburg"]),
        ("KR", 6, ["Seoul", "Busan", "Daejeon"]),
        ("AU", 5, ["Sydney", "Melbourne", "Brisbane"]),
        ("SG", 5, ["Singapore"]),
        ("FR", 5, ["Paris", "Lyon", "Toulouse"]),
        ("CA", 4, ["Toronto", "Vancouver", "Montreal"]),
        ("RU", 4, ["Moscow", "Saint Petersburg", "Novosibirsk"]),
        ("IT", 3, ["Rome", "Milan", "Turin"]),
        ("NL", 3, ["Amsterdam", "Delft", "Eindhoven"]),
        ("TH", 3, ["Bangkok", "Chiang Mai"]),
        ("MY", 2, ["Kuala Lumpur", "Penang"]),
        ("CH", 2, ["Zurich", "Geneva", "Lausanne"]),
        ("SE", 2, ["Stockholm", "Lund"]),
        ("ES", 2, ["Madrid", "Barcelona"]),
        ("NZ", 1.5, ["Auckland", "Wellington"]),
        ("VN", 1.5, ["Hanoi", "Ho Chi Minh City"]),
        ("PK", 1, ["Islamabad", "Lahore"]),
        ("KZ", 1, ["Astana", "Almaty"]),
        ("HU", 1, ["Budapest"]),
        ("BE", 1, ["Brussels", "Leuven"]),
        ("AT", 1, ["Vienna"]),
        ("FI", 1, ["Helsinki"]),
        ("DK", 1, ["Copenhagen"]),
        ("IE", 0.7, ["Dublin"]),
        ("BR", 0.7, ["São Paulo", "Rio de Janeiro"]),
        ("ZA", 0.6, ["Cape Town", "Johannesburg"]),
        ("EG", 0.5, ["Cairo"]),
        ("KE", 0.4, ["Nairobi"]),
        ("AE", 0.8, ["Dubai", "Abu Dhabi"]),
        ("IN", 0.6, ["New Delhi", "Bangalore"]),
        ("ID", 0.8, ["Jakarta", "Bandung"]),
        ("NO", 0.6, ["Oslo", "Trondheim"]),
        ("PL", 0.6, ["Warsaw", "Krakow"]),
        ("PT", 0.5, ["Lisbon", "Porto"]),
        ("CZ", 0.5, ["Prague"]),
        ("GR", 0.4, ["Athens"]),
        ("IL", 0.3, ["Tel Aviv"]),
    ];

    private static readonly Weighted<(string Country, string[] Cities)> Foreign =
        new(Countries.Select(c => ((c.Country, c.Cities), c.Weight)));

    // Departures by month (Jan..Dec) and by year: the Spring Festival trough, the summer and
    // autumn peaks, and the pandemic years.
    private static readonly double[] Months = [0.55, 0.3, 0.8, 1.0, 1.05, 1.1, 1.45, 1.35, 0.9, 1.05, 1.15, 0.8];

    internal static double YearWeight(int year) => year switch
    {
        2020 => 0.12,
        2021 => 0.04,
        2022 => 0.1,
        2023 => 0.85,
        _ => 1.0 + 0.04 * (year - 2016),
    };

    private static readonly string[] Subjects =
    [
        "materials science", "urban planning", "power systems", "structural engineering", "medical imaging", "economics",
        "software engineering", "environmental science", "mechanical design", "public health", "linguistics", "physics",
        "artificial intelligence", "bridge engineering", "clinical research", "photonics", "communications", "ecology",
    ];

    private static readonly string[] Funding = ["University budget", "Research grant (NSFC)", "Host institution", "Municipal programme", "Project funds"];

    private static readonly string[] Activities =
    [
        "Meeting with the host faculty", "Laboratory visit", "Conference sessions and presentation", "Joint research workshop",
        "Talks on student exchange", "Signing of cooperation memorandum", "Site visit", "Seminar with researchers",
    ];

    public async Task GenerateAsync(ScaleContext context, CancellationToken ct)
    {
        var random = context.Random(Name);
        var workflow = new WorkflowHistory(context, context.Random(Name + ".workflow"));
        var batch = context.NewBatch();
        var institutions = context.City.Institutions;
        var byStaff = new Weighted<ScaleTenant>(institutions.Select(t => (t, (double)t.Staff.Count)));
        var documents = Documents(context, batch, random);
        await batch.FlushAsync(ct);

        var total = context.Options.Count(Name);
        var asOf = context.AsOf;
        var first = asOf.AddYears(-10);
        var horizon = asOf.AddDays(180);
        var numbers = new Dictionary<(Guid, int), int>();
        var checkedOut = new Dictionary<Guid, (TravelDocument Doc, string Before)>();
        var busy = new Dictionary<Guid, List<(DateTime From, DateTime Until)>>();

        for (var i = 0; i < total; i++)
        {
            var tenant = random.Pick(byStaff);
            var type = random.Pick(Types);
            var departure = Departure(random, first, horizon);
            var days = type switch
            {
                TripType.VisitingScholar => random.Next(90, 366),
                TripType.StudyVisit => random.Next(7, 31),
                TripType.HongKongMacao => random.Next(2, 6),
                TripType.Taiwan => random.Next(3, 6),
                _ => random.Next(3, 11),
            };
            var back = departure.AddDays(days - 1);
            var future = departure > asOf;
            var state = future
                ? Roll(random, (TripState.Draft, 18), (TripState.Submitted, 37), (TripState.Returned, 5), (TripState.Publicity, departure > asOf.AddDays(8) ? 8 : 0),
                    (TripState.Approved, 30), (TripState.Rejected, 2))
                : Roll(random, (TripState.Approved, 90), (TripState.Rejected, 3), (TripState.Withdrawn, 4), (TripState.Draft, 2), (TripState.Returned, 1));

            // The delegation: the applicant leads, colleagues mostly from the same unit.
            var leader = random.Pick(tenant.Travellers!);
            var people = new List<ScaleStaff> { leader };
            var extra = type is TripType.VisitingScholar ? 0 : Roll(random, (0, 45), (1, 25), (2, 15), (3, 10), (4, 5));
            for (var m = 0; m < extra; m++)
            {
                var pool = random.Chance(0.7) ? tenant.StaffByUnit[leader.UnitId] : tenant.Staff;
                var other = random.Pick(pool);
                if (!people.Contains(other))
                {
                    people.Add(other);
                }
            }
            var filer = random.Chance(0.85) ? leader : random.Pick(tenant.StaffByUnit[leader.UnitId]);

            var filed = departure.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc).AddDays(-random.Next(35, 100)).AddMinutes(random.Next(0, 600));
            if (filed > context.AsOfUtc.AddDays(-1))
            {
                filed = context.AsOfUtc.AddDays(-random.Next(1, 25)).AddMinutes(-random.Next(0, 600));
            }
            var created = filed.AddMilliseconds(i % 1000);
            var id = random.NextId(created);
            var places = Destinations(random, type);
            var subject = random.Pick(Subjects);
            var trip = new Trip
            {
                Id = id, TenantId = tenant.Id, ApplicantId = leader.Id, FiledByUserId = filer.UserId, UnitId = leader.UnitId, Type = type,
                State = state, Title = $"{TripLabels.Of(type)}: {subject} in {places[0].City}",
                Purpose = $"Joint work on {subject} with the host institution in {places[0].City}.",
                Tasks = "Presentations, meetings with the hosts and a report on the outcomes.",
                InvitingOrganisation = $"University of {places[0].City}",
                DepartureDate = departure, ReturnDate = back, FundingSource = random.Pick(Funding), CreatedUtc = created,
            };
            batch.Add(trip);
            for (var m = 0; m < people.Count; m++)
            {
                batch.Add(new TripMember
                {
                    Id = random.NextId(created), TenantId = tenant.Id, TripId = id, StaffMemberId = people[m].Id, SortOrder = m,
                    Role = m == 0 ? DelegationRole.Leader : m == people.Count - 1 && m >= 3 && random.Chance(0.3) ? DelegationRole.Interpreter : DelegationRole.Member,
                });
            }
            for (var d = 0; d < places.Count; d++)
            {
                batch.Add(new TripDestination { Id = random.NextId(created), TenantId = tenant.Id, TripId = id, CountryCode = places[d].Country, City = places[d].City, SortOrder = d });
            }
            foreach (var (day, n) in ItineraryDays(days).Select((d, n) => (d, n)))
            {
                var place = places[Math.Min(places.Count - 1, day * places.Count / days)];
                batch.Add(new TripItineraryDay
                {
                    Id = random.NextId(created), TenantId = tenant.Id, TripId = id, Date = departure.AddDays(day), City = place.City, SortOrder = n,
                    Activity = day == 0 ? $"Departure from Chongqing, arrival in {place.City}" : day == days - 1 ? "Return to Chongqing" : random.Pick(Activities),
                });
            }
            var lines = new[] { BudgetCategory.InternationalTravel, BudgetCategory.Accommodation, BudgetCategory.Meals, BudgetCategory.RegistrationFees };
            for (var b = 0; b < (type == TripType.Conference ? 4 : 3); b++)
            {
                var perPerson = lines[b] switch
                {
                    BudgetCategory.InternationalTravel => 4000 + random.Next(9000),
                    BudgetCategory.RegistrationFees => 1500 + random.Next(4000),
                    _ => (150 + random.Next(500)) * Math.Min(days, 60),
                };
                batch.Add(new TripBudgetLine
                {
                    Id = random.NextId(created), TenantId = tenant.Id, TripId = id, Category = lines[b], SortOrder = b,
                    Amount = perPerson * people.Count,
                });
            }

            if (state != TripState.Draft)
            {
                var submitted = created.AddMinutes(random.Next(5, 3 * 24 * 60));
                if (submitted > context.AsOfUtc.AddHours(-6))
                {
                    submitted = created.AddMinutes(1);
                }
                var year = submitted.Year;
                var seq = numbers[(tenant.Id, year)] = numbers.GetValueOrDefault((tenant.Id, year)) + 1;
                trip.Number = $"{year}-{seq:D5}";
                trip.SubmittedUtc = submitted;
                var facts = new CaseFacts(
                    ClassifiedMember: people.Any(p => p.Classified),
                    SeniorCadreLeader: leader.Cadre >= CadreLevel.DeputyBureau,
                    DestinationTaiwan: type == TripType.Taiwan,
                    Size: people.Count,
                    CityApproval: people.Any(p => p.Cadre >= CadreLevel.DeputyBureau));
                var outcome = state switch
                {
                    TripState.Submitted => CaseOutcome.InProgress,
                    TripState.Returned => CaseOutcome.Returned,
                    TripState.Rejected => CaseOutcome.Rejected,
                    _ => CaseOutcome.Approved,
                };
                var excluded = new HashSet<Guid>(people.Select(p => p.Id).Concat(people.Select(p => p.UserId))) { filer.UserId, filer.Id };
                var (c, last) = workflow.Write(batch, tenant, CaseTypes.Trip, facts, new ScaleUser(filer.UserId, filer.UserName, filer.Id, filer.NameZh),
                    trip.UnitId, id, $"{trip.Number} {trip.Title}", $"No. {trip.Number} · {TripLabels.Of(type)}\nDelegation of {people.Count}, led by {leader.NameZh} {leader.NameEn}",
                    $"/Trips/Details/{id}", submitted, outcome, random.Next(6), excluded);
                trip.CaseId = c.Id;
                if (state is TripState.Approved or TripState.Withdrawn or TripState.Publicity)
                {
                    trip.ApprovedUtc = state == TripState.Publicity ? null : last.AddDays(state == TripState.Approved && future ? 0 : 6);
                    if (trip.ApprovedUtc > context.AsOfUtc)
                    {
                        trip.ApprovedUtc = last;
                    }
                }
                if (state == TripState.Publicity)
                {
                    trip.PublicityEndsOn = asOf.AddDays(random.Next(1, 6));
                }
                if (state == TripState.Withdrawn)
                {
                    trip.WithdrawnReason = random.Pick(["The conference was cancelled.", "The host postponed the visit.", "Objection during the publicity period.", "Illness of the delegation leader."]);
                }
                if (state == TripState.Approved && departure <= asOf.AddDays(3))
                {
                    Journey(context, batch, random, tenant, trip, people, documents, checkedOut, busy);
                }
                if (state == TripState.Approved && back < asOf.AddDays(-5))
                {
                    Report(context, batch, random, tenant, trip, filer, places);
                }
            }
            await batch.FlushIfAsync(BatchTrips * 18, ct);
        }
        // Passports still out at the end of the history: their rows change once, with an audit entry.
        foreach (var (doc, before) in checkedOut.Values)
        {
            doc.Version = 2;
            batch.Update(doc, before);
        }
        await batch.FlushAsync(ct);
    }

    /// <summary>A passport for three in four members of staff and a Hong Kong/Macao permit for a
    /// third, each registered into custody when issued.</summary>
    private static Dictionary<(Guid Staff, TravelDocumentType Type), TravelDocument> Documents(ScaleContext context, ScaleContext.Batch batch, ScaleRandom random)
    {
        var result = new Dictionary<(Guid, TravelDocumentType), TravelDocument>();
        var serial = 0;
        foreach (var tenant in context.City.Institutions)
        {
            var officer = tenant.Holder(Roles.OfficerExit, random);
            foreach (var staff in tenant.Staff)
            {
                foreach (var (type, p) in new[] { (TravelDocumentType.OfficialPassport, 0.75), (TravelDocumentType.HongKongMacaoPermit, 0.35) })
                {
                    if (!random.Chance(p))
                    {
                        continue;
                    }
                    serial++;
                    var issued = context.AsOf.AddDays(-random.Next(30, 3400));
                    var registered = issued.AddDays(random.Next(5, 30)).ToDateTime(new TimeOnly(2, 30), DateTimeKind.Utc);
                    var number = (1_000_000 + (long)serial * 7_919 % 9_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var doc = new TravelDocument
                    {
                        Id = random.NextId(registered), TenantId = tenant.Id, Type = type, HolderId = staff.Id,
                        Number = type == TravelDocumentType.OfficialPassport ? "SE" + number : "CD" + number,
                        IssueDate = issued, ExpiryDate = issued.AddYears(type == TravelDocumentType.OfficialPassport ? 10 : 5).AddDays(-1),
                        IssuedBy = type == TravelDocumentType.OfficialPassport ? "Ministry of Foreign Affairs" : "Exit and Entry Administration",
                        Status = TravelDocumentStatus.InCustody, CreatedUtc = registered,
                    };
                    batch.Add(doc);
                    batch.Add(new CustodyEntry
                    {
                        Id = random.NextId(registered), TenantId = tenant.Id, DocumentId = doc.Id, Action = CustodyAction.Registered,
                        ByUserId = officer.Id, ByName = officer.DisplayName, AtUtc = registered,
                    });
                    result[(staff.Id, type)] = doc;
                }
            }
        }
        return result;
    }

    /// <summary>Each traveller's document checked out before departure and returned after; still
    /// out when the trip is under way at the end of the history.</summary>
    private static void Journey(ScaleContext context, ScaleContext.Batch batch, ScaleRandom random, ScaleTenant tenant, Trip trip,
        List<ScaleStaff> people, Dictionary<(Guid, TravelDocumentType), TravelDocument> documents, Dictionary<Guid, (TravelDocument, string)> checkedOut,
        Dictionary<Guid, List<(DateTime From, DateTime Until)>> busy)
    {
        var type = trip.Type switch
        {
            TripType.HongKongMacao => TravelDocumentType.HongKongMacaoPermit,
            TripType.Taiwan => (TravelDocumentType?)null,
            _ => TravelDocumentType.OfficialPassport,
        };
        if (type is null)
        {
            return;
        }
        var officer = tenant.Holder(Roles.OfficerExit, random);
        var due = trip.ReturnDate!.Value.AddDays(10);
        foreach (var person in people)
        {
            if (!documents.TryGetValue((person.Id, type.Value), out var doc) || doc.IssueDate > trip.DepartureDate)
            {
                continue;
            }
            var outAt = trip.DepartureDate!.Value.AddDays(-random.Next(1, 6)).ToDateTime(new TimeOnly(1 + random.Next(8), random.Next(60)), DateTimeKind.Utc);
            if (outAt > context.AsOfUtc)
            {
                continue;
            }
            var outId = random.NextId(outAt);
            var backAt = trip.ReturnDate!.Value.AddDays(random.Chance(0.9) ? random.Next(1, 9) : random.Next(9, 40))
                .ToDateTime(new TimeOnly(1 + random.Next(8), random.Next(60)), DateTimeKind.Utc);
            var returned = backAt <= context.AsOfUtc;
            // Trips come in no order of time, and one person's trips may overlap: a document goes
            // with the first of them that claims it and stays home for the others, so its ledger
            // alternates check-outs and returns and ends where the document is.
            var until = returned ? backAt : DateTime.MaxValue;
            if (!busy.TryGetValue(doc.Id, out var spans))
            {
                busy[doc.Id] = spans = [];
            }
            // Nor can it go before the office has registered it.
            if (outAt <= doc.CreatedUtc || spans.Any(s => s.From < until && outAt < s.Until))
            {
                continue;
            }
            spans.Add((outAt, until));
            batch.Add(new CustodyEntry
            {
                Id = outId, TenantId = tenant.Id, DocumentId = doc.Id, Action = CustodyAction.CheckedOut, TripId = trip.Id,
                ReturnDue = due, ByUserId = officer.Id, ByName = officer.DisplayName, AtUtc = outAt,
            });
            if (returned)
            {
                batch.Add(new CustodyEntry
                {
                    Id = random.NextId(backAt), TenantId = tenant.Id, DocumentId = doc.Id, Action = CustodyAction.Returned, TripId = trip.Id,
                    ReturnDue = due, ByUserId = officer.Id, ByName = officer.DisplayName, AtUtc = backAt,
                });
            }
            else
            {
                var before = batch.Snapshot(doc);
                doc.Status = TravelDocumentStatus.CheckedOut;
                doc.TripId = trip.Id;
                doc.CheckedOutUtc = outAt;
                doc.ReturnDue = due;
                checkedOut[doc.Id] = (doc, before);
            }
        }
    }

    /// <summary>The report after the trip: mostly approved, recent ones drafts or waiting, a few missing.</summary>
    private static void Report(ScaleContext context, ScaleContext.Batch batch, ScaleRandom random, ScaleTenant tenant, Trip trip,
        ScaleStaff filer, List<(string Country, string City)> places)
    {
        var recent = trip.ReturnDate!.Value > context.AsOf.AddDays(-60);
        var state = recent
            ? Roll(random, ((ReportState?)ReportState.Draft, 30), (ReportState.Submitted, 35), (ReportState.Approved, 20), (null, 15))
            : Roll(random, ((ReportState?)ReportState.Approved, 93), (ReportState.Submitted, 2), (ReportState.Returned, 1), (null, 4));
        if (state is null)
        {
            return;
        }
        var created = trip.ReturnDate.Value.AddDays(random.Next(1, 5)).ToDateTime(new TimeOnly(3, random.Next(60)), DateTimeKind.Utc);
        if (created > context.AsOfUtc)
        {
            created = context.AsOfUtc.AddHours(-2);
        }
        var submitted = state == ReportState.Draft ? (DateTime?)null : Min(created.AddDays(random.Next(0, 20)), context.AsOfUtc.AddHours(-1));
        var decided = state is ReportState.Approved or ReportState.Returned ? Min(submitted!.Value.AddDays(random.Next(1, 10)), context.AsOfUtc.AddMinutes(-30)) : (DateTime?)null;
        var officer = tenant.Holder(Roles.OfficerExit, random);
        var report = new TripReport
        {
            Id = random.NextId(created), TenantId = tenant.Id, TripId = trip.Id, State = state.Value,
            Results = $"Presented our work in {places[0].City}; agreed on joint supervision and a follow-up visit.",
            FollowUp = "Draft a cooperation agreement; invite the hosts to Chongqing next year.",
            ReviewComment = state == ReportState.Returned ? "Please list the contacts made." : null,
            CreatedUtc = created, SubmittedUtc = submitted, SubmittedByUserId = submitted is null ? null : filer.UserId,
            DecidedUtc = decided, DecidedByUserId = decided is null ? null : officer.Id,
        };
        batch.Add(report);
        var days = trip.Days!.Value;
        for (var d = 0; d < Math.Min(days, 2); d++)
        {
            batch.Add(new TripReportDay
            {
                Id = random.NextId(created), TenantId = tenant.Id, TripReportId = report.Id, Date = trip.DepartureDate!.Value.AddDays(d),
                City = places[0].City, Activity = d == 0 ? "Arrival and meeting with the hosts" : random.Pick(Activities), SortOrder = d,
            });
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    /// <summary>The itinerary's days: every day of a short trip; the first three and the last of a long one.</summary>
    private static IEnumerable<int> ItineraryDays(int days) =>
        days <= 5 ? Enumerable.Range(0, days) : [0, 1, 2, days - 1];

    private static DateOnly Departure(ScaleRandom random, DateOnly first, DateOnly horizon)
    {
        var span = horizon.DayNumber - first.DayNumber;
        while (true)
        {
            var day = first.AddDays(random.Next(span));
            var weight = YearWeight(day.Year) * Months[day.Month - 1] / 1.45 / 1.45;
            if (random.NextDouble() < weight)
            {
                return day;
            }
        }
    }

    private static List<(string Country, string City)> Destinations(ScaleRandom random, TripType type)
    {
        switch (type)
        {
            case TripType.HongKongMacao:
                return random.Chance(0.7) ? [("HK", "Hong Kong")] : random.Chance(0.5) ? [("MO", "Macao")] : [("HK", "Hong Kong"), ("MO", "Macao")];
            case TripType.Taiwan:
                return [("TW", random.Pick(["Taipei", "Hsinchu", "Tainan"]))];
        }
        var count = type is TripType.VisitingScholar ? 1 : Roll(random, (1, 70), (2, 22), (3, 8));
        var result = new List<(string, string)>();
        for (var n = 0; n < count * 3 && result.Count < count; n++)
        {
            var (country, cities) = random.Pick(Foreign);
            if (result.All(r => r.Item1 != country))
            {
                result.Add((country, random.Pick(cities)));
            }
        }
        return result;
    }

    internal static T Roll<T>(ScaleRandom random, params (T Value, double Weight)[] choices)
    {
        var total = choices.Sum(c => c.Weight);
        var u = random.NextDouble() * total;
        foreach (var (value, weight) in choices)
        {
            if ((u -= weight) < 0)
            {
                return value;
            }
        }
        return choices[^1].Value;
    }
}
