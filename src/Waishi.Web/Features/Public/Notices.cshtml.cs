using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.Public;

/// <summary>The public notice page (公示): trips in their publicity period, and what other modules
/// publish. Open to anyone; a trip shows only its institution, unit, the names of its delegation,
/// destinations, dates and purpose.</summary>
public sealed class NoticesModel(AppDbContext db) : PageModel
{
    public sealed record PublicTrip(string Institution, string? Number, string Unit, IReadOnlyList<string> Names,
        string Destinations, DateOnly? Departure, DateOnly? Return, string? Purpose, DateOnly? Until);

    public List<PublicTrip> Trips { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var chinese = Platform.Localization.LocalizationSetup.IsChinese;
        var trips = await db.Set<Trip>().IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.State == TripState.Publicity)
            .Include(t => t.Members).Include(t => t.Destinations).AsSplitQuery()
            .OrderBy(t => t.PublicityEndsOn).ThenBy(t => t.Number).Take(500).ToListAsync(ct);
        var tenantIds = trips.Select(t => t.TenantId).Distinct().ToList();
        var unitIds = trips.Select(t => t.UnitId).Distinct().ToList();
        var staffIds = trips.SelectMany(t => t.Members).Select(m => m.StaffMemberId).Distinct().ToList();
        var tenants = await db.Set<Tenant>().AsNoTracking().Where(x => tenantIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var units = await db.Set<OrgUnit>().IgnoreQueryFilters().AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var staff = await db.Set<StaffMember>().IgnoreQueryFilters().AsNoTracking().Where(s => staffIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, ct);
        Trips = [.. trips.Select(t => new PublicTrip(
            tenants.TryGetValue(t.TenantId, out var tenant) ? (chinese ? tenant.NameZh : tenant.NameEn) : "",
            t.Number,
            units.TryGetValue(t.UnitId, out var unit) ? unit.Name(chinese) : "",
            [.. t.Members.OrderBy(m => m.SortOrder).Select(m => staff.TryGetValue(m.StaffMemberId, out var s) ? s.Name(chinese) : "")],
            string.Join(", ", t.Destinations.OrderBy(d => d.SortOrder).Select(d => $"{d.City} ({d.CountryCode})")),
            t.DepartureDate, t.ReturnDate, t.Purpose, t.PublicityEndsOn))];
    }
}
