using System.Security.Claims;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.OutboundPlans;

/// <summary>
/// Who sees and changes which annual plans. Unit secretaries and unit heads see and enter the plans
/// of their units; exit officers see every plan, enter any and review them; directors, leaders and
/// tenant admins read every plan.
/// </summary>
public sealed record PlanAccess(ClaimsPrincipal User, IReadOnlyList<Guid> Units)
{
    public bool SeesAll => User.HasAnyRole(Roles.OfficerExit, Roles.Director, Roles.Leader, Roles.TenantAdmin);
    public bool Reviews => User.HasRole(Roles.OfficerExit);

    public static PlanAccess For(ClaimsPrincipal user) =>
        new(user, [.. user.UnitsFor(Roles.UnitSecretary).Concat(user.UnitsFor(Roles.UnitHead)).Distinct()]);

    public IQueryable<OutboundPlan> Visible(AppDbContext db)
    {
        var plans = db.Set<OutboundPlan>();
        if (SeesAll)
        {
            return plans;
        }
        var units = Units.ToList();
        return plans.Where(p => units.Contains(p.UnitId));
    }

    /// <summary>Units whose plans this user may enter.</summary>
    public bool MayEnter(Guid unitId) => Reviews || Units.Contains(unitId);

    /// <summary>A plan is changed while it is a draft; review hands it back as a draft.</summary>
    public bool CanEdit(OutboundPlan plan) => plan.State == PlanState.Draft && MayEnter(plan.UnitId);

    public bool CanSubmit(OutboundPlan plan) => CanEdit(plan);

    public bool CanReview(OutboundPlan plan) => Reviews && plan.State != PlanState.Draft;
}
