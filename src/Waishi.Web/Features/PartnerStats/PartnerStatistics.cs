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

/// <summary>
/// Partners and agreements in force (<see cref="Agreement.InForce"/>) by country and continent. An
/// agreement with parties in two countries counts once in each, and once in the totals. The share is
/// the line's part of all partners counted.
/// </summary>
public static class PartnerStatistics
{
    private sealed record PartnerRow(Guid TenantId, Guid Id, string CountryCode);

    private sealed record PartyRow(Guid TenantId, Guid AgreementId, Guid PartnerId);

    /// <summary>The figures of the current tenant (the query filters keep it to its own rows).</summary>
    public static async Task<StatsResult> ForTenantAsync(AppDbContext db, StatsFilter filter, CancellationToken ct = default)
    {
        var (partners, parties) = await LoadAsync(db, filter, null, ct);
        return Compute(partners, parties, null);
    }

    /// <summary>
    /// The city-wide figures for the authority: the rows of every active institution, read with the
    /// tenant filters lifted but leaving this method only as counts (never a partner's or an agreement's name).
    /// </summary>
    public static async Task<StatsResult> ForCityAsync(AppDbContext db, TenantContext tenant, StatsFilter filter, CancellationToken ct = default)
    {
        if (!tenant.IsAuthority)
        {
            throw new InvalidOperationException("Only the authority sees the city-wide statistics.");
        }
        using var _ = tenant.AsSystem();
        var institutions = await db.Set<Tenant>().AsNoTracking().Where(t => t.Kind == TenantKind.Institution && t.IsActive)
            .Select(t => t.Id).ToListAsync(ct);
        var (partners, parties) = await LoadAsync(db, filter, institutions, ct);
        return Compute(partners, parties, institutions);
    }

    private static async Task<(List<PartnerRow>, List<PartyRow>)> LoadAsync(AppDbContext db, StatsFilter filter, List<Guid>? tenants,
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
        if (filter.AgreementType is { } agreementType)
        {
            agreementQuery = agreementQuery.Where(a => a.Type == agreementType);
        }
        var partners = await partnerQuery.Select(p => new PartnerRow(p.TenantId, p.Id, p.CountryCode)).ToListAsync(ct);
        var parties = await db.Set<AgreementParty>().AsNoTracking()
            .Where(x => agreementQuery.Any(a => a.Id == x.AgreementId))
            .Select(x => new PartyRow(x.TenantId, x.AgreementId, x.PartnerId)).ToListAsync(ct);
        if (filter.AgreementType is not null)
        {
            var withAgreement = parties.Select(x => x.PartnerId).ToHashSet();
            partners = [.. partners.Where(p => withAgreement.Contains(p.Id))];
        }
        return (partners, parties);
    }

    private static StatsResult Compute(List<PartnerRow> partners, List<PartyRow> parties, List<Guid>? institutions)
    {
        var partnerById = partners.ToDictionary(p => p.Id);
        // Agreements are counted through the partners that pass the filters.
        var links = parties.Where(x => partnerById.ContainsKey(x.PartnerId))
            .Select(x => (x.TenantId, x.AgreementId, Country: Code(partnerById[x.PartnerId].CountryCode))).Distinct().ToList();
        var total = partners.Count;

        StatsLine Line(string key, IEnumerable<PartnerRow> rows, IEnumerable<(Guid TenantId, Guid AgreementId, string Country)> agreements)
        {
            var list = rows.ToList();
            return new StatsLine(key, list.Count, list.Select(p => Code(p.CountryCode)).Distinct().Count(),
                agreements.Select(a => a.AgreementId).Distinct().Count(), total == 0 ? 0 : Math.Round(100m * list.Count / total, 1));
        }

        var byCountry = partners.GroupBy(p => Code(p.CountryCode))
            .Select(g => Line(g.Key, g, links.Where(l => l.Country == g.Key)))
            .OrderByDescending(l => l.Partners).ThenByDescending(l => l.Agreements).ThenBy(l => l.Key, StringComparer.Ordinal).ToList();
        var byContinent = partners.GroupBy(p => ContinentKey(p.CountryCode))
            .Select(g => Line(g.Key, g, links.Where(l => ContinentKey(l.Country) == g.Key)))
            .OrderByDescending(l => l.Partners).ThenBy(l => l.Key, StringComparer.Ordinal).ToList();
        var byInstitution = institutions is null ? [] : institutions
            .Select(id => Line(id.ToString(), partners.Where(p => p.TenantId == id), links.Where(l => l.TenantId == id)))
            .OrderByDescending(l => l.Partners).ToList();
        return new StatsResult(byCountry, byContinent, byInstitution, total, byCountry.Count, links.Select(l => l.AgreementId).Distinct().Count());
    }

    private static string Code(string code) => code.Trim().ToUpperInvariant();

    /// <summary>The continent's enum name, or "" for a code that is not in ISO 3166.</summary>
    public static string ContinentKey(string countryCode) => Countries.ContinentOf(countryCode)?.ToString() ?? "";
}

/// <summary>What the table partial shows: the heading of the first column, the lines, how a key is named, and the totals.</summary>
public sealed record StatsTable(string Heading, IReadOnlyList<StatsLine> Lines, Func<string, string> Name, StatsResult Totals, string Kind);
