using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.OutboundPlans;

/// <summary>
/// Links a filed trip to a line of its unit's plan for its departure year, or unlinks it, after the
/// fact: a trip filed before the plan was entered, or whose filer did not choose a line, is brought
/// into plan versus actual by whoever enters that unit's plan.
/// </summary>
public sealed class PlanLinks(AppDbContext db)
{
    public enum Outcome { Done, NotFound, Forbidden, Invalid, Stale }

    public async Task<(Outcome Outcome, FieldError? Error)> LinkAsync(Guid tripId, Guid? lineId, long version, PlanAccess access, CancellationToken ct)
    {
        var trip = await db.Set<Trip>().FirstOrDefaultAsync(t => t.Id == tripId, ct);
        if (trip is null || !(access.SeesAll || access.Units.Contains(trip.UnitId)))
        {
            return (Outcome.NotFound, null);
        }
        if (!access.MayEnter(trip.UnitId))
        {
            return (Outcome.Forbidden, null);
        }
        if (trip.Version != version)
        {
            return (Outcome.Stale, StaleEdit.Error);
        }
        if (lineId is { } id)
        {
            var line = await db.Set<OutboundPlanLine>().AsNoTracking()
                .Join(db.Set<OutboundPlan>(), l => l.PlanId, p => p.Id, (l, p) => new { l.Id, p.UnitId, p.Year })
                .FirstOrDefaultAsync(l => l.Id == id, ct);
            if (line is null || line.UnitId != trip.UnitId || trip.DepartureDate?.Year != line.Year)
            {
                return (Outcome.Invalid, new FieldError("PlanItemId", "Choose a line of the plan of the trip's unit for the year it departs in."));
            }
        }
        trip.PlanItemId = lineId;
        db.ExpectVersion(trip, version);
        var error = await db.TrySaveAsync(ct);
        return error is null ? (Outcome.Done, null) : (Outcome.Stale, error);
    }
}
