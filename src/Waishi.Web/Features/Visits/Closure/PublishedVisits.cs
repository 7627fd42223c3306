using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.Visits.Closure;

/// <summary>
/// Published visit summaries as the public notice page shows them, across the institutions of the
/// city: the summary's title, the institution and host unit, the actual dates, the visiting
/// organisations and the text. The product design names no rule that lets visitors' names or other
/// personal data go public, so none of it leaves the database for this anonymous page.
/// </summary>
public static class PublishedVisits
{
    public const int Shown = 50;

    public sealed record Notice(string Title, string Institution, string Unit, string Organisations, DateOnly? From, DateOnly? To,
        string Summary, DateTime? PublishedUtc);

    public static async Task<List<Notice>> LoadAsync(AppDbContext db, bool chinese, CancellationToken ct = default)
    {
        // The page is anonymous, so there is no tenant to filter by: the selection below is the filter.
        var visits = await db.Set<Visit>().IgnoreQueryFilters().AsNoTracking()
            .Where(v => v.State == VisitState.Closed && v.SummaryPublished && v.SummaryTitle != null && v.SummaryText != null)
            .OrderByDescending(v => v.SummaryPublishedUtc).Take(Shown)
            .Select(v => new { v.Id, v.TenantId, v.UnitId, v.SummaryTitle, v.SummaryText, v.SummaryPublishedUtc,
                From = v.ActualArrivalDate ?? v.ArrivalDate, To = v.ActualDepartureDate ?? v.DepartureDate })
            .ToListAsync(ct);
        var ids = visits.Select(v => v.Id).ToList();
        var unitIds = visits.Select(v => v.UnitId).Distinct().ToList();
        var tenantIds = visits.Select(v => v.TenantId).Distinct().ToList();
        var organisations = await db.Set<VisitMember>().IgnoreQueryFilters().AsNoTracking().Where(m => ids.Contains(m.VisitId) && m.Came != false)
            .Select(m => new { m.VisitId, m.Organisation }).ToListAsync(ct);
        var units = await db.Set<OrgUnit>().IgnoreQueryFilters().AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .Select(u => new { u.Id, u.NameZh, u.NameEn }).ToDictionaryAsync(u => u.Id, ct);
        var tenants = await db.Set<Tenant>().AsNoTracking().Where(t => tenantIds.Contains(t.Id))
            .Select(t => new { t.Id, t.NameZh, t.NameEn }).ToDictionaryAsync(t => t.Id, ct);
        string Pick(string zh, string? en) => chinese || string.IsNullOrEmpty(en) ? zh : en;
        return [.. visits.Select(v => new Notice(
            v.SummaryTitle!,
            tenants.TryGetValue(v.TenantId, out var tenant) ? Pick(tenant.NameZh, tenant.NameEn) : "",
            units.TryGetValue(v.UnitId, out var unit) ? Pick(unit.NameZh, unit.NameEn) : "",
            string.Join("; ", organisations.Where(o => o.VisitId == v.Id && o.Organisation.Length > 0).Select(o => o.Organisation).Distinct()),
            v.From, v.To, v.SummaryText!, v.SummaryPublishedUtc))];
    }
}
