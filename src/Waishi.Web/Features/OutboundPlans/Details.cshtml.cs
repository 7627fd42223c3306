using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.OutboundPlans;

/// <summary>A plan with its lines and the trips linked to each; the unit submits it, the exit
/// officer accepts it or returns it as a draft, and a draft may be deleted.</summary>
public sealed class DetailsModel(AppDbContext db, PlanTransitions transitions, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record LinkedTrip(Guid Id, string? Number, string Title, TripState State, DateOnly? DepartureDate);

    public OutboundPlan Plan { get; private set; } = null!;
    public OrgUnit? Unit { get; private set; }
    public ILookup<Guid, LinkedTrip> Trips { get; private set; } = Array.Empty<LinkedTrip>().ToLookup(x => Guid.Empty);
    public PlanAccess Access { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Access = PlanAccess.For(User);
        var plan = await EditModel.LoadAsync(db, Access, id, ct);
        if (plan is null)
        {
            return NotFound();
        }
        Plan = plan;
        Unit = await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == plan.UnitId, ct);
        var lineIds = plan.Lines.Select(l => l.Id).ToList();
        var trips = await db.Set<Trip>().AsNoTracking().Where(x => x.PlanItemId != null && lineIds.Contains(x.PlanItemId.Value))
            .Select(x => new { Line = x.PlanItemId!.Value, Trip = new LinkedTrip(x.Id, x.Number, x.Title, x.State, x.DepartureDate) })
            .ToListAsync(ct);
        Trips = trips.ToLookup(x => x.Line, x => x.Trip);
        return Page();
    }

    public Task<IActionResult> OnPostSubmitAsync(Guid id, long version) => DoAsync(id, version, PlanTransitions.Action.Submit);

    public Task<IActionResult> OnPostAcceptAsync(Guid id, long version) => DoAsync(id, version, PlanTransitions.Action.Accept);

    public Task<IActionResult> OnPostReturnAsync(Guid id, long version) => DoAsync(id, version, PlanTransitions.Action.Return);

    public Task<IActionResult> OnPostDeleteAsync(Guid id, long version) => DoAsync(id, version, PlanTransitions.Action.Delete);

    private async Task<IActionResult> DoAsync(Guid id, long version, PlanTransitions.Action action)
    {
        var ct = HttpContext.RequestAborted;
        var access = PlanAccess.For(User);
        var plan = await EditModel.LoadAsync(db, access, id, ct);
        if (plan is null)
        {
            return NotFound();
        }
        var outcome = await transitions.ApplyAsync(plan, version, action, access, User.GetUserId(), ct);
        switch (outcome)
        {
            case PlanTransitions.Outcome.Forbidden:
                return Forbid();
            case PlanTransitions.Outcome.Done:
                TempData["Status"] = t[PlanTransitions.Done(action)].Value;
                return Redirect(action == PlanTransitions.Action.Delete ? "/OutboundPlans" : $"/OutboundPlans/Details/{id}");
            default:
                ModelState.AddModelError("", t[outcome == PlanTransitions.Outcome.Stale ? FormErrors.StaleEdit : PlanTransitions.Refusal(outcome)]);
                db.ChangeTracker.Clear();
                var page = await OnGetAsync(id);
                return page;
        }
    }
}
