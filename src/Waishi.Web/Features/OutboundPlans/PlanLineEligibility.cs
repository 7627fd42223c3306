using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.OutboundPlans;

/// <summary>
/// On submission, a trip linked to a plan line must link to a line of its own unit's plan for the
/// year it departs in. A trip without a link passes: it shows as outside the plan in plan versus actual.
/// </summary>
public sealed class PlanLineEligibility(AppDbContext db) : ITripEligibility
{
    public Task<IReadOnlyList<FieldError>> CheckAsync(Trip trip, IReadOnlyList<StaffMember> members, TripPolicy policy, CancellationToken ct) =>
        CheckLinkAsync(db, trip, ct);

    /// <summary>The check of the link alone; the trip form also runs it on a draft, so that a line
    /// that does not exist is a message rather than a refused save.</summary>
    public static async Task<IReadOnlyList<FieldError>> CheckLinkAsync(AppDbContext db, Trip trip, CancellationToken ct)
    {
        if (trip.PlanItemId is not { } lineId)
        {
            return [];
        }
        var line = await db.Set<OutboundPlanLine>().AsNoTracking()
            .Join(db.Set<OutboundPlan>(), l => l.PlanId, p => p.Id, (l, p) => new { l.Id, l.Purpose, p.UnitId, p.Year })
            .FirstOrDefaultAsync(l => l.Id == lineId, ct);
        if (line is null || line.UnitId != trip.UnitId)
        {
            return [new(nameof(Trip.PlanItemId), "Choose a line of your unit's annual outbound plan, or none.")];
        }
        if (trip.DepartureDate is { } departure && departure.Year != line.Year)
        {
            return [new(nameof(Trip.PlanItemId), "The plan line \"{0}\" belongs to the plan for {1}, but the trip departs in {2}.",
                line.Purpose, line.Year, departure.Year)];
        }
        return [];
    }
}
