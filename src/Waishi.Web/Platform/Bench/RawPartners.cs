using System.Globalization;
using Waishi.Web.Features.Partners;
using Waishi.Web.Features.PartnerStats;

namespace Waishi.Web.Platform.Bench;

/// <summary>The partner search and the authority's city statistics, read with hand-written SQL.</summary>
public static class RawPartners
{
    /// <summary>/bench/raw/partners?tenant=&amp;Q=&amp;PageNo=: the tenant's partners matching any name
    /// (normalised as the page does) or the city as typed: total, 25 by English name, the countries of the filter.</summary>
    public static async Task<IResult> SearchAsync(HttpRequest request, RawDatabase db, CancellationToken ct)
    {
        const int pageSize = 25;
        if (!Guid.TryParse(request.Query["tenant"], out var tenant))
        {
            return RawJson.BadRequest("tenant: a GUID is required");
        }
        var typed = request.Query["Q"].ToString();
        var q = NameNormaliser.Normalise(typed);
        var where = "\"TenantId\" = @t" + (q.Length > 0
            ? $" AND ({db.Contains("\"SearchText\"", "@q")} OR (\"City\" IS NOT NULL AND {db.Contains("\"City\"", "@c")}))"
            : "");
        (string, object?)[] parameters = [("@t", tenant), ("@q", q), ("@c", typed.Trim())];
        await using var connection = await db.OpenAsync(ct);
        await using var count = db.Command(connection, $"SELECT COUNT(*) FROM \"Partner\" WHERE {where}", parameters);
        var total = Convert.ToInt64(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        var pageCount = Math.Max(1, (int)((total + pageSize - 1) / pageSize));
        var pageNo = Math.Clamp(int.TryParse(request.Query["PageNo"], out var p) ? p : 1, 1, pageCount);
        var rows = new List<(Guid Id, string NameEn, string? NameZh, string Country, string? City, string Type, string Region, string? Ror)>();
        await using (var list = db.Command(connection,
            "SELECT \"Id\", \"NameEn\", \"NameZh\", \"CountryCode\", \"City\", \"Type\", \"Region\", \"RorId\" FROM \"Partner\" " +
            $"WHERE {where} ORDER BY \"NameEn\", \"Id\" LIMIT {pageSize} OFFSET {(pageNo - 1) * pageSize}", parameters))
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add((RawDatabase.ReadGuid(reader, 0), reader.GetString(1), RawDatabase.ReadString(reader, 2), reader.GetString(3),
                    RawDatabase.ReadString(reader, 4), reader.GetString(5), reader.GetString(6), RawDatabase.ReadString(reader, 7)));
            }
        }
        var countries = new List<string>();
        await using (var command = db.Command(connection, "SELECT DISTINCT \"CountryCode\" FROM \"Partner\" WHERE \"TenantId\" = @t ORDER BY 1", ("@t", tenant)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                countries.Add(reader.GetString(0));
            }
        }
        return RawJson.Of(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("total", total);
            json.WriteStartArray("rows");
            foreach (var r in rows)
            {
                json.WriteStartObject();
                json.WriteString("id", r.Id);
                json.WriteString("nameEn", r.NameEn);
                json.WriteString("nameZh", r.NameZh);
                json.WriteString("country", r.Country);
                json.WriteString("city", r.City);
                json.WriteString("type", r.Type);
                json.WriteString("region", r.Region);
                json.WriteString("rorId", r.Ror);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("countries");
            countries.ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>/bench/raw/stats: the city's partners and agreements in force per country, continent and
    /// active institution, counted in SQL (partners per institution and country; distinct agreement
    /// links per institution and country) and summed here.</summary>
    public static async Task<IResult> CityAsync(RawDatabase db, CancellationToken ct)
    {
        const string institutions = "SELECT \"Id\" FROM \"Tenant\" WHERE \"Kind\" = 'Institution' AND \"IsActive\"";
        await using var connection = await db.OpenAsync(ct);
        var names = new List<(Guid Id, string Name, bool Active)>();
        await using (var command = db.Command(connection, "SELECT \"Id\", \"NameZh\", \"IsActive\" FROM \"Tenant\" WHERE \"Kind\" = 'Institution'"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                names.Add((RawDatabase.ReadGuid(reader, 0), reader.GetString(1), reader.GetBoolean(2)));
            }
        }
        var partners = new List<(Guid Tenant, string Country, long Count)>();
        await using (var command = db.Command(connection,
            "SELECT \"TenantId\", UPPER(TRIM(\"CountryCode\")), COUNT(*) FROM \"Partner\" " +
            $"WHERE \"TenantId\" IN ({institutions}) GROUP BY 1, 2"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                partners.Add((RawDatabase.ReadGuid(reader, 0), reader.GetString(1), reader.GetInt64(2)));
            }
        }
        var links = new List<(Guid Tenant, Guid Agreement, string Country)>();
        await using (var command = db.Command(connection,
            "SELECT DISTINCT x.\"TenantId\", x.\"AgreementId\", UPPER(TRIM(p.\"CountryCode\")) FROM \"AgreementParty\" x " +
            "JOIN \"Agreement\" a ON a.\"Id\" = x.\"AgreementId\" JOIN \"Partner\" p ON p.\"Id\" = x.\"PartnerId\" " +
            $"WHERE a.\"State\" IN ('Active', 'Expiring') AND a.\"TenantId\" IN ({institutions}) AND p.\"TenantId\" IN ({institutions})"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                links.Add((RawDatabase.ReadGuid(reader, 0), RawDatabase.ReadGuid(reader, 1), reader.GetString(2)));
            }
        }
        var total = partners.Sum(x => x.Count);
        string Continent(string code) => PartnerStatistics.ContinentKey(code);
        IEnumerable<(string Key, long Partners, int Countries, int Agreements)> Lines<TKey>(
            Func<(Guid Tenant, string Country, long Count), TKey> partnerKey, Func<(Guid Tenant, Guid Agreement, string Country), TKey> linkKey,
            Func<TKey, string> name) where TKey : notnull
        {
            var agreements = links.GroupBy(linkKey).ToDictionary(g => g.Key, g => g.Select(l => l.Agreement).Distinct().Count());
            return partners.GroupBy(partnerKey).Select(g => (name(g.Key), g.Sum(x => x.Count), g.Select(x => x.Country).Distinct().Count(),
                agreements.GetValueOrDefault(g.Key)));
        }
        var byCountry = Lines(x => x.Country, l => l.Country, c => c).ToList();
        var byContinent = Lines(x => Continent(x.Country), l => Continent(l.Country), c => c).ToList();
        var byInstitution = Lines(x => x.Tenant, l => l.Tenant, t => t.ToString()).ToDictionary(l => l.Item1);
        return RawJson.Of(json =>
        {
            void Table(string name, IEnumerable<(string Key, long Partners, int Countries, int Agreements)> lines)
            {
                json.WriteStartArray(name);
                foreach (var l in lines)
                {
                    json.WriteStartArray();
                    json.WriteStringValue(l.Key);
                    json.WriteNumberValue(l.Partners);
                    json.WriteNumberValue(l.Countries);
                    json.WriteNumberValue(l.Agreements);
                    json.WriteNumberValue(total == 0 ? 0 : Math.Round(100m * l.Partners / total, 1));
                    json.WriteEndArray();
                }
                json.WriteEndArray();
            }
            json.WriteStartObject();
            json.WriteNumber("partners", total);
            json.WriteNumber("countries", byCountry.Count);
            json.WriteNumber("agreements", links.Select(l => l.Agreement).Distinct().Count());
            Table("byCountry", byCountry.OrderByDescending(l => l.Partners).ThenByDescending(l => l.Agreements).ThenBy(l => l.Key, StringComparer.Ordinal));
            Table("byContinent", byContinent.OrderByDescending(l => l.Partners).ThenBy(l => l.Key, StringComparer.Ordinal));
            Table("byInstitution", names.Where(n => n.Active)
                .Select(n => byInstitution.TryGetValue(n.Id.ToString(), out var l) ? l : (n.Id.ToString(), 0L, 0, 0)).OrderByDescending(l => l.Item2));
            json.WriteStartObject("institutions");
            foreach (var (id, name, _) in names)
            {
                json.WriteString(id.ToString(), name);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }
}
