using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Ewp;

namespace Waishi.Web.Features.Agreements;

/// <summary>
/// One line of an agreement's quota use: the places of one partner, direction and kind of mobility
/// in one academic year, the mobilities recorded against them and what remains (negative: over quota).
/// Mobilities that no quota covers get a line with no places.
/// </summary>
public sealed record QuotaUseRow(Guid PartnerId, string PartnerNameEn, string? PartnerNameZh, MobilityDirection Direction, MobilityKind Kind,
    int Year, int Places, int Used)
{
    public int Remaining => Places - Used;
    public bool OverQuota => Remaining < 0;
    public string AcademicYear => AgreementQuota.AcademicYear(Year);
    public string PartnerName(bool chinese) => chinese && !string.IsNullOrWhiteSpace(PartnerNameZh) ? PartnerNameZh! : PartnerNameEn;
}

/// <summary>Computes quota use of an agreement from its quota rows and its recorded mobilities.</summary>
public sealed class QuotaUse(AppDbContext db)
{
    /// <summary>The agreement's quota use (tenant-filtered), ordered by year, partner, direction and kind.</summary>
    public async Task<List<QuotaUseRow>> ForAsync(Guid agreementId, CancellationToken ct = default)
    {
        var quotas = await db.Set<AgreementQuota>().AsNoTracking().Where(q => q.AgreementId == agreementId).ToListAsync(ct);
        var used = await db.Set<AgreementMobility>().AsNoTracking().Where(m => m.AgreementId == agreementId)
            .GroupBy(m => new { m.PartnerId, m.Direction, m.Kind, m.Year })
            .Select(g => new { g.Key.PartnerId, g.Key.Direction, g.Key.Kind, g.Key.Year, Count = g.Count() })
            .ToListAsync(ct);
        var partnerIds = quotas.Select(q => q.PartnerId).Concat(used.Select(u => u.PartnerId)).Distinct().ToList();
        var partners = await db.Set<Partner>().AsNoTracking().Where(p => partnerIds.Contains(p.Id))
            .Select(p => new { p.Id, p.NameEn, p.NameZh }).ToDictionaryAsync(p => p.Id, ct);
        return Compute(quotas, used.Select(u => (u.PartnerId, u.Direction, u.Kind, u.Year, u.Count)),
            id => partners.TryGetValue(id, out var p) ? (p.NameEn, p.NameZh) : ("", null));
    }

    /// <summary>The arithmetic: places of overlapping quota rows add up; each mobility counts once.</summary>
    public static List<QuotaUseRow> Compute(IEnumerable<AgreementQuota> quotas,
        IEnumerable<(Guid PartnerId, MobilityDirection Direction, MobilityKind Kind, int Year, int Count)> used,
        Func<Guid, (string NameEn, string? NameZh)> names)
    {
        var places = new Dictionary<(Guid, MobilityDirection, MobilityKind, int), int>();
        foreach (var q in quotas)
        {
            for (var year = q.FirstYear; year <= q.LastYear && year - q.FirstYear < 100; year++)
            {
                var key = (q.PartnerId, q.Direction, q.Kind, year);
                places[key] = places.GetValueOrDefault(key) + q.PlacesPerYear;
            }
        }
        var counts = new Dictionary<(Guid, MobilityDirection, MobilityKind, int), int>();
        foreach (var u in used)
        {
            var key = (u.PartnerId, u.Direction, u.Kind, u.Year);
            counts[key] = counts.GetValueOrDefault(key) + u.Count;
        }
        return [.. places.Keys.Union(counts.Keys)
            .Select(k =>
            {
                var (nameEn, nameZh) = names(k.Item1);
                return new QuotaUseRow(k.Item1, nameEn, nameZh, k.Item2, k.Item3, k.Item4, places.GetValueOrDefault(k), counts.GetValueOrDefault(k));
            })
            .OrderBy(r => r.Year).ThenBy(r => r.PartnerNameEn, StringComparer.Ordinal).ThenBy(r => r.Direction).ThenBy(r => r.Kind)];
    }
}
