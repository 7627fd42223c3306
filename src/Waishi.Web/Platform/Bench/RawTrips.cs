using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Waishi.Web.Platform.Bench;

/// <summary>
/// The trip list of a user who sees the whole institution (an exit officer), as the page
/// <c>/Trips</c> and the API <c>/api/v1/trips</c> read it: the same filters, the order
/// <c>DepartureDate DESC, CreatedUtc DESC</c>, the total and one page.
/// </summary>
public static class RawTrips
{
    private sealed record Row(Guid Id, long Version, string Title, string Type, string State, Guid ApplicantId, Guid UnitId,
        DateOnly? Departure, DateOnly? Return, string? Inviting, string Applicant, string Unit);

    /// <summary>/bench/raw/trips?tenant=&amp;State=&amp;Country=&amp;PageNo=: what the page shows (total, 25 rows
    /// with applicant, unit and destinations, the units of the filter).</summary>
    public static async Task<IResult> PageAsync(HttpRequest request, RawDatabase db, Api.ListOptions lists, CancellationToken ct)
    {
        const int pageSize = 25;
        if (!Guid.TryParse(request.Query["tenant"], out var tenant))
        {
            return RawJson.BadRequest("tenant: a GUID is required");
        }
        await using var connection = await db.OpenAsync(ct);
        var (where, parameters, error) = Filter(request, db, tenant, page: true);
        if (error is not null)
        {
            return RawJson.BadRequest(error);
        }
        var (total, capped) = await CountAsync(db, lists, connection, where.Count, parameters, ct);
        var pageCount = Math.Max(1, (int)((total + pageSize - 1) / pageSize));
        var pageNo = Math.Clamp(int.TryParse(request.Query["PageNo"], out var p) ? p : 1, 1, pageCount);
        var rows = await RowsAsync(db, connection, where.Rows, parameters, (pageNo - 1) * pageSize, pageSize, ct);
        var places = await DestinationsAsync(db, connection, rows, ct);
        var units = new List<(Guid Id, string Name)>();
        await using (var command = db.Command(connection, "SELECT \"Id\", \"NameZh\" FROM \"OrgUnit\" WHERE \"TenantId\" = @t", ("@t", tenant)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                units.Add((RawDatabase.ReadGuid(reader, 0), reader.GetString(1)));
            }
        }
        return RawJson.Of(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("total", total);
            json.WriteNumber("page", pageNo);
            json.WriteStartArray("rows");
            foreach (var r in rows)
            {
                json.WriteStartObject();
                json.WriteString("id", r.Id);
                json.WriteString("title", r.Title);
                json.WriteString("type", r.Type);
                json.WriteString("state", r.State);
                json.Date("departure", r.Departure);
                json.WriteString("applicant", r.Applicant);
                json.WriteString("unit", r.Unit);
                json.WriteString("destinations", string.Join(", ", places.GetValueOrDefault(r.Id) ?? []));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("units");
            foreach (var (id, name) in units)
            {
                json.WriteStartArray();
                json.WriteStringValue(id);
                json.WriteStringValue(name);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>/bench/raw/api/trips?tenant=&amp;state=&amp;country=&amp;page=&amp;pageSize=: the API's page of trip summaries.</summary>
    public static async Task<IResult> ApiAsync(HttpRequest request, RawDatabase db, Api.ListOptions lists, CancellationToken ct)
    {
        if (!Guid.TryParse(request.Query["tenant"], out var tenant))
        {
            return RawJson.BadRequest("tenant: a GUID is required");
        }
        var page = int.TryParse(request.Query["page"], out var p) && p >= 1 ? p : 1;
        var pageSize = int.TryParse(request.Query["pageSize"], out var s) && s is >= 1 and <= 200 ? s : 50;
        var (where, parameters, error) = Filter(request, db, tenant, page: false);
        if (error is not null)
        {
            return RawJson.BadRequest(error);
        }
        await using var connection = await db.OpenAsync(ct);
        var (total, capped) = await CountAsync(db, lists, connection, where.Count, parameters, ct);
        var rows = await RowsAsync(db, connection, where.Rows, parameters, (page - 1) * pageSize, pageSize, ct, summary: true);
        return RawJson.Of(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("items");
            foreach (var r in rows)
            {
                json.WriteStartObject();
                json.WriteString("id", r.Id);
                json.WriteNumber("version", r.Version);
                json.WriteString("title", r.Title);
                json.WriteString("type", r.Type);
                json.WriteString("state", r.State);
                json.WriteString("applicantId", r.ApplicantId);
                json.WriteString("unitId", r.UnitId);
                json.Date("departureDate", r.Departure);
                json.Date("returnDate", r.Return);
                if (r.Inviting is null)
                {
                    json.WriteNull("invitingOrganisation");
                }
                else
                {
                    json.WriteString("invitingOrganisation", r.Inviting);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteNumber("total", total);
            json.WriteNumber("page", page);
            json.WriteNumber("pageSize", pageSize);
            json.WriteBoolean("totalCapped", capped);
            json.WriteEndObject();
        });
    }

    /// <summary>The WHERE clause of <c>TripFilter</c> for the page's (State, Country …) or the API's
    /// (state, country, unitId …) query-string names, with the tenant's own filter first; for the
    /// rows and for the count, which differ as the app's do in the country (a test per trip for the
    /// rows in order, the country's trips for the count).</summary>
    private static (Clauses Where, List<(string, object?)> Parameters, string? Error) Filter(HttpRequest request, RawDatabase db, Guid tenant, bool page)
    {
        var where = new StringBuilder("t.\"TenantId\" = @t");
        var count = new StringBuilder("t.\"TenantId\" = @t");
        var parameters = new List<(string, object?)> { ("@t", tenant) };
        void Both(string clause)
        {
            where.Append(clause);
            count.Append(clause);
        }
        string? Get(string pageName, string apiName)
        {
            var value = request.Query[page ? pageName : apiName].ToString();
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }
        if (Get("State", "state") is { } state)
        {
            Both(" AND t.\"State\" = @state");
            parameters.Add(("@state", state));
        }
        if (Get("Type", "type") is { } type)
        {
            Both(" AND t.\"Type\" = @type");
            parameters.Add(("@type", type));
        }
        if (Get("Unit", "unitId") is { } unitText)
        {
            if (!Guid.TryParse(unitText, out var unit))
            {
                return (new Clauses("", ""), parameters, "unit: a GUID is required");
            }
            Both(" AND t.\"UnitId\" = @unit");
            parameters.Add(("@unit", unit));
        }
        if (Get("Country", "country") is { } country)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM \"TripDestination\" d WHERE d.\"TenantId\" = @t AND d.\"TripId\" = t.\"Id\" AND d.\"CountryCode\" = @country)");
            count.Append(" AND t.\"Id\" IN (SELECT d.\"TripId\" FROM \"TripDestination\" d WHERE d.\"TenantId\" = @t AND d.\"CountryCode\" = @country)");
            parameters.Add(("@country", country.ToUpperInvariant()));
        }
        foreach (var (name, apiName, op) in new[] { ("From", "from", ">="), ("To", "to", "<=") })
        {
            if (Get(name, apiName) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return (new Clauses("", ""), parameters, $"{name}: a date yyyy-MM-dd is required");
                }
                Both($" AND t.\"DepartureDate\" {op} @{apiName}");
                parameters.Add(($"@{apiName}", date));
            }
        }
        if (Get("Q", "q") is { } q)
        {
            Both($" AND ({db.Contains("LOWER(t.\"Title\")", "@q")} OR {db.Contains("LOWER(t.\"InvitingOrganisation\")", "@q")} " +
                "OR EXISTS (SELECT 1 FROM \"TripMember\" m JOIN \"StaffMember\" s ON s.\"Id\" = m.\"StaffMemberId\" WHERE m.\"TripId\" = t.\"Id\" " +
                $"AND ({db.Contains("LOWER(s.\"NameZh\")", "@q")} OR {db.Contains("LOWER(s.\"NameEn\")", "@q")} OR LOWER(s.\"StaffNumber\") = @q)))");
            parameters.Add(("@q", q.ToLowerInvariant()));
        }
        return (new Clauses(where.ToString(), count.ToString()), parameters, null);
    }

    private sealed record Clauses(string Rows, string Count);

    private static async Task<(long Total, bool Capped)> CountAsync(RawDatabase db, Api.ListOptions lists, DbConnection connection, string where, List<(string, object?)> parameters, CancellationToken ct)
    {
        // Counted up to the list's cap, as the page and the API count.
        var cap = lists.CountCap;
        await using var command = db.Command(connection, $"SELECT COUNT(*) FROM (SELECT 1 FROM \"Trip\" t WHERE {where} LIMIT {cap + 1}) x", [.. parameters]);
        var count = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        return count > cap ? (cap, true) : (count, false);
    }

    private static async Task<List<Row>> RowsAsync(RawDatabase db, DbConnection connection, string where, List<(string, object?)> parameters,
        int skip, int take, CancellationToken ct, bool summary = false)
    {
        // The list names the applicant and unit; the API gives their ids and the inviting organisation instead.
        var sql = summary
            ? "SELECT t.\"Id\", t.\"Version\", t.\"Title\", t.\"Type\", t.\"State\", t.\"ApplicantId\", t.\"UnitId\", t.\"DepartureDate\", " +
              $"t.\"ReturnDate\", t.\"InvitingOrganisation\", NULL, NULL FROM \"Trip\" t WHERE {where} "
            : "SELECT t.\"Id\", 0, t.\"Title\", t.\"Type\", t.\"State\", t.\"ApplicantId\", t.\"UnitId\", t.\"DepartureDate\", NULL, NULL, " +
              "s.\"NameZh\", u.\"NameZh\" FROM \"Trip\" t LEFT JOIN \"StaffMember\" s ON s.\"Id\" = t.\"ApplicantId\" " +
              $"LEFT JOIN \"OrgUnit\" u ON u.\"Id\" = t.\"UnitId\" WHERE {where} ";
        sql += $"ORDER BY t.\"DepartureDate\" DESC, t.\"CreatedUtc\" DESC LIMIT {take} OFFSET {skip}";
        await using var command = db.Command(connection, sql, [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<Row>(take);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new Row(RawDatabase.ReadGuid(reader, 0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture),
                reader.GetString(2), reader.GetString(3), reader.GetString(4), RawDatabase.ReadGuid(reader, 5), RawDatabase.ReadGuid(reader, 6),
                RawDatabase.ReadDate(reader, 7), RawDatabase.ReadDate(reader, 8), RawDatabase.ReadString(reader, 9),
                RawDatabase.ReadString(reader, 10) ?? "", RawDatabase.ReadString(reader, 11) ?? ""));
        }
        return rows;
    }

    private static async Task<Dictionary<Guid, List<string>>> DestinationsAsync(RawDatabase db, DbConnection connection, List<Row> rows, CancellationToken ct)
    {
        var places = new Dictionary<Guid, List<string>>();
        if (rows.Count == 0)
        {
            return places;
        }
        await using var command = db.Command(connection, "");
        for (var i = 0; i < rows.Count; i++)
        {
            db.Add(command, $"@d{i}", rows[i].Id);
        }
        command.CommandText = "SELECT \"TripId\", \"CountryCode\", \"City\" FROM \"TripDestination\" " +
            $"WHERE \"TripId\" IN ({string.Join(", ", rows.Select((_, i) => $"@d{i}"))}) ORDER BY \"TripId\", \"SortOrder\"";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var trip = RawDatabase.ReadGuid(reader, 0);
            (places.TryGetValue(trip, out var line) ? line : places[trip] = []).Add($"{reader.GetString(2)} ({reader.GetString(1)})");
        }
        return places;
    }
}
