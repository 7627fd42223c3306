using System.Data.Common;
using Waishi.Bench.Trips;

namespace Waishi.Bench.Partners;

public sealed record RorRow(string RorId, string Name, string? CountryCode, string? City, string Types, string Status);

public sealed record PartnerRow(Guid Id, string NameEn, string? NameZh, string CountryCode, string? City, string Type, string Region, string? RorId);

/// <summary>
/// What the two search pages show, read with hand-written SQL: the same filter, order and page size.
/// The search strings are given already normalised (lower case, single spaces), as the pages
/// normalise what is typed. Each call opens a (pooled) connection and reads the rows into objects.
/// </summary>
public sealed class RawQueries(Database db)
{
    public const int PageSize = 25;
    /// <summary>The registry page counts at most this many matches (40 pages).</summary>
    public const int RorCountCap = PageSize * 40;

    /// <summary>The registry search for any name: the capped total, the first page by name, and which of
    /// its organisations the tenant already has as partners.</summary>
    public async Task<(long Total, List<RorRow> Rows, HashSet<string> Partners)> RorAsync(Guid tenantId, string q, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var like = $"%{q}%";
        await using var count = Database.Command(connection,
            $"SELECT COUNT(*) FROM (SELECT 1 FROM \"RorOrganisation\" WHERE \"SearchText\" LIKE @q LIMIT {RorCountCap}) AS m");
        db.Add(count, "@q", like);
        var total = Convert.ToInt64(await count.ExecuteScalarAsync(ct));
        await using var list = Database.Command(connection,
            "SELECT \"RorId\", \"DisplayName\", \"CountryCode\", \"City\", \"Types\", \"Status\" FROM \"RorOrganisation\" " +
            $"WHERE \"SearchText\" LIKE @q ORDER BY \"DisplayName\", \"RorId\" LIMIT {PageSize}");
        db.Add(list, "@q", like);
        var rows = new List<RorRow>(PageSize);
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new RorRow(reader.GetString(0), reader.GetString(1), NullableString(reader, 2), NullableString(reader, 3),
                    reader.GetString(4), reader.GetString(5)));
            }
        }
        var partners = new HashSet<string>();
        if (rows.Count > 0)
        {
            await using var mine = Database.Command(connection,
                $"SELECT \"RorId\" FROM \"Partner\" WHERE \"TenantId\" = @t AND \"RorId\" IN ({string.Join(", ", rows.Select((_, i) => $"@r{i}"))})");
            db.Add(mine, "@t", tenantId);
            for (var i = 0; i < rows.Count; i++)
            {
                db.Add(mine, $"@r{i}", rows[i].RorId);
            }
            await using var reader = await mine.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                partners.Add(reader.GetString(0));
            }
        }
        return (total, rows, partners);
    }

    /// <summary>The partner list searched by any name (or the city as typed): the total, the first page
    /// by English name, and the tenant's countries for the filter.</summary>
    public async Task<(long Total, List<PartnerRow> Rows, List<string> Countries)> PartnersAsync(Guid tenantId, string q, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        // The city is compared as typed (case-sensitive), the names normalised.
        var where = $"\"TenantId\" = @t AND (\"SearchText\" LIKE @q OR {(db.IsPostgres ? "strpos(\"City\", @c) > 0" : "instr(\"City\", @c) > 0")})";
        await using var count = Database.Command(connection, $"SELECT COUNT(*) FROM \"Partner\" WHERE {where}");
        await using var list = Database.Command(connection,
            "SELECT \"Id\", \"NameEn\", \"NameZh\", \"CountryCode\", \"City\", \"Type\", \"Region\", \"RorId\" FROM \"Partner\" " +
            $"WHERE {where} ORDER BY \"NameEn\", \"Id\" LIMIT {PageSize}");
        foreach (var command in new[] { count, list })
        {
            db.Add(command, "@t", tenantId);
            db.Add(command, "@q", $"%{q}%");
            db.Add(command, "@c", q);
        }
        var total = Convert.ToInt64(await count.ExecuteScalarAsync(ct));
        var rows = new List<PartnerRow>(PageSize);
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new PartnerRow(Database.ReadGuid(reader, 0), reader.GetString(1), NullableString(reader, 2), reader.GetString(3),
                    NullableString(reader, 4), reader.GetString(5), reader.GetString(6), NullableString(reader, 7)));
            }
        }
        await using var countries = Database.Command(connection, "SELECT DISTINCT \"CountryCode\" FROM \"Partner\" WHERE \"TenantId\" = @t ORDER BY 1");
        db.Add(countries, "@t", tenantId);
        var codes = new List<string>();
        await using (var reader = await countries.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                codes.Add(reader.GetString(0));
            }
        }
        return (total, rows, codes);
    }

    /// <summary>The plans of the registry search's two statements, with their time (EXPLAIN ANALYZE on
    /// PostgreSQL, EXPLAIN QUERY PLAN on SQLite).</summary>
    public async Task ExplainAsync(string q, TextWriter output, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        string[] statements =
        [
            $"SELECT COUNT(*) FROM (SELECT 1 FROM \"RorOrganisation\" WHERE \"SearchText\" LIKE @q LIMIT {RorCountCap}) AS m",
            "SELECT \"RorId\", \"DisplayName\", \"CountryCode\", \"City\", \"Types\", \"Status\" FROM \"RorOrganisation\" " +
                $"WHERE \"SearchText\" LIKE @q ORDER BY \"DisplayName\", \"RorId\" LIMIT {PageSize}",
        ];
        foreach (var sql in statements)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await using (var run = Database.Command(connection, sql))
            {
                db.Add(run, "@q", $"%{q}%");
                await using var reader = await run.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                }
            }
            await output.WriteLineAsync($"{sql}\n  -- {clock.Elapsed.TotalMilliseconds:F1} ms for \"{q}\"");
            await using var explain = Database.Command(connection, (db.IsPostgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ") + sql);
            db.Add(explain, "@q", $"%{q}%");
            await using var plan = await explain.ExecuteReaderAsync(ct);
            while (await plan.ReadAsync(ct))
            {
                await output.WriteLineAsync("  " + plan.GetValue(plan.FieldCount - 1));
            }
        }
    }

    /// <summary>The tenant of an account, looked up once before measuring.</summary>
    public async Task<Guid> TenantOfAsync(string userName, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var command = Database.Command(connection, "SELECT \"TenantId\" FROM \"AspNetUsers\" WHERE \"NormalizedUserName\" = @n");
        db.Add(command, "@n", userName.ToUpperInvariant());
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Database.ReadGuid(reader, 0) : throw new InvalidOperationException($"no account {userName}");
    }

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
