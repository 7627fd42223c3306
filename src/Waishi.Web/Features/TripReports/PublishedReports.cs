using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.TripReports;

/// <summary>
/// Approved trip reports as the public notice page shows them, across the institutions of the
/// city: the trip's title, institution and unit, destinations, dates, the delegation's names and a
/// summary of the results. Nothing else about the people (no staff numbers, contacts or roles
/// beyond the leader) leaves the database for this anonymous page.
/// </summary>
public static class PublishedReports
{
    public const int Shown = 50;
    public const int SummaryLength = 300;

    public sealed record Notice(string Title, string Institution, string Unit, string Destinations, DateOnly? Departure, DateOnly? Return,
        IReadOnlyList<string> Delegation, string Summary, DateTime? ApprovedUtc);

    public static async Task<List<Notice>> LoadAsync(AppDbContext db, bool chinese, CancellationToken ct = default)
    {
        // The page is anonymous, so there is no tenant to filter by: the selection below is the filter.
        var reports = await db.Set<TripReport>().IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.State == ReportState.Approved)
            .OrderByDescending(r => r.DecidedUtc).Take(Shown)
            .Join(db.Set<Trip>().IgnoreQueryFilters().Where(t => t.State == TripState.Approved), r => r.TripId, t => t.Id,
                (r, t) => new { t.Id, t.TenantId, t.Title, t.UnitId, t.DepartureDate, t.ReturnDate, r.Results, r.DecidedUtc })
            .ToListAsync(ct);
        var tripIds = reports.Select(r => r.Id).ToList();
        var unitIds = reports.Select(r => r.UnitId).Distinct().ToList();
        var tenantIds = reports.Select(r => r.TenantId).Distinct().ToList();
        var destinations = await db.Set<TripDestination>().IgnoreQueryFilters().AsNoTracking().Where(d => tripIds.Contains(d.TripId))
            .OrderBy(d => d.SortOrder).Select(d => new { d.TripId, d.City, d.CountryCode }).ToListAsync(ct);
        var members = await db.Set<TripMember>().IgnoreQueryFilters().AsNoTracking().Where(m => tripIds.Contains(m.TripId))
            .Join(db.Set<StaffMember>().IgnoreQueryFilters(), m => m.StaffMemberId, s => s.Id,
                (m, s) => new { m.TripId, m.Role, m.SortOrder, s.NameZh, s.NameEn })
            .ToListAsync(ct);
        var units = await db.Set<OrgUnit>().IgnoreQueryFilters().AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .Select(u => new { u.Id, u.NameZh, u.NameEn }).ToDictionaryAsync(u => u.Id, ct);
        var tenants = await db.Set<Tenant>().AsNoTracking().Where(t => tenantIds.Contains(t.Id))
            .Select(t => new { t.Id, t.NameZh, t.NameEn }).ToDictionaryAsync(t => t.Id, ct);
        string Pick(string zh, string? en) => chinese || string.IsNullOrEmpty(en) ? zh : en;
        return [.. reports.Select(r => new Notice(
            r.Title,
            tenants.TryGetValue(r.TenantId, out var tenant) ? Pick(tenant.NameZh, tenant.NameEn) : "",
            units.TryGetValue(r.UnitId, out var unit) ? Pick(unit.NameZh, unit.NameEn) : "",
            string.Join(", ", destinations.Where(d => d.TripId == r.Id).Select(d => $"{d.City} ({d.CountryCode})")),
            r.DepartureDate, r.ReturnDate,
            [.. members.Where(m => m.TripId == r.Id).OrderBy(m => m.Role != DelegationRole.Leader).ThenBy(m => m.SortOrder).Select(m => Pick(m.NameZh, m.NameEn))],
            Summary(r.Results), r.DecidedUtc))];
    }

    private static string Summary(string? results)
    {
        var text = (results ?? "").Trim();
        return text.Length <= SummaryLength ? text : text[..SummaryLength].TrimEnd() + "…";
    }
}
