using System.Text.Json;
using Waishi.Bench.Trips;

namespace Waishi.Bench.Partners;

/// <summary>
/// Gives a tenant <c>count</c> partner institutions taken from the imported registry (as officers do
/// with "Add as partner"): mostly universities, institutes and hospitals, with their English, Chinese
/// or local names and acronyms, linked by ROR id. Written in one transaction with plain ADO.NET; the
/// rows bypass the audit log.
/// </summary>
public sealed class PartnerSeeder(Database db, string tenantCode, int count)
{
    public async Task RunAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var find = Database.Command(connection, "SELECT \"Id\" FROM \"Tenant\" WHERE \"Code\" = @c");
        db.Add(find, "@c", tenantCode.ToUpperInvariant());
        var tenantId = await find.ExecuteScalarAsync(ct) is { } t ? (t is Guid g ? g : Guid.Parse((string)t))
            : throw new InvalidOperationException($"no tenant {tenantCode}");

        // A tenant-specific but fixed choice: the registry in the order of its content hashes,
        // starting at an offset derived from the tenant code.
        var offset = Math.Abs(tenantCode.ToUpperInvariant().Aggregate(17, (h, c) => h * 31 + c)) % 5000;
        await using var pick = Database.Command(connection,
            "SELECT \"RorId\", \"DisplayName\", \"SearchText\", \"CountryCode\", \"City\", \"Types\", \"Website\", \"NamesJson\" " +
            "FROM \"RorOrganisation\" WHERE \"Status\" = 'active' AND \"CountryCode\" IS NOT NULL AND \"CountryCode\" <> 'CN' " +
            "ORDER BY \"ContentHash\" LIMIT @n OFFSET @o");
        db.Add(pick, "@n", count);
        db.Add(pick, "@o", offset);
        var rows = new List<object?[]>(count);
        var now = DateTime.UtcNow;
        await using (var reader = await pick.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var names = JsonDocument.Parse(reader.GetString(7)).RootElement;
                string? zh = null, local = null;
                var acronyms = new List<string>();
                foreach (var n in names.EnumerateArray())
                {
                    var value = n.GetProperty("value").GetString()!;
                    var types = n.GetProperty("types").EnumerateArray().Select(x => x.GetString()).ToList();
                    var lang = n.TryGetProperty("lang", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
                    if (types.Contains("acronym"))
                    {
                        acronyms.Add(value);
                    }
                    else if (types.Contains("label") && !types.Contains("ror_display"))
                    {
                        if (lang == "zh")
                        {
                            zh = value;
                        }
                        else
                        {
                            local = value;
                        }
                    }
                }
                var country = reader.GetString(3);
                var type = reader.GetString(5).Split(',')[0] switch
                {
                    "education" => "University",
                    "facility" => "ResearchInstitute",
                    "company" => "Company",
                    "government" => "Government",
                    "healthcare" => "ResearchInstitute",
                    _ => "Ngo",
                };
                var region = country switch { "HK" => "HongKong", "MO" => "Macao", "TW" => "Taiwan", _ => "Foreign" };
                // The partner's search text: its names normalised, as Partner.Index writes it ("|a|b|").
                var search = "|" + string.Join("|", reader.GetString(2).Split(" | ", StringSplitOptions.RemoveEmptyEntries)) + "|";
                rows.Add([Guid.CreateVersion7(), reader.GetString(1), zh, local, acronyms.Count > 0 ? string.Join("\n", acronyms) : null, search,
                    country, reader.IsDBNull(4) ? null : reader.GetString(4), type, region, reader.GetString(0),
                    reader.IsDBNull(6) ? null : reader.GetString(6), now, 1L, tenantId]);
            }
        }
        if (rows.Count < count)
        {
            throw new InvalidOperationException($"the registry has only {rows.Count} suitable records for {count} partners: import the dump first");
        }
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var bulk = await db.BulkAsync(connection, transaction, "Partner", "Id", "NameEn", "NameZh", "NameLocal", "Acronyms", "SearchText",
            "CountryCode", "City", "Type", "Region", "RorId", "Website", "CreatedUtc", "Version", "TenantId"))
        {
            foreach (var row in rows)
            {
                await bulk.RowAsync(row);
            }
        }
        await transaction.CommitAsync(ct);
        if (db.IsPostgres)
        {
            // What autovacuum would do soon after; SQLite has no statistics unless someone runs ANALYZE.
            await using var analyze = Database.Command(connection, "ANALYZE \"Partner\"; ANALYZE \"RorOrganisation\"");
            await analyze.ExecuteNonQueryAsync(ct);
        }
        Console.WriteLine($"{tenantCode}: {rows.Count:N0} partners added from the registry");
    }
}
