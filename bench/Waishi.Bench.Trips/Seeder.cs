using System.Data.Common;
using System.Diagnostics;

namespace Waishi.Bench.Trips;

/// <summary>
/// Writes many trips into one institution of a demo database, with their delegation, destinations
/// and approval cases, in one transaction. <c>awaiting</c> cases wait at the exit officer's step
/// (what the approver sees under "Awaiting me") and as many again at the unit heads' and the
/// director's steps, so that the awaiting query has to sort out whose they are. The rows bypass the
/// audit log: the database is for measuring only.
/// </summary>
public sealed class Seeder(Database db, string tenantCode, string approverUserName, int trips, int awaiting, int staff, int seed = 42)
{
    private static readonly string[] Surnames = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo"];
    private static readonly string[] SurnamesZh = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"];
    private static readonly string[] Given = ["Wei", "Fang", "Min", "Jing", "Lei", "Yan", "Jun", "Tao", "Hong", "Ping", "Qiang", "Li"];
    private static readonly string[] GivenZh = ["伟", "芳", "敏", "静", "磊", "燕", "军", "涛", "红", "平", "强", "丽"];

    private static readonly (string Code, string City)[] Places =
    [
        ("JP", "Tokyo"), ("JP", "Kyoto"), ("US", "Boston"), ("US", "Berkeley"), ("GB", "London"), ("DE", "Berlin"),
        ("FR", "Paris"), ("SG", "Singapore"), ("AU", "Sydney"), ("CA", "Toronto"), ("KR", "Seoul"), ("IT", "Rome"),
        ("NL", "Delft"), ("RU", "Moscow"), ("TH", "Bangkok"), ("CH", "Zurich"), ("SE", "Stockholm"), ("NZ", "Auckland"),
    ];

    private static readonly string[] Subjects =
        ["materials science", "urban planning", "power systems", "structural engineering", "medical imaging", "economics",
         "software engineering", "environmental science", "mechanical design", "public health", "linguistics", "physics"];

    public async Task RunAsync(CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = await db.OpenAsync(ct);
        var demo = await DemoCity.LoadAsync(db, connection, tenantCode, approverUserName, ct);
        if (demo.ExistingTrips > 0)
        {
            throw new InvalidOperationException($"tenant {tenantCode} already has {demo.ExistingTrips} trips: seed a fresh database");
        }
        await using var tx = await connection.BeginTransactionAsync(ct);
        var chainVersion = await demo.TripChainVersionAsync(db, connection, tx, ct);
        var random = new Random(seed);
        var now = new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);
        await AddStaffAsync(connection, tx, demo, random);
        var plan = Plan(random);

        var cases = new List<object?[]>();
        var members = new List<object?[]>();
        var destinations = new List<object?[]>();
        var numbers = new Dictionary<int, int>();
        await using (var tripRows = await db.BulkAsync(connection, tx, "Trip",
            "Id", "ApplicantId", "FiledByUserId", "UnitId", "Type", "State", "Title", "Purpose", "InvitingOrganisation",
            "DepartureDate", "ReturnDate", "FundingSource", "CreatedUtc", "SubmittedUtc", "Version", "TenantId",
            "CaseId", "Number", "PublicityEndsOn", "ApprovedUtc"))
        {
            for (var i = 0; i < trips; i++)
            {
                var (state, step) = plan[i];
                var applicant = demo.Staff[random.Next(demo.Staff.Count)];
                var filer = demo.Filers[random.Next(demo.Filers.Count)];
                var type = (TripType)random.Next(7);
                var pending = state is TripState.Draft or TripState.Submitted or TripState.Returned or TripState.Publicity;
                var departure = pending
                    ? new DateOnly(2027, 1, 4).AddDays(random.Next(180))
                    : new DateOnly(2016, 1, 1).AddDays(random.Next(3650));
                var back = departure.AddDays(type == TripType.VisitingScholar ? 90 + random.Next(270) : 3 + random.Next(8));
                // Distinct creation times keep the list's order (departure, then creation) total.
                var filed = departure.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-40 - random.Next(80));
                filed = filed < now.AddDays(-2) ? filed : now.Date.AddDays(-2 - random.Next(60));
                var created = filed.AddMilliseconds(i);
                var id = Guid.CreateVersion7();
                var subject = Subjects[random.Next(Subjects.Length)];
                var places = Destinations(random, type);
                var title = $"{Label(type)}: {subject} in {places[0].City} #{i + 1}";
                Guid? caseId = state == TripState.Draft ? null : Guid.CreateVersion7();
                string? number = null;
                if (caseId is not null)
                {
                    var seq = numbers[created.Year] = numbers.GetValueOrDefault(created.Year) + 1;
                    number = $"{created.Year}-{seq:D5}";
                    var caseState = state switch
                    {
                        TripState.Submitted => "InProgress",
                        TripState.Returned or TripState.Withdrawn => "Returned",
                        TripState.Rejected => "Rejected",
                        _ => "Approved",
                    };
                    var started = state == TripState.Submitted ? now.AddMinutes(-i) : created.AddDays(2);
                    cases.Add([caseId, "trip", id, title, $"/Trips/Details/{id}", chainVersion, caseState, step, 1,
                        filer, applicant.UnitId, created, started, started.AddDays(5),
                        caseState is "InProgress" or "Returned" ? null : started.AddDays(1),
                        false, false, 0, false, type == TripType.Taiwan, places.Count, false, 1L, demo.TenantId]);
                }
                await tripRows.RowAsync(id, applicant.Id, filer, applicant.UnitId, type, state, title,
                    $"Joint work on {subject} with the host institution.", $"University of {places[0].City}",
                    departure, back, "University budget", created, caseId is null ? null : created.AddDays(1), 1L, demo.TenantId,
                    caseId, number,
                    state == TripState.Publicity ? DateOnly.FromDateTime(now).AddDays(5) : null,
                    state == TripState.Approved ? created.AddDays(10) : null);

                members.Add([Guid.CreateVersion7(), id, applicant.Id, "Leader", 0, 1L, demo.TenantId]);
                var extra = random.Next(4);
                for (var m = 1; m <= extra; m++)
                {
                    var other = demo.Staff[random.Next(demo.Staff.Count)];
                    if (other.Id != applicant.Id)
                    {
                        members.Add([Guid.CreateVersion7(), id, other.Id, "Member", m, 1L, demo.TenantId]);
                    }
                }
                for (var d = 0; d < places.Count; d++)
                {
                    destinations.Add([Guid.CreateVersion7(), id, places[d].Code, places[d].City, d, 1L, demo.TenantId]);
                }
            }
        }
        await WriteAsync(connection, tx, "TripMember", members, "Id", "TripId", "StaffMemberId", "Role", "SortOrder", "Version", "TenantId");
        await WriteAsync(connection, tx, "TripDestination", destinations, "Id", "TripId", "CountryCode", "City", "SortOrder", "Version", "TenantId");
        await WriteAsync(connection, tx, "WorkflowCase", cases,
            "Id", "CaseType", "SubjectId", "Title", "Link", "ChainVersionId", "State", "Step", "Round",
            "ApplicantUserId", "ApplicantUnitId", "CreatedUtc", "StepStartedUtc", "StepDueUtc", "ClosedUtc",
            "ClassifiedMember", "ScreeningHit", "VipLevel", "SeniorCadreLeader", "DestinationTaiwan", "Size", "CityApproval",
            "Version", "TenantId");
        await tx.CommitAsync(ct);
        if (db.IsPostgres)
        {
            // What autovacuum does shortly after such a load: statistics for the planner, and the
            // visibility map that lets counts read the index only.
            await using var vacuum = Database.Command(connection, "VACUUM ANALYZE");
            vacuum.CommandTimeout = 600;
            await vacuum.ExecuteNonQueryAsync(ct);
        }
        Console.WriteLine($"seeded {staff:N0} staff, {trips:N0} trips, {members.Count:N0} members, {destinations.Count:N0} destinations, " +
            $"{cases.Count:N0} cases ({awaiting:N0} awaiting {approverUserName}) in {watch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>A staff directory of realistic size (the demo city has a few dozen people), spread
    /// over the units of the demo staff, so that each person travels on tens of trips, not thousands.</summary>
    private async Task AddStaffAsync(DbConnection connection, DbTransaction tx, DemoCity demo, Random random)
    {
        var units = demo.Staff.Select(s => s.UnitId).Distinct().ToList();
        await using var writer = await db.BulkAsync(connection, tx, "StaffMember",
            "Id", "StaffNumber", "NameZh", "NameEn", "UnitId", "Title", "CadreLevel", "IsClassified", "ClassifiedLevel",
            "Email", "IsActive", "Version", "TenantId");
        for (var i = 1; i <= staff; i++)
        {
            var (s, g) = (random.Next(Surnames.Length), random.Next(Given.Length));
            var row = new StaffRow(Guid.CreateVersion7(), units[random.Next(units.Count)]);
            await writer.RowAsync(row.Id, $"B{i:D6}", SurnamesZh[s] + GivenZh[g], $"{Given[g]} {Surnames[s]}", row.UnitId, "Lecturer",
                "None", false, "None", $"{Given[g].ToLowerInvariant()}.{Surnames[s].ToLowerInvariant()}{i}@example.edu.cn", true, 1L, demo.TenantId);
            demo.Staff.Add(row);
        }
    }

    private async Task WriteAsync(DbConnection connection, DbTransaction tx, string table, List<object?[]> rows, params string[] columns)
    {
        await using var writer = await db.BulkAsync(connection, tx, table, columns);
        foreach (var row in rows)
        {
            await writer.RowAsync(row);
        }
    }

    /// <summary>State and current step of each trip: the awaiting ones first (step 2 is the exit
    /// officer's; 1 the unit heads', 4 the director's), then the history.</summary>
    private List<(TripState State, int Step)> Plan(Random random)
    {
        if (awaiting * 2 > trips)
        {
            throw new ArgumentException("awaiting may be at most half of the trips");
        }
        var plan = new List<(TripState, int)>(trips);
        for (var i = 0; i < awaiting; i++)
        {
            plan.Add((TripState.Submitted, 2));
            plan.Add((TripState.Submitted, i % 2 == 0 ? 1 : 4));
        }
        while (plan.Count < trips)
        {
            var roll = random.Next(100);
            plan.Add(roll switch
            {
                < 5 => (TripState.Draft, 0),
                < 6 => (TripState.Returned, 1 + random.Next(2)),
                < 7 => (TripState.Publicity, 4),
                < 11 => (TripState.Rejected, 1 + random.Next(4)),
                < 15 => (TripState.Withdrawn, 1),
                _ => (TripState.Approved, 4),
            });
        }
        return plan;
    }

    private static List<(string Code, string City)> Destinations(Random random, TripType type) => type switch
    {
        TripType.HongKongMacao => random.Next(2) == 0 ? [("HK", "Hong Kong")] : [("HK", "Hong Kong"), ("MO", "Macao")],
        TripType.Taiwan => [("TW", "Taipei")],
        _ => [.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Places[random.Next(Places.Length)]).Distinct()],
    };

    private static string Label(TripType type) => type switch
    {
        TripType.ResearchCooperation => "Research cooperation",
        TripType.VisitingScholar => "Visiting scholar",
        TripType.StudyVisit => "Study visit",
        TripType.HongKongMacao => "Hong Kong/Macao visit",
        _ => type.ToString(),
    };
}

/// <summary>The app's names for trip types and states (stored by name).</summary>
public enum TripType { Conference, ResearchCooperation, Training, VisitingScholar, StudyVisit, HongKongMacao, Taiwan }

public enum TripState { Draft, Submitted, Returned, Publicity, Approved, Rejected, Withdrawn }
