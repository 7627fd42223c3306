using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.PartnerStats;

/// <summary>The filters of the statistics: the partners' region and type, and the agreements' type.</summary>
public sealed class StatsFilter
{
    public PartnerRegion? Region { get; set; }
    public PartnerType? PartnerType { get; set; }
    /// <summary>Counts only agreements of this type, and only partners that are party to one in force.</summary>
    public AgreementType? AgreementType { get; set; }
}

/// <summary>One line of a statistics table: a country, a continent or an institution.</summary>
public sealed record StatsLine(string Key, int Partners, int Countries, int Agreements, decimal Share);

/// <summary>The figures of one tenant (or of the city): per country, per continent and, for the city, per institution.</summary>
public sealed record StatsResult(
    IReadOnlyList<StatsLine> ByCountry, IReadOnlyList<StatsLine> ByContinent, IReadOnlyList<StatsLine> ByInstitution,
    int Partners, int Countries, int Agreements);

/// <summary>The totals of the home page's line: partners, their countries, and agreements in force.</summary>
public sealed record PartnerFigures(int Partners, int Countries, int Agreements);

/// <summary>
/// Partners and agreements in force (<see cref="Agreement.InForce"/>) by country and continent. An
/// agreement with parties in two countries counts once in each, and once in the totals. The share is
/// the line's part of all partners counted.
/// </summary>
public static class PartnerStatistics
{
    /// <summary>How many partners one tenant has in one country (as stored: codes are normalised after counting).</summary>
    private sealed record PartnerGroup(Guid TenantId, string CountryCode, int Count);

    /// <summary>An agreement in force of a tenant with a partner (that passes the filters) in a country.</summary>
    private sealed record AgreementLink(Guid TenantId, Guid AgreementId, string Country);

    /// <summary>
    /// The figures of the current tenant (the query filters keep it to its own rows); with a
    /// <paramref name="cache"/>, computed once per filter and <see cref="ChangeStamp"/> of the tenant.
    /// </summary>
    public static async Task<StatsResult> ForTenantAsync(AppDbContext db, StatsFilter filter, CancellationToken ct = default,
        StatisticsCache? cache = null)
    {
        async Task<StatsResult> ComputeAsync()
        {
            var (partners, links) = await LoadAsync(db, filter, null, ct);
            return Compute(partners, links, null);
        }
        return await KeptForTenantAsync(db, cache, $"tenant|{Key(filter)}", ComputeAsync, ct);
    }

    /// <summary>
    /// The three totals of the current tenant alone (the home page's line), as <see cref="ForTenantAsync"/>
    /// with no filter counts them, without building its tables: partners grouped by stored country
    /// code (a few hundred rows), and one count of the agreements in force that have a party.
    /// </summary>
    public static async Task<PartnerFigures> FiguresAsync(AppDbContext db, CancellationToken ct = default, StatisticsCache? cache = null)
    {
        return await KeptForTenantAsync(db, cache, "figures", () => CountFiguresAsync(db, ct), ct);
    }

    /// <summary>
    /// Computes for the current tenant, kept in the cache under the key and the tenant's partners
    /// stamp; computed afresh with no cache or in system scope (no one tenant to stamp).
    /// </summary>
    private static async Task<T> KeptForTenantAsync<T>(AppDbContext db, StatisticsCache? cache, string key,
        Func<Task<T>> compute, CancellationToken ct) where T : class
    {
        if (cache is null || db.Tenant.IsSystem || db.Tenant.TenantId is not { } tenantId)
        {
            return await compute();
        }
        var stamp = await StampsAsync(db, [tenantId], ct);
        return await cache.GetAsync($"{key}|{stamp}", compute);
    }

    private static async Task<PartnerFigures> CountFiguresAsync(AppDbContext db, CancellationToken ct)
    {
        var groups = await db.Set<Partner>().AsNoTracking().GroupBy(p => p.CountryCode)
            .Select(g => new { Code = g.Key, Count = g.Count() }).ToListAsync(ct);
        var parties = db.Set<AgreementParty>().AsNoTracking();
        var agreements = await db.Set<Agreement>().AsNoTracking()
            .Where(a => Agreement.InForce.Contains(a.State) && parties.Any(x => x.AgreementId == a.Id))
            .CountAsync(ct);
        return new PartnerFigures(groups.Sum(g => g.Count), groups.Select(g => Code(g.Code)).Distinct().Count(), agreements);
    }

    /// <summary>
    /// The city-wide figures for the authority: the rows of every active institution, read with the
    /// tenant filters lifted but leaving this method only as counts (never a partner's or an agreement's name).
    /// </summary>
    public static async Task<StatsResult> ForCityAsync(AppDbContext db, TenantContext tenant, StatsFilter filter, CancellationToken ct = default,
        StatisticsCache? cache = null)
    {
        if (!tenant.IsAuthority)
        {
            throw new InvalidOperationException("Only the authority sees the city-wide statistics.");
        }
        using var _ = tenant.AsSystem();
        var institutions = await db.Set<Tenant>().AsNoTracking().Where(t => t.Kind == TenantKind.Institution && t.IsActive)
            .OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
        async Task<StatsResult> ComputeAsync()
        {
            var (partners, links) = await LoadAsync(db, filter, institutions, ct);
            return Compute(partners, links, institutions);
        }
        if (cache is null)
        {
            return await ComputeAsync();
        }
        // The stamps are read before the rows: a change committed in between is then either in the
        // rows (and its new stamp makes a new key) or in neither.
        var stamps = await StampsAsync(db, institutions, ct);
        return await cache.GetAsync($"city|{Key(filter)}|{stamps}", ComputeAsync);
    }

    /// <summary>The partners stamps of the tenants, in the order given, as one string ("-" for a tenant never stamped).</summary>
    private static async Task<string> StampsAsync(AppDbContext db, List<Guid> tenants, CancellationToken ct)
    {
        var stamps = await db.Set<ChangeStamp>().AsNoTracking()
            .Where(s => s.Area == ChangeStamps.Partners && tenants.Contains(s.TenantId))
            .Select(s => new { s.TenantId, s.Stamp }).ToDictionaryAsync(s => s.TenantId, s => s.Stamp, ct);
        return string.Join(",", tenants.Select(id => $"{id:N}:{(stamps.TryGetValue(id, out var stamp) ? stamp.ToString("N") : "-")}"));
    }

    private static string Key(StatsFilter filter) => $"{filter.Region}|{filter.PartnerType}|{filter.AgreementType}";

    /// <summary>
    /// Counts in the database rather than rows in memory: partners grouped by tenant and country, and
    /// the distinct (tenant, agreement, country) links of agreements in force with those partners. At
    /// city scale that is a few thousand small rows instead of every partner of the city.
    /// </summary>
    private static async Task<(List<PartnerGroup>, List<AgreementLink>)> LoadAsync(AppDbContext db, StatsFilter filter, List<Guid>? tenants,
        CancellationToken ct)
    {
        var partnerQuery = db.Set<Partner>().AsNoTracking();
        var agreementQuery = db.Set<Agreement>().AsNoTracking().Where(a => Agreement.InForce.Contains(a.State));
        if (tenants is not null)
        {
            partnerQuery = partnerQuery.Where(p => tenants.Contains(p.TenantId));
            agreementQuery = agreementQuery.Where(a => tenants.Contains(a.TenantId));
        }
        if (filter.Region is { } region)
        {
            partnerQuery = partnerQuery.Where(p => p.Region == region);
        }
        if (filter.PartnerType is { } partnerType)
        {
            partnerQuery = partnerQuery.Where(p => p.Type == partnerType);
        }
        var parties = db.Set<AgreementParty>().AsNoTracking();
        if (filter.AgreementType is { } agreementType)
        {
            agreementQuery = agreementQuery.Where(a => a.Type == agreementType);
            // Only partners that are party to an agreement in force of that type.
            partnerQuery = partnerQuery.Where(p => parties.Any(x => x.PartnerId == p.Id && agreementQuery.Any(a => a.Id == x.AgreementId)));
        }
        var groups = await partnerQuery.GroupBy(p => new { p.TenantId, p.CountryCode })
            .Select(g => new PartnerGroup(g.Key.TenantId, g.Key.CountryCode, g.Count())).ToListAsync(ct);
        var links = await parties.Where(x => agreementQuery.Any(a => a.Id == x.AgreementId))
            .Join(partnerQuery, x => x.PartnerId, p => p.Id, (x, p) => new { x.TenantId, x.AgreementId, p.CountryCode })
            .Distinct().ToListAsync(ct);
        return (groups, [.. links.Select(l => new AgreementLink(l.TenantId, l.AgreementId, Code(l.CountryCode))).Distinct()]);
    }

    private static StatsResult Compute(List<PartnerGroup> partners, List<AgreementLink> links, List<Guid>? institutions)
    {
        var total = partners.Sum(p => p.Count);

        StatsLine Line(string key, IEnumerable<PartnerGroup> groups, IEnumerable<AgreementLink> agreements)
        {
            var list = groups.ToList();
            var count = list.Sum(p => p.Count);
            return new StatsLine(key, count, list.Select(p => Code(p.CountryCode)).Distinct().Count(),
                agreements.Select(a => a.AgreementId).Distinct().Count(), total == 0 ? 0 : Math.Round(100m * count / total, 1));
        }

        var linksByCountry = links.ToLookup(l => l.Country);
        var linksByContinent = links.ToLookup(l => ContinentKey(l.Country));
        var linksByTenant = links.ToLookup(l => l.TenantId);
        var byCountry = partners.GroupBy(p => Code(p.CountryCode))
            .Select(g => Line(g.Key, g, linksByCountry[g.Key]))
            .OrderByDescending(l => l.Partners).ThenByDescending(l => l.Agreements).ThenBy(l => l.Key, StringComparer.Ordinal).ToList();
        var byContinent = partners.GroupBy(p => ContinentKey(p.CountryCode))
            .Select(g => Line(g.Key, g, linksByContinent[g.Key]))
            .OrderByDescending(l => l.Partners).ThenBy(l => l.Key, StringComparer.Ordinal).ToList();
        var byInstitution = institutions is null ? [] : institutions
            .Select(id => Line(id.ToString(), partners.Where(p => p.TenantId == id), linksByTenant[id]))
            .OrderByDescending(l => l.Partners).ToList();
        return new StatsResult(byCountry, byContinent, byInstitution, total, byCountry.Count, links.Select(l => l.AgreementId).Distinct().Count());
    }

    private static string Code(string code) => code.Trim().ToUpperInvariant();

    /// <summary>The continent's enum name, or "" for a code that is not in ISO 3166.</summary>
    public static string ContinentKey(string countryCode) => Countries.ContinentOf(countryCode)?.ToString() ?? "";
}

/// <summary>What the table partial shows: the heading of the first column, the lines, how a key is named, and the totals.</summary>
public sealed record StatsTable(string Heading, IReadOnlyList<StatsLine> Lines, Func<string, string> Name, StatsResult Totals, string Kind);
