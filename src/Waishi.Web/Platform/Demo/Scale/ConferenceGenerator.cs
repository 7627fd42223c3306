using System.Globalization;
using Waishi.Web.Features.Conferences;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Platform.Demo.Scale;

/// <summary>
/// Ten years of international conferences held by the institutions: each college's annual plan
/// (handed in by the end of November of the year before, most of the time), the applications with
/// their foreign co-organisers (partners) and the expected foreign participants by country, the
/// approval case on the conference chain (the FAO's step when the default policy's thresholds or
/// keywords apply), and the summary of what actually happened after most past conferences.
/// Conferences follow the academic seasons (May–June and October–November) and the years.
/// </summary>
public sealed class ConferenceGenerator : IScaleGenerator
{
    public string Name => "conferences";
    public int Order => 310;

    private const int FlushRows = 20_000;

    // Starts by month (Jan..Dec): spring and autumn conference seasons.
    private static readonly double[] Months = [0.3, 0.2, 0.8, 1.1, 1.4, 1.3, 0.9, 0.6, 1.1, 1.5, 1.4, 0.9];

    private static readonly Weighted<string> Countries = new(TripGenerator.Countries.Select(c => (c.Country, c.Weight))
        .Concat([("HK", 6.0), ("MO", 1.0), ("TW", 1.5)]));

    private static readonly string[] Subjects =
    [
        "Advanced Materials", "Smart Cities", "Power and Energy Systems", "Bridge and Tunnel Engineering", "Medical Imaging", "Digital Economy",
        "Software Engineering", "Environmental Science", "Mechanical Engineering", "Public Health", "Applied Linguistics", "Photonics",
        "Artificial Intelligence", "Mountain Urbanism", "Clinical Oncology", "Wireless Communications", "Ecology of the Yangtze", "Logistics",
    ];

    private static readonly string[] SubjectsZh =
    [
        "先进材料", "智慧城市", "电力与能源系统", "桥梁与隧道工程", "医学影像", "数字经济", "软件工程", "环境科学", "机械工程", "公共卫生",
        "应用语言学", "光子学", "人工智能", "山地城市", "临床肿瘤学", "无线通信", "长江生态", "物流",
    ];

    private static readonly string[] Kinds = ["International Conference on", "International Symposium on", "International Forum on", "International Workshop on"];
    private static readonly string[] KindsZh = ["国际会议", "国际研讨会", "国际论坛", "国际研讨班"];
    private static readonly string[] Venues = ["International Academic Exchange Centre", "Conference Centre, main campus", "Yuelai International Convention Centre", "University Guest House"];

    public async Task GenerateAsync(ScaleContext context, CancellationToken ct)
    {
        var random = context.Random(Name);
        var workflow = new WorkflowHistory(context, context.Random(Name + ".workflow"));
        var batch = context.NewBatch();
        var institutions = context.City.Institutions;
        var asOf = context.AsOf;
        var policy = new ConferencePolicy();

        // Plans: every college for every year of the history and the next, most handed in on time.
        foreach (var tenant in institutions)
        {
            var colleges = tenant.Units.Where(u => u.Kind == OrgUnitKind.College && tenant.StaffByUnit.ContainsKey(u.Id)).ToList();
            foreach (var college in colleges)
            {
                for (var year = asOf.Year - 9; year <= asOf.Year + 1; year++)
                {
                    var due = ConferencePlan.DueDate(year, policy);
                    if (!random.Chance(due < asOf ? 0.6 : 0.5))
                    {
                        continue;
                    }
                    var created = due.AddDays(-random.Next(5, 60)).ToDateTime(new TimeOnly(2, random.Next(60)), DateTimeKind.Utc);
                    var submitted = random.Chance(due < asOf ? 0.92 : 0.7);
                    var by = random.Pick(tenant.StaffByUnit[college.Id]);
                    var plan = new ConferencePlan
                    {
                        Id = random.NextId(created), TenantId = tenant.Id, UnitId = college.Id, Year = year, Submitted = submitted,
                        SubmittedUtc = submitted ? Min(created.AddDays(random.Next(1, 40)), context.AsOfUtc.AddHours(-2)) : null,
                        SubmittedByUserId = submitted ? by.UserId : null,
                    };
                    batch.Add(plan);
                    var items = random.Next(1, 4);
                    for (var k = 0; k < items; k++)
                    {
                        var s = random.Next(Subjects.Length);
                        var expected = Participants(random);
                        batch.Add(new ConferencePlanItem
                        {
                            Id = random.NextId(created), TenantId = tenant.Id, PlanId = plan.Id, SortOrder = k,
                            Title = $"{year} {random.Pick(Kinds)} {Subjects[s]}",
                            ApproximateDates = new DateOnly(year, 1 + random.Next(12), 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture),
                            ExpectedParticipants = expected, ForeignParticipants = expected * random.Next(10, 40) / 100,
                            CoOrganisers = tenant.Partners.Count > 0 && random.Chance(0.6) ? random.Pick(tenant.Partners).Name : null,
                        });
                    }
                    await batch.FlushIfAsync(FlushRows, ct);
                }
            }
        }

        // Applications, spread over the institutions by size.
        var byStaff = new Weighted<ScaleTenant>(institutions.Select(t => (t, (double)t.Staff.Count)));
        var organisers = institutions.ToDictionary(t => t.Id, t => new Weighted<ScaleUnit>(t.Units
            .Where(u => t.StaffByUnit.ContainsKey(u.Id))
            .Select(u => (u, u.Kind switch { OrgUnitKind.College => 8.0, OrgUnitKind.Institute => 3.0, OrgUnitKind.Hospital => 2.0, OrgUnitKind.Department => 0.5, _ => 0.3 }))));
        var numbers = new Dictionary<(Guid, int), int>();
        var total = context.Options.Count(Name);
        var first = asOf.AddYears(-10);
        var horizon = asOf.AddMonths(10);
        for (var i = 0; i < total; i++)
        {
            var tenant = random.Pick(byStaff);
            var unit = random.Pick(organisers[tenant.Id]);
            var start = Start(random, first, horizon);
            var end = start.AddDays(TripGenerator.Roll(random, (0, 10), (1, 35), (2, 35), (3, 15), (4, 5)));
            var future = start > asOf;
            var state = future
                ? TripGenerator.Roll(random, (ConferenceState.Draft, 18), (ConferenceState.Submitted, 40), (ConferenceState.Returned, 8),
                    (ConferenceState.Approved, 30), (ConferenceState.Rejected, 4))
                : TripGenerator.Roll(random, (ConferenceState.Approved, 90), (ConferenceState.Rejected, 4), (ConferenceState.Draft, 3), (ConferenceState.Returned, 3));
            var filer = random.Pick(tenant.StaffByUnit[unit.Id]);
            var officer = tenant.Holder(Roles.OfficerGlobal, random);
            var ngo = random.Chance(0.03);
            var lead = random.Chance(0.9) ? random.Next(4 + (ngo ? 4 : 0), 13) : random.Next(1, 4);
            var filed = start.AddMonths(-lead).AddDays(-random.Next(0, 25)).ToDateTime(new TimeOnly(2, random.Next(60)), DateTimeKind.Utc);
            if (filed > context.AsOfUtc.AddDays(-1))
            {
                filed = context.AsOfUtc.AddDays(-random.Next(1, 30)).AddMinutes(-random.Next(600));
            }
            var created = filed.AddMilliseconds(i % 1000);
            var id = random.NextId(created);
            var s = random.Next(Subjects.Length);
            var k = random.Next(Kinds.Length);
            var expected = Participants(random);
            var foreign = Math.Max(3, expected * random.Next(8, 45) / 100);
            var sensitive = random.Chance(0.01);
            var conference = new Conference
            {
                Id = id, TenantId = tenant.Id, UnitId = unit.Id, FiledByUserId = filer.UserId, OfficerUserId = officer.Id,
                TitleEn = $"{start.Year} {Kinds[k]} {Subjects[s]}", TitleZh = $"{start.Year}年{SubjectsZh[s]}{KindsZh[k]}",
                StartDate = start, EndDate = end, Venue = random.Pick(Venues), City = "Chongqing",
                ExpectedParticipants = expected, ExpectedForeign = foreign, Topics = $"{Subjects[s]}: recent advances, applications and cooperation.",
                SensitiveTopics = sensitive, BudgetTotal = (200 + random.Next(1800)) * expected / 10 * 10, BudgetCurrency = "CNY",
                BudgetNote = random.Pick(["Registration fees and the university's conference fund.", "Project funds (NSFC) and sponsorship.", "Municipal programme for international exchange."]),
                ForeignNgo = ngo, NgoName = ngo ? "International Society of " + Subjects[s] : null,
                NgoFilingNote = ngo ? "Temporary activity filed with the public security bureau." : null,
                State = state, CreatedUtc = created,
            };
            var filedOn = DateOnly.FromDateTime(filed);
            conference.IsLate = ConferenceRules.IsLate(conference, policy, filedOn);
            conference.LateJustification = conference.IsLate ? "The date was fixed by the international society after our plan was handed in." : null;
            conference.CityApproval = ConferenceRules.NeedsCity(conference, policy);
            batch.Add(conference);

            // Co-organisers: partners of the institution (and a society now and then).
            var co = TripGenerator.Roll(random, (0, 25), (1, 45), (2, 22), (3, 8));
            var named = new HashSet<Guid>();
            for (var n = 0; n < co && tenant.Partners.Count > 0; n++)
            {
                var p = random.Pick(tenant.Partners);
                if (named.Add(p.Id))
                {
                    var row = new ConferenceCoOrganiser { Id = random.NextId(created), TenantId = tenant.Id, ConferenceId = id, PartnerId = p.Id, Name = p.Name, SortOrder = n };
                    conference.CoOrganisers.Add(row);
                    batch.Add(row);
                }
            }

            // Expected foreign participants by country: a few countries share them.
            var countries = Split(random, foreign, random.Next(1, 7));
            var sort = 0;
            foreach (var (code, count) in countries)
            {
                var row = new ConferenceCountry { Id = random.NextId(created), TenantId = tenant.Id, ConferenceId = id, CountryCode = code, Count = count, SortOrder = sort++ };
                conference.Countries.Add(row);
                batch.Add(row);
            }

            if (state != ConferenceState.Draft)
            {
                var submitted = created.AddMinutes(random.Next(5, 3 * 24 * 60));
                if (submitted > context.AsOfUtc.AddHours(-6))
                {
                    submitted = created.AddMinutes(1);
                }
                var seq = numbers[(tenant.Id, submitted.Year)] = numbers.GetValueOrDefault((tenant.Id, submitted.Year)) + 1;
                conference.Number = $"CONF-{submitted.Year}-{seq.ToString("D4", CultureInfo.InvariantCulture)}";
                conference.SubmittedUtc = submitted;
                var outcome = state switch
                {
                    ConferenceState.Submitted => CaseOutcome.InProgress,
                    ConferenceState.Returned => CaseOutcome.Returned,
                    ConferenceState.Rejected => CaseOutcome.Rejected,
                    _ => CaseOutcome.Approved,
                };
                var summary = ConferenceApproval.Summary(conference, $"{unit.NameZh} · {unit.NameEn}", ConferenceRules.CityReasons(conference, policy));
                var (c, last) = workflow.Write(batch, tenant, CaseTypes.Conference, ConferenceApproval.Facts(conference, random.Chance(0.02)),
                    new ScaleUser(filer.UserId, filer.UserName, filer.Id, filer.NameZh), unit.Id, id, $"{conference.Number} {conference.TitleEn}",
                    summary, $"/Conferences/Details/{id}", submitted, outcome, random.Next(5), new HashSet<Guid> { filer.UserId, filer.Id });
                conference.CaseId = c.Id;
                if (outcome == CaseOutcome.Approved)
                {
                    conference.ApprovedUtc = last;
                }

                // The summary after the conference: nearly always for older ones, some of the recent.
                var ended = end < asOf;
                var older = end < asOf.AddDays(-policy.SummaryDueDays);
                if (state == ConferenceState.Approved && ended && random.Chance(older ? 0.92 : 0.4))
                {
                    var actual = Math.Max(10, expected * random.Next(75, 115) / 100);
                    conference.ActualParticipants = actual;
                    conference.Outcomes = $"{actual} participants; {random.Next(20, 200)} papers presented; two joint projects agreed with the co-organisers.";
                    conference.SummarySubmittedUtc = Min(end.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc).AddDays(random.Next(3, older ? 45 : 20)), context.AsOfUtc.AddHours(-1));
                    foreach (var (code, count) in countries)
                    {
                        batch.Add(new ConferenceCountry
                        {
                            Id = random.NextId(created), TenantId = tenant.Id, ConferenceId = id, Actual = true, CountryCode = code,
                            Count = Math.Max(1, count * random.Next(70, 110) / 100), SortOrder = sort++,
                        });
                    }
                }
            }
            conference.CoOrganisers = [];
            conference.Countries = [];
            await batch.FlushIfAsync(FlushRows, ct);
        }
        await batch.FlushAsync(ct);
    }

    /// <summary>Most conferences are small; a few are large congresses.</summary>
    private static int Participants(ScaleRandom random)
    {
        var (lo, hi) = TripGenerator.Roll(random, ((30, 80), 35.0), ((80, 150), 30), ((150, 300), 22), ((300, 800), 11), ((800, 2000), 2));
        return random.Next(lo, hi);
    }

    private static List<(string Code, int Count)> Split(ScaleRandom random, int foreign, int countries)
    {
        var codes = new List<string>();
        for (var n = 0; n < countries * 3 && codes.Count < countries; n++)
        {
            var code = random.Pick(Countries);
            if (!codes.Contains(code))
            {
                codes.Add(code);
            }
        }
        var result = new List<(string, int)>();
        var left = foreign;
        for (var n = 0; n < codes.Count; n++)
        {
            var count = n == codes.Count - 1 ? left : Math.Max(1, left * random.Next(30, 70) / 100);
            if (count <= 0)
            {
                break;
            }
            result.Add((codes[n], count));
            left -= count;
        }
        return result;
    }

    private static DateOnly Start(ScaleRandom random, DateOnly first, DateOnly horizon)
    {
        var span = horizon.DayNumber - first.DayNumber;
        var max = 1.5 * TripGenerator.YearWeight(horizon.Year);
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
