using System.Security.Claims;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Conferences.Plans;

/// <summary>The office (global relations officers, directors, leaders, admins, auditors) sees every
/// unit's plan; unit heads and secretaries keep their units' plans; global relations officers may
/// keep any.</summary>
public sealed record PlanAccess(ClaimsPrincipal User)
{
    public bool SeesAll => User.HasAnyRole(Roles.OfficerGlobal, Roles.Director, Roles.Leader, Roles.TenantAdmin, Roles.Auditor);

    public IReadOnlyList<Guid> OwnUnits => [.. User.UnitsFor(Roles.UnitHead).Concat(User.UnitsFor(Roles.UnitSecretary)).Distinct()];

    public bool Sees(Guid unit) => SeesAll || OwnUnits.Contains(unit);

    public bool Keeps(Guid unit) => User.HasRole(Roles.OfficerGlobal) || OwnUnits.Contains(unit);
}
