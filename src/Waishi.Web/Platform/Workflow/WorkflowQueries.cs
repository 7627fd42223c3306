using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Platform.Workflow;

/// <summary>One case waiting for the user: from their own tenant, or referred to the authority.</summary>
public sealed record AwaitingCase(Guid CaseId, string CaseType, string Title, string Role, int Step, DateTime Since, DateTime? DueUtc, string? From);

/// <summary>The reads of the workflow pages: what awaits a user, and a case's timeline.</summary>
public static class WorkflowQueries
{
    /// <summary>Cases whose current step the user may decide now: they hold its role (for the
    /// applicant's unit when unit-scoped) or it was delegated to them, and they did not file it.
    /// Reads go through the tenant filter: the institution's cases, or the authority's referrals.</summary>
    public static async Task<List<AwaitingCase>> AwaitingAsync(AppDbContext db, Guid userId, bool authority, CancellationToken ct = default)
    {
        var roles = await db.Set<RoleAssignment>().AsNoTracking().Where(r => r.UserId == userId)
            .Select(r => new { r.Role, r.OrgUnitId }).ToListAsync(ct);
        var roleNames = roles.Select(r => r.Role).Distinct().ToList();
        if (authority)
        {
            var referrals = await db.Set<WorkflowReferral>().AsNoTracking()
                .Where(r => r.IsOpen && (r.DelegateUserId == userId || r.DelegateUserId == null && roleNames.Contains(r.Role)))
                .OrderBy(r => r.ReferredUtc).ToListAsync(ct);
            return [.. referrals.Select(r => new AwaitingCase(r.CaseId, r.CaseType, r.Title, r.Role, r.Step, r.ReferredUtc, r.DueUtc, r.SourceTenantName))];
        }
        var open = await db.Set<WorkflowCase>().AsNoTracking()
            .Where(c => c.State == CaseState.InProgress && c.ApplicantUserId != userId)
            .Join(db.Set<WorkflowStep>(), c => new { Id = c.ChainVersionId, c.Step }, s => new { Id = s.ChainVersionId, Step = s.Position },
                (c, s) => new { c.Id, c.CaseType, c.Title, c.Step, c.StepStartedUtc, c.StepDueUtc, c.DelegateUserId, c.ApplicantUnitId, s.Role, s.Scope })
            .Where(x => x.Scope != StepScope.Authority && (x.DelegateUserId == userId || x.DelegateUserId == null && roleNames.Contains(x.Role)))
            .OrderBy(x => x.StepStartedUtc)
            .ToListAsync(ct);
        return [.. open
            .Where(x => x.DelegateUserId == userId || x.Scope != StepScope.ApplicantUnit
                || roles.Any(r => r.Role == x.Role && r.OrgUnitId != null && r.OrgUnitId == x.ApplicantUnitId))
            .Select(x => new AwaitingCase(x.Id, x.CaseType, x.Title, x.Role, x.Step, x.StepStartedUtc, x.StepDueUtc, null))];
    }

    public static async Task<List<WorkflowEntry>> TimelineAsync(AppDbContext db, Guid caseId, CancellationToken ct = default) =>
        await db.Set<WorkflowEntry>().AsNoTracking().Where(e => e.CaseId == caseId)
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(ct);
}
