using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Platform.Workflow;

/// <summary>Who may read a case: its applicant, whoever holds a role of its chain or took part in
/// it, and the office's supervisors and auditors. Anyone else is answered as if it did not exist.</summary>
public static class WorkflowAccess
{
    private static readonly string[] Supervisors =
        [.. Roles.Officers, Roles.Director, Roles.Leader, Roles.TenantAdmin, Roles.Auditor, Roles.FaoOfficer, Roles.FaoDirector];

    public static async Task<bool> CanViewAsync(AppDbContext db, ClaimsPrincipal user, WorkflowCase c, IReadOnlyList<StepDefinition> steps, CancellationToken ct = default)
    {
        var me = user.GetUserId();
        if (me is null)
        {
            return false;
        }
        if (me == c.ApplicantUserId || me == c.DelegateUserId || user.HasAnyRole(Supervisors) || steps.Any(s => user.HasRole(s.Role)))
        {
            return true;
        }
        return await db.Set<WorkflowEntry>().IgnoreQueryFilters().AnyAsync(e => e.CaseId == c.Id && (e.UserId == me || e.DelegateUserId == me), ct);
    }
}
