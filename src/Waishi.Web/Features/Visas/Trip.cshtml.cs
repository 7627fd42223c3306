using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Visas;

/// <summary>The visas section of one trip: a row per member and destination country.</summary>
public sealed class TripModel(AppDbContext db, VisaWriter writer) : PageModel
{
    public Trip Trip { get; private set; } = null!;
    public List<Visa> Visas { get; private set; } = [];
    public Dictionary<Guid, StaffMember> People { get; private set; } = [];
    public bool CanEdit { get; private set; }

    /// <summary>Members and countries of the trip that have no visa row yet.</summary>
    public List<(Guid StaffMemberId, string CountryCode)> Missing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid tripId)
    {
        var ct = HttpContext.RequestAborted;
        var access = await TripAccess.ForAsync(db, User, ct);
        if (await writer.TripAsync(access, tripId, ct) is not { } trip)
        {
            return NotFound();
        }
        Trip = trip;
        CanEdit = VisaRules.CanEdit(access, trip);
        Visas = await db.Set<Visa>().AsNoTracking().Where(v => v.TripId == tripId).OrderBy(v => v.CountryCode).ThenBy(v => v.StaffMemberId).ToListAsync(ct);
        var ids = trip.Members.Select(m => m.StaffMemberId).ToList();
        People = await db.Set<StaffMember>().AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        Missing = [.. trip.Members.OrderBy(m => m.SortOrder)
            .SelectMany(m => trip.Destinations.OrderBy(d => d.SortOrder).Select(d => d.CountryCode).Distinct().Select(c => (m.StaffMemberId, c)))
            .Where(p => !Visas.Any(v => v.StaffMemberId == p.StaffMemberId && v.CountryCode == p.c))];
        return Page();
    }
}
