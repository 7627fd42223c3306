using System.Data.Common;
using System.Text;

namespace Waishi.Bench.Trips;

public sealed record TripRow(Guid Id, string Title, string Type, string State, DateOnly? Departure, string Applicant, string Unit, string Destinations);

public sealed record AwaitingRow(Guid CaseId, string CaseType, string Title, string Role, int Step, DateTime Since, DateTime? Due);

/// <summary>
/// What the two pages show, read with hand-written SQL: the same filter, order and page size as
/// the trip list of a user who sees the whole institution, and the same cases as "Awaiting me".
/// Each call opens a (pooled) connection and reads the rows into objects, as the page does.
/// </summary>
public sealed class RawQueries(Database db, Guid tenantId, Guid userId)
{
    public const int PageSize = 25;

    /// <summary>The app's default <c>Lists:CountCap</c>: the trip list counts no further.</summary>
    private const int CountCap = 10_000;

    /// <summary>The total and one page of the trip list with applicant, unit and destinations.</summary>
    public async Task<(long Total, List<TripRow> Rows)> TripsAsync(IReadOnlyDictionary<string, string> filter, int page, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        // The rows and the count differ in the country, as the app's do: the count reaches the
        // country's trips from its destinations, the rows test each trip in the list's order.
        var where = new StringBuilder("t.\"TenantId\" = @t");
        var countWhere = new StringBuilder("t.\"TenantId\" = @t");
        void Both(string clause)
        {
            where.Append(clause);
            countWhere.Append(clause);
        }
        await using var count = Database.Command(connection, "");
        await using var list = Database.Command(connection, "");
        foreach (var command in new[] { count, list })
        {
            db.Add(command, "@t", tenantId);
        }
        void Param(string name, object value)
        {
            db.Add(count, name, value);
            db.Add(list, name, value);
        }
        foreach (var (key, value) in filter)
        {
            switch (key.ToLowerInvariant())
            {
                case "state": Both(" AND t.\"State\" = @state"); Param("@state", value); break;
                case "type": Both(" AND t.\"Type\" = @type"); Param("@type", value); break;
                case "unit": Both(" AND t.\"UnitId\" = @unit"); Param("@unit", Guid.Parse(value)); break;
                case "from": Both(" AND t.\"DepartureDate\" >= @from"); Param("@from", DateOnly.Parse(value)); break;
                case "to": Both(" AND t.\"DepartureDate\" <= @to"); Param("@to", DateOnly.Parse(value)); break;
                case "country":
                    where.Append(" AND EXISTS (SELECT 1 FROM \"TripDestination\" d WHERE d.\"TripId\" = t.\"Id\" AND d.\"CountryCode\" = @country)");
                    countWhere.Append(" AND t.\"Id\" IN (SELECT d.\"TripId\" FROM \"TripDestination\" d WHERE d.\"CountryCode\" = @country)");
                    Param("@country", value.Trim().ToUpperInvariant());
                    break;
                case "q":
                    Both(" AND (LOWER(t.\"Title\") LIKE @q OR LOWER(t.\"InvitingOrganisation\") LIKE @q OR EXISTS (SELECT 1 FROM \"TripMember\" m " +
                        "JOIN \"StaffMember\" s ON s.\"Id\" = m.\"StaffMemberId\" WHERE m.\"TripId\" = t.\"Id\" AND (LOWER(s.\"NameZh\") LIKE @q " +
                        "OR LOWER(s.\"NameEn\") LIKE @q OR LOWER(s.\"StaffNumber\") = @qexact)))");
                    Param("@q", $"%{value.Trim().ToLowerInvariant()}%");
                    Param("@qexact", value.Trim().ToLowerInvariant());
                    break;
                case "pageno": break;
                default: throw new ArgumentException($"the raw trip query does not know the filter '{key}'");
            }
        }
        // Counted as the page counts: up to the app's Lists:CountCap (10,000 unless configured), then capped.
        count.CommandText = $"SELECT COUNT(*) FROM (SELECT 1 FROM \"Trip\" t WHERE {countWhere} LIMIT {CountCap + 1}) x";
        var total = Math.Min(Convert.ToInt64(await count.ExecuteScalarAsync(ct)), CountCap);

        list.CommandText =
            "SELECT t.\"Id\", t.\"Title\", t.\"Type\", t.\"State\", t.\"DepartureDate\", s.\"NameZh\", u.\"NameZh\" " +
            "FROM \"Trip\" t LEFT JOIN \"StaffMember\" s ON s.\"Id\" = t.\"ApplicantId\" LEFT JOIN \"OrgUnit\" u ON u.\"Id\" = t.\"UnitId\" " +
            $"WHERE {where} ORDER BY t.\"DepartureDate\" DESC, t.\"CreatedUtc\" DESC LIMIT {PageSize} OFFSET {(Math.Max(page, 1) - 1) * PageSize}";
        var rows = new List<(Guid Id, string Title, string Type, string State, DateOnly? Departure, string Applicant, string Unit)>();
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add((Database.ReadGuid(reader, 0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4),
                    reader.IsDBNull(5) ? "" : reader.GetString(5), reader.IsDBNull(6) ? "" : reader.GetString(6)));
            }
        }

        var places = new Dictionary<Guid, List<string>>();
        if (rows.Count > 0)
        {
            await using var destinations = Database.Command(connection, "");
            var names = rows.Select((r, i) => $"@d{i}").ToList();
            for (var i = 0; i < rows.Count; i++)
            {
                db.Add(destinations, names[i], rows[i].Id);
            }
            destinations.CommandText = "SELECT \"TripId\", \"CountryCode\", \"City\" FROM \"TripDestination\" " +
                $"WHERE \"TripId\" IN ({string.Join(", ", names)}) ORDER BY \"TripId\", \"SortOrder\"";
            await using var reader = await destinations.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var trip = Database.ReadGuid(reader, 0);
                (places.TryGetValue(trip, out var line) ? line : places[trip] = []).Add($"{reader.GetString(2)} ({reader.GetString(1)})");
            }
        }
        return (total, [.. rows.Select(r => new TripRow(r.Id, r.Title, r.Type, r.State, r.Departure, r.Applicant, r.Unit,
            string.Join(", ", places.GetValueOrDefault(r.Id) ?? [])))]);
    }

    /// <summary>The cases whose current step the user may decide: her role (for the applicant's
    /// unit where the step is unit-scoped) or a delegation to her, not filed by her; oldest first.</summary>
    public async Task<List<AwaitingRow>> AwaitingAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var command = Database.Command(connection,
            "SELECT c.\"Id\", c.\"CaseType\", c.\"Title\", s.\"Role\", c.\"Step\", c.\"StepStartedUtc\", c.\"StepDueUtc\" " +
            "FROM \"WorkflowCase\" c JOIN \"WorkflowStep\" s ON s.\"ChainVersionId\" = c.\"ChainVersionId\" AND s.\"Position\" = c.\"Step\" " +
            "WHERE c.\"TenantId\" = @t AND c.\"State\" = 'InProgress' AND c.\"ApplicantUserId\" <> @u AND s.\"Scope\" <> 'Authority' " +
            "AND (c.\"DelegateUserId\" = @u OR (c.\"DelegateUserId\" IS NULL AND EXISTS (SELECT 1 FROM \"RoleAssignment\" r " +
            "WHERE r.\"UserId\" = @u AND r.\"Role\" = s.\"Role\" AND (s.\"Scope\" <> 'ApplicantUnit' OR r.\"OrgUnitId\" = c.\"ApplicantUnitId\")))) " +
            "ORDER BY c.\"StepStartedUtc\"");
        db.Add(command, "@t", tenantId);
        db.Add(command, "@u", userId);
        var rows = new List<AwaitingRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new AwaitingRow(Database.ReadGuid(reader, 0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt32(4), Database.ReadDateTime(reader, 5), reader.IsDBNull(6) ? null : Database.ReadDateTime(reader, 6)));
        }
        return rows;
    }

    /// <summary>The tenant and id of an account, looked up once before measuring.</summary>
    public static async Task<(Guid Tenant, Guid User)> AccountAsync(Database db, string userName, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var command = Database.Command(connection, "SELECT \"TenantId\", \"Id\" FROM \"AspNetUsers\" WHERE \"NormalizedUserName\" = @n");
        db.Add(command, "@n", userName.ToUpperInvariant());
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            throw new InvalidOperationException($"no account {userName}");
        }
        return (Database.ReadGuid(reader, 0), Database.ReadGuid(reader, 1));
    }
}
