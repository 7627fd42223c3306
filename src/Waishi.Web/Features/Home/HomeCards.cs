using System.Security.Claims;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Home;

/// <summary>Role-specific entry points of the home page. Modules add their "awaiting me" cards here.</summary>
public static class HomeCards
{
    public static IEnumerable<IndexModel.Card> For(ClaimsPrincipal user)
    {
        if (user.HasRole(Roles.TenantAdmin))
        {
            yield return new("admin-users", "Users and roles", "Accounts, role assignments and unit scopes", "/Admin/Users", null);
            yield return new("admin-import", "Import staff", "Staff directory from CSV or Excel", "/Admin/StaffImport", null);
        }
        if (user.HasAnyRole(Roles.Auditor, Roles.TenantAdmin))
        {
            yield return new("audit", "Audit log", "Every change, who made it and when", "/Audit", null);
        }
        if (user.HasAnyRole([.. Policies.OfficeRoles, Roles.UnitHead, Roles.UnitSecretary, Roles.SecurityOfficer, Roles.Counselor]))
        {
            yield return new("people", "Staff directory", "People of the institution and their units", "/People/Staff", null);
        }
        if (user.HasAnyRole(Roles.FaoOfficer, Roles.FaoDirector, Roles.FaoAnalyst))
        {
            yield return new("authority", "City overview", "Institutions of the city", "/People/Staff", null);
        }
    }
}
