using System.Globalization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Visits;
using Waishi.Web.Features.Visits.Letters;
using Waishi.Web.Platform.Documents;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Platform.Demo.Scale;

/// <summary>
/// Ten years of inbound visits: foreign (and Hong Kong, Macao, Taiwan) delegations with their
/// members, the programme with the staff who attend, the reception budget and gifts, the approval
/// case on the visit chain with its decisions, the delegation's invitation letter in the document
/// register for approved visits, and the closure (销签) with an optional published summary for
/// visits that took place. Arrivals follow the academic year (spring and autumn peaks, few around
/// the Spring Festival and in August) and the years (almost none in 2020–2022); the visitors come
/// from where the trips go.
/// </summary>
public sealed class VisitGenerator : IScaleGenerator
{
    public string Name => "visits";
    public int Order => 300;

    private const int FlushRows = 60_000;

    // Arrivals by month (Jan..Dec): semesters bring visitors, holidays do not.
    private static readonly double[] Months = [0.45, 0.35, 1.0, 1.3, 1.35, 1.15, 0.8, 0.5, 1.05, 1.25, 1.4, 1.0];

    private static readonly Weighted<(string Country, string[] Cities)> Origins = new(
        TripGenerator.Countries.Select(c => ((c.Country, c.Cities), c.Weight))
            .Concat([(("HK", new[] { "Hong Kong" }), 8.0), (("MO", new[] { "Macao" }), 1.5), (("TW", new[] { "Taipei", "Hsinchu", "Tainan" }), 2.5)]));

    private static readonly Weighted<VipLevel> Vip = new([(VipLevel.None, 12), (VipLevel.Ordinary, 62), (VipLevel.Important, 21), (VipLevel.StateLevel, 5)]);

    private static readonly (string[] Countries, string[] Given, string[] Family)[] Names =
    [
        (["US", "GB", "AU", "CA", "NZ", "IE", "SG", "ZA", "KE"], ["James", "Mary", "Robert", "Linda", "David", "Susan", "Michael", "Emma", "Daniel", "Olivia", "Thomas", "Grace"],
            ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Clarke", "Walker", "Hughes", "Miller", "Davies", "Evans", "Robinson"]),
        (["DE", "AT", "CH", "NL", "BE"], ["Lukas", "Anna", "Jonas", "Lena", "Felix", "Sophie", "Maximilian", "Hannah", "Jan", "Katrin"],
            ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "de Vries", "Janssens"]),
        (["FR"], ["Louis", "Camille", "Hugo", "Chloé", "Jules", "Manon", "Antoine", "Claire"], ["Martin", "Bernard", "Dubois", "Laurent", "Moreau", "Lefebvre", "Girard"]),
        (["JP"], ["Hiroshi", "Yuki", "Takashi", "Aiko", "Kenji", "Naoko", "Satoshi", "Emi"], ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura"]),
        (["KR"], ["Min-jun", "Seo-yeon", "Ji-ho", "Ha-eun", "Hyun-woo", "Ji-won"], ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Yoon"]),
        (["RU", "KZ"], ["Alexei", "Olga", "Dmitry", "Natalia", "Sergei", "Irina", "Ivan", "Elena"], ["Ivanov", "Smirnova", "Kuznetsov", "Popova", "Sokolov", "Volkova"]),
        (["IT", "ES", "PT", "BR"], ["Marco", "Giulia", "Pablo", "Lucía", "João", "Ana", "Luca", "Sofia"], ["Rossi", "Bianchi", "García", "Fernández", "Silva", "Santos", "Romano"]),
        (["HK", "MO", "TW"], ["Ka Wai", "Wing Yan", "Chi Keung", "Mei Ling", "Chih-Hao", "Yu-Ting", "Kin Man"], ["Chan", "Wong", "Leung", "Cheung", "Lin", "Huang", "Chen"]),
    ];

    private static readonly string[] ZhFamily = ["陈", "黄", "梁", "张", "林", "王", "李"];
    private static readonly string[] ZhGiven = ["家伟", "咏欣", "志强", "美玲", "志豪", "雨婷", "建文"];

    private static readonly string[] GenericGiven = ["Adam", "Eva", "Omar", "Sara", "Nikolai", "Maria", "Ali", "Lars", "Anita", "Piotr", "Eleni", "Arjun"];
    private static readonly string[] GenericFamily = ["Nowak", "Hansen", "Novák", "Papadopoulos", "Khan", "Nguyen", "Sharma", "Kovács", "Andersson", "Virtanen", "Haddad", "Santoso"];

    private static readonly string[] Titles =
    [
        "President", "Vice-President", "Dean", "Professor", "Associate Professor", "Head of International Relations", "Senior Lecturer",
        "Director of the Institute", "Programme Coordinator", "Researcher",
    ];

    private static readonly string[] Purposes =
    [
        "Talks on a student exchange agreement", "Joint research planning", "Renewal of the cooperation memorandum", "Guest lectures",
        "Visit to the laboratories and talks on joint supervision", "Preparation of a joint summer school", "Courtesy visit of the leadership",
        "Recruitment of students for joint degree programmes",
    ];

    private static readonly (AgendaItemKind Kind, string Text, string Venue)[] Programme =
    [
        (AgendaItemKind.Meeting, "Meeting with the university leadership", "Meeting room 1, administration building"),
        (AgendaItemKind.Meeting, "Talks with the host college", "College meeting room"),
        (AgendaItemKind.CampusTour, "Tour of the campus and the laboratories", "Main campus"),
        (AgendaItemKind.Lecture, "Guest lecture", "Lecture hall"),
        (AgendaItemKind.Banquet, "Welcome dinner", "University guest house"),
        (AgendaItemKind.Other, "Visit to the city's exhibition hall", "Chongqing"),
        (AgendaItemKind.Meeting, "Signing ceremony", "International exchange centre"),
    ];

    private static readonly string[] Gifts = ["Sichuan embroidery", "Shu brocade scarf", "Porcelain tea set", "Chinese calligraphy scroll", "University commemorative album"];

    public async Task GenerateAsync(ScaleContext context, CancellationToken ct)
    {
        var random = context.Random(Name);
        var workflow = new WorkflowHistory(context, context.Random(Name + ".workflow"));
        var batch = context.NewBatch();
        var institutions = context.City.Institutions;
        var byStaff = new Weighted<ScaleTenant>(institutions.Select(t => (t, (double)t.Staff.Count)));
        var hosts = institutions.ToDictionary(t => t.Id, t => new Weighted<ScaleUnit>(t.Units
            .Where(u => t.StaffByUnit.ContainsKey(u.Id))
            .Select(u => (u, u.Kind switch { OrgUnitKind.College => 6.0, OrgUnitKind.Department => 2.0, OrgUnitKind.Institute => 3.0, OrgUnitKind.Hospital => 2.0, _ => 0.6 }))));
        var partners = institutions.ToDictionary(t => t.Id, t => t.Partners.GroupBy(p => p.Country).ToDictionary(g => g.Key, g => g.ToList()));
        var numbers = new Dictionary<(Guid, int), int>();
        var letters = new Dictionary<(Guid, int), int>();

        var total = context.Options.Count(Name);
        var asOf = context.AsOf;
        var first = asOf.AddYears(-10);
        var horizon = asOf.AddDays(180);
        for (var i = 0; i < total; i++)
        {
            var tenant = random.Pick(byStaff);
            var unit = random.Pick(hosts[tenant.Id]);
            var arrival = Arrival(random, first, horizon);
            var days = TripGenerator.Roll(random, (1, 15), (2, 25), (3, 25), (4, 15), (5, 10), (7, 7), (10, 3));
            var departure = arrival.AddDays(days - 1);
            var future = arrival > asOf;
            var closable = departure < asOf.AddDays(-Visit.ClosureDays);
            var state = future
                ? TripGenerator.Roll(random, (VisitState.Draft, 15), (VisitState.InReview, 40), (VisitState.Returned, 6), (VisitState.Approved, 30),
                    (VisitState.Rejected, 3), (VisitState.Withdrawn, 3), (VisitState.Cancelled, 3))
                : closable
                    ? TripGenerator.Roll(random, (VisitState.Closed, 85), (VisitState.Approved, 4), (VisitState.Rejected, 3), (VisitState.Withdrawn, 3),
                        (VisitState.Cancelled, 3), (VisitState.Draft, 2))
                    : TripGenerator.Roll(random, (VisitState.Approved, 58), (VisitState.Closed, 30), (VisitState.Rejected, 3), (VisitState.Withdrawn, 3),
                        (VisitState.Cancelled, 3), (VisitState.Draft, 3));

            var (country, cities) = random.Pick(Origins);
            var city = random.Pick(cities);
            var staffOfUnit = tenant.StaffByUnit[unit.Id];
            var host = random.Pick(staffOfUnit);
            var filer = random.Chance(0.8) ? host : random.Pick(staffOfUnit);
            var officer = tenant.Holder(Roles.OfficerGlobal, random);
            var vip = random.Pick(Vip);
            var filed = arrival.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc).AddDays(-random.Next(20, 90)).AddMinutes(random.Next(0, 600));
            if (filed > context.AsOfUtc.AddDays(-1))
            {
                filed = context.AsOfUtc.AddDays(-random.Next(1, 20)).AddMinutes(-random.Next(0, 600));
            }
            var created = filed.AddMilliseconds(i % 1000);
            var id = random.NextId(created);
            var partner = partners[tenant.Id].TryGetValue(country, out var here) && random.Chance(0.75) ? random.Pick(here)
                : tenant.Partners.Count > 0 && random.Chance(0.15) ? random.Pick(tenant.Partners) : null;
            var organisation = partner?.Name ?? $"University of {city}";
            var purpose = random.Pick(Purposes);
            var visit = new Visit
            {
                Id = id, TenantId = tenant.Id, UnitId = unit.Id, FiledByUserId = filer.UserId, HostContactId = host.Id, OfficerUserId = officer.Id,
                Title = $"Delegation of {organisation}".Length <= 200 ? $"Delegation of {organisation}" : organisation[..200],
                Purpose = $"{purpose}.", PartnerId = partner?.Id, ArrivalDate = arrival, DepartureDate = departure, VipLevel = vip,
                State = state, CreatedUtc = created,
            };
            batch.Add(visit);

            // The delegation: a leader and up to seven members, most of the same organisation.
            var size = vip == VipLevel.StateLevel ? random.Next(4, 9) : TripGenerator.Roll(random, (1, 22), (2, 26), (3, 22), (4, 14), (5, 8), (6, 5), (8, 3));
            var members = new List<VisitMember>(size);
            for (var m = 0; m < size; m++)
            {
                var (latin, zh) = Person(random, country);
                var member = new VisitMember
                {
                    Id = random.NextId(created), TenantId = tenant.Id, VisitId = id, NameLatin = latin, NameZh = zh, Nationality = country,
                    PassportNumber = Passport(random, country), BirthDate = new DateOnly(1955 + random.Next(45), 1 + random.Next(12), 1 + random.Next(28)),
                    Sex = random.Chance(0.55) ? VisitorSex.Male : VisitorSex.Female,
                    Title = m == 0 ? random.Pick(Titles[..6]) : random.Pick(Titles), Organisation = m > 0 && random.Chance(0.15) ? $"University of {city}" : organisation,
                    PartnerId = partner?.Id, IsLeader = m == 0, SortOrder = m,
                };
                members.Add(member);
                batch.Add(member);
            }

            // The programme: a few items a day with the host's staff.
            var sort = 0;
            for (var d = 0; d < Math.Min(days, 4); d++)
            {
                var items = d == 0 ? random.Next(1, 4) : random.Next(1, 3);
                for (var k = 0; k < items; k++)
                {
                    var (kind, text, venue) = d == 0 && k == 0 ? Programme[vip >= VipLevel.Important ? 0 : 1] : random.Pick(Programme);
                    var start = new TimeOnly(k == 0 ? 9 : 14 + 2 * (k - 1), random.Pick([0, 30]));
                    var item = new VisitAgendaItem
                    {
                        Id = random.NextId(created), TenantId = tenant.Id, VisitId = id, Kind = kind, Date = arrival.AddDays(d),
                        StartTime = start, EndTime = start.AddMinutes(kind == AgendaItemKind.Banquet ? 120 : 90), Venue = venue, Description = text, SortOrder = sort++,
                    };
                    batch.Add(item);
                    var attendees = new HashSet<Guid> { host.Id };
                    for (var a = random.Next(0, 3); a > 0; a--)
                    {
                        attendees.Add(random.Pick(staffOfUnit).Id);
                    }
                    foreach (var staff in attendees)
                    {
                        batch.Add(new VisitAgendaAttendee { Id = random.NextId(created), TenantId = tenant.Id, AgendaItemId = item.Id, StaffMemberId = staff });
                    }
                }
            }

            // The reception budget, per person and day, and a gift for some delegations.
            var categories = new[] { VisitBudgetCategory.Accommodation, VisitBudgetCategory.Meals, VisitBudgetCategory.LocalTransport, VisitBudgetCategory.Banquet, VisitBudgetCategory.Interpretation };
            var lines = 2 + random.Next(3);
            for (var b = 0; b < lines; b++)
            {
                var amount = categories[b] switch
                {
                    VisitBudgetCategory.Accommodation => (300 + random.Next(400)) * size * Math.Max(1, days - 1),
                    VisitBudgetCategory.Meals => (100 + random.Next(100)) * size * days,
                    VisitBudgetCategory.LocalTransport => 300 + random.Next(1500),
                    VisitBudgetCategory.Banquet => (200 + random.Next(200)) * (size + 3),
                    _ => 800 + random.Next(2000),
                };
                batch.Add(new VisitBudgetLine { Id = random.NextId(created), TenantId = tenant.Id, VisitId = id, Category = categories[b], Amount = amount, SortOrder = b });
            }
            if (vip >= VipLevel.Ordinary && random.Chance(0.3))
            {
                batch.Add(new VisitGift
                {
                    Id = random.NextId(created), TenantId = tenant.Id, VisitId = id, Description = random.Pick(Gifts), Recipient = members[0].NameLatin,
                    Value = 100 + random.Next(5) * 100, SortOrder = 0,
                });
            }

            if (state != VisitState.Draft)
            {
                var submitted = created.AddMinutes(random.Next(5, 3 * 24 * 60));
                if (submitted > context.AsOfUtc.AddHours(-6))
                {
                    submitted = created.AddMinutes(1);
                }
                var seq = numbers[(tenant.Id, submitted.Year)] = numbers.GetValueOrDefault((tenant.Id, submitted.Year)) + 1;
                visit.Number = $"VIS-{submitted.Year}-{seq.ToString("D4", CultureInfo.InvariantCulture)}";
                visit.SubmittedUtc = submitted;
                var outcome = state switch
                {
                    VisitState.InReview => CaseOutcome.InProgress,
                    VisitState.Returned or VisitState.Withdrawn => CaseOutcome.Returned,
                    VisitState.Rejected => CaseOutcome.Rejected,
                    _ => CaseOutcome.Approved,
                };
                // The module's own facts and summary, read from the delegation (then let go: rows are written by table).
                visit.Members = members;
                var facts = VisitApproval.Facts(visit, screeningHit: random.Chance(0.02));
                var summary = VisitApproval.Summary(visit, $"{unit.NameZh} {unit.NameEn}");
                visit.Members = [];
                var excluded = new HashSet<Guid> { filer.UserId, filer.Id, host.Id, host.UserId };
                var (c, last) = workflow.Write(batch, tenant, CaseTypes.Visit, facts, new ScaleUser(filer.UserId, filer.UserName, filer.Id, filer.NameZh),
                    unit.Id, id, $"{visit.Number} {visit.Title}", summary,
                    $"/Visits/Details/{id}", submitted, outcome, random.Next(6), excluded);
                visit.CaseId = c.Id;
                if (outcome is CaseOutcome.Approved or CaseOutcome.Rejected)
                {
                    visit.DecidedUtc = last;
                }
                if (state is VisitState.Withdrawn or VisitState.Cancelled)
                {
                    var end = Min(last.AddDays(random.Next(1, 10)), Min(arrival.ToDateTime(new TimeOnly(0, 0), DateTimeKind.Utc), context.AsOfUtc.AddHours(-1)));
                    visit.DecidedUtc = end < last ? last : end;
                    visit.CancelledReason = random.Pick(["The delegation postponed its trip.", "The visitors could not obtain visas in time.",
                        "The partner's leadership changed; the visit will be planned again.", "Dates clash with the university's examinations."]);
                }
                if (state is VisitState.Approved or VisitState.Closed && random.Chance(0.9))
                {
                    Letter(context, batch, random, tenant, unit, visit, members, officer, Min(last.AddDays(random.Next(0, 4)), context.AsOfUtc.AddMinutes(-20)), letters);
                }
                if (state == VisitState.Closed)
                {
                    Close(context, batch, random, visit, members, filer, arrival, departure);
                }
            }
            await batch.FlushIfAsync(FlushRows, ct);
        }
        await batch.FlushAsync(ct);
    }

    /// <summary>The delegation's invitation letter, registered as the module issues it (kind
    /// "invitation-letter", the tenant's next number of the year, a verification code).</summary>
    private static void Letter(ScaleContext context, ScaleContext.Batch batch, ScaleRandom random, ScaleTenant tenant, ScaleUnit unit,
        Visit visit, List<VisitMember> members, ScaleUser officer, DateTime issued, Dictionary<(Guid, int), int> letters)
    {
        var seq = letters[(tenant.Id, issued.Year)] = letters.GetValueOrDefault((tenant.Id, issued.Year)) + 1;
        var names = string.Join("; ", members.Select(VisitLetters.NameOf));
        var document = new IssuedDocument
        {
            Id = random.NextId(issued), TenantId = tenant.Id, Kind = DocumentKinds.InvitationLetter, SubjectId = visit.Id,
            Number = $"{issued.Year}-{seq.ToString("0000", CultureInfo.InvariantCulture)}", Code = Code(random),
            IssuerZh = tenant.NameZh, IssuerEn = tenant.NameEn, Names = names.Length <= 2000 ? names : names[..1999] + "…",
            StartDate = visit.ArrivalDate, EndDate = visit.DepartureDate, IssuedUtc = issued,
        };
        batch.Add(document);
        var list = new BiText("见下方成员名单", "see the list of members below");
        BiText Same(string? text) => new(text ?? "—", text ?? "—");
        var values = new LetterValues(new Dictionary<string, BiText>
        {
            ["purpose"] = Same(visit.Purpose),
            ["visit_title"] = Same(visit.Title),
            ["arrival"] = Same(LetterText.Iso(visit.ArrivalDate)),
            ["departure"] = Same(LetterText.Iso(visit.DepartureDate)),
            ["unit"] = new BiText(unit.NameZh, unit.NameEn),
            ["institution"] = new BiText(tenant.NameZh, tenant.NameEn),
            ["date"] = Same(LetterText.Iso(DateOnly.FromDateTime(issued.AddHours(8)))),
            ["name"] = new BiText(string.Join("、", members.Select(m => m.NameZh ?? m.NameLatin)), string.Join(", ", members.Select(m => m.NameLatin))),
            ["nationality"] = list,
            ["passport"] = list,
            ["birth_date"] = list,
            ["title"] = Same(members[0].Title),
            ["organisation"] = Same(string.Join("; ", members.Select(m => m.Organisation).Distinct())),
        });
        var (bodyZh, bodyEn) = LetterText.Fill(InvitationLetterTemplate.Default(tenant.Id), values, out var titleZh, out var titleEn);
        batch.Add(new VisitLetter
        {
            Id = random.NextId(issued), TenantId = tenant.Id, VisitId = visit.Id, DocumentId = document.Id,
            TitleZh = titleZh, TitleEn = titleEn, BodyZh = bodyZh, BodyEn = bodyEn, IssuedByUserId = officer.Id, IssuedUtc = issued,
        });
    }

    /// <summary>The host records what actually happened; two in five closures get a published summary.</summary>
    private static void Close(ScaleContext context, ScaleContext.Batch batch, ScaleRandom random, Visit visit, List<VisitMember> members,
        ScaleStaff filer, DateOnly arrival, DateOnly departure)
    {
        var closed = Min(departure.ToDateTime(new TimeOnly(3, random.Next(60)), DateTimeKind.Utc).AddDays(random.Chance(0.9) ? random.Next(1, 25) : random.Next(25, 60)),
            context.AsOfUtc.AddHours(-1));
        visit.ClosedUtc = closed;
        visit.ClosedByUserId = filer.UserId;
        var shifted = random.Chance(0.08);
        visit.ActualArrivalDate = shifted ? arrival.AddDays(1) : arrival;
        visit.ActualDepartureDate = departure;
        var absent = 0;
        foreach (var m in members)
        {
            m.Came = m.IsLeader || random.Chance(0.95);
            absent += m.Came == true ? 0 : 1;
        }
        if (absent > 0)
        {
            visit.ActualMembersNote = absent == 1 ? "One member could not travel." : $"{absent} members could not travel.";
        }
        visit.ClosureReport = $"The delegation of {members.Count - absent} was received as planned{(shifted ? ", arriving a day late" : "")}. "
            + "Both sides agreed on the next steps of the cooperation.";
        if (random.Chance(0.4))
        {
            visit.SummaryTitle = visit.Title.Length <= 190 ? visit.Title + " visits us" : visit.Title[..190];
            visit.SummaryText = $"{visit.Title} visited from {arrival:yyyy-MM-dd} to {departure:yyyy-MM-dd}. {visit.Purpose}";
            visit.SummaryPublished = random.Chance(0.8);
            visit.SummaryPublishedUtc = visit.SummaryPublished ? closed : null;
        }
    }

    private static (string Latin, string? Zh) Person(ScaleRandom random, string country)
    {
        foreach (var (countries, given, family) in Names)
        {
            if (countries.Contains(country))
            {
                var latin = $"{random.Pick(family)} {random.Pick(given)}";
                return country is "HK" or "MO" or "TW" ? (latin, random.Pick(ZhFamily) + random.Pick(ZhGiven)) : (latin, null);
            }
        }
        return ($"{random.Pick(GenericFamily)} {random.Pick(GenericGiven)}", null);
    }

    private static string Passport(ScaleRandom random, string country) => country switch
    {
        "HK" or "MO" => "H" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
        "TW" => random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
        _ => country + random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture),
    };

    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A verification code drawn from the stream (the register's form: twelve Crockford characters).</summary>
    private static string Code(ScaleRandom random)
    {
        Span<char> code = stackalloc char[VerificationCode.Length];
        for (var k = 0; k < code.Length; k++)
        {
            code[k] = Crockford[random.Next(32)];
        }
        return new string(code);
    }

    private static DateOnly Arrival(ScaleRandom random, DateOnly first, DateOnly horizon)
    {
        var span = horizon.DayNumber - first.DayNumber;
        var max = 1.4 * TripGenerator.YearWeight(horizon.Year);
        while (true)
        {
            var day = first.AddDays(random.Next(span));
            if (random.NextDouble() * max < TripGenerator.YearWeight(day.Year) * Months[day.Month - 1])
            {
                return day;
            }
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
