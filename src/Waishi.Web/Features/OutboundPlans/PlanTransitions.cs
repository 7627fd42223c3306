using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.OutboundPlans;

/// <summary>
/// The review of a plan, shared by the page and the API: the unit submits a draft, the exit
/// officer accepts a submitted plan or returns it to a draft (an accepted one too, to reopen it),
/// and a draft no trip links to may be deleted. Each is made from the version the user saw.
/// </summary>
public sealed class PlanTransitions(AppDbContext db, TimeProvider clock)
{
    public enum Action { Submit, Accept, Return, Delete }

    public enum Outcome { Done, Forbidden, Stale, WrongState, Empty, Linked }

    public static string Done(Action action) => action switch
    {
        Action.Submit => "The plan was submitted for review.",
        Action.Accept => "The plan was accepted.",
        Action.Return => "The plan was returned to the unit as a draft.",
        _ => "The plan was deleted.",
    };

    public static string Refusal(Outcome outcome) => outcome switch
    {
        Outcome.Empty => "A plan without lines cannot be submitted: add the planned trips first.",
        Outcome.Linked => "Trips are linked to lines of this plan, so it cannot be deleted.",
        _ => "The plan is no longer in a state that allows this; reload the page.",
    };

    public async Task<Outcome> ApplyAsync(OutboundPlan plan, long version, Action action, PlanAccess access, Guid? userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var allowed = action switch
        {
            Action.Submit or Action.Delete => access.MayEnter(plan.UnitId),
            _ => access.Reviews,
        };
        if (!allowed)
        {
            return Outcome.Forbidden;
        }
        if (plan.Version != version)
        {
            return Outcome.Stale;
        }
        switch (action)
        {
            case Action.Submit when plan.State != PlanState.Draft:
            case Action.Accept when plan.State != PlanState.Submitted:
            case Action.Return when plan.State == PlanState.Draft:
            case Action.Delete when plan.State != PlanState.Draft:
                return Outcome.WrongState;
            case Action.Submit when plan.Lines.Count == 0:
                return Outcome.Empty;
            case Action.Submit:
                plan.State = PlanState.Submitted;
                plan.SubmittedUtc = now;
                break;
            case Action.Accept or Action.Return:
                plan.State = action == Action.Accept ? PlanState.Accepted : PlanState.Draft;
                plan.ReviewedUtc = now;
                plan.ReviewedByUserId = userId;
                break;
            case Action.Delete:
                var lines = plan.Lines.Select(l => l.Id).ToList();
                if (await db.Set<Trip>().AnyAsync(x => x.PlanItemId != null && lines.Contains(x.PlanItemId.Value), ct))
                {
                    return Outcome.Linked;
                }
                db.ExpectVersion(plan, version);
                db.Remove(plan);
                return await db.TrySaveAsync(ct) is null ? Outcome.Done : Outcome.Stale;
        }
        db.ExpectVersion(plan, version);
        return await db.TrySaveAsync(ct) is null ? Outcome.Done : Outcome.Stale;
    }
}
