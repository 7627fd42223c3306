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
    /// Reads go through the tenant filter: the institution's cases, or the authority's referrals.
    /// The whole decision is one query (the role check is an EXISTS on the user's assignments), so
    /// the home page counts and the list pages in the database.</summary>
    public static IQueryable<AwaitingCase> Awaiting(AppDbContext db, Guid userId, bool authority)
    {
        var assignments = db.Set<RoleAssignment>().Where(r => r.UserId == userId);
        if (authority)
        {
            return db.Set<WorkflowReferral>().AsNoTracking()
                .Where(r => r.IsOpen && (r.DelegateUserId == userId || r.DelegateUserId == null && assignments.Any(a => a.Role == r.Role)))
                .OrderBy(r => r.ReferredUtc).ThenBy(r => r.CaseId)
                .Select(r => new AwaitingCase(r.CaseId, r.CaseType, r.Title, r.Role, r.Step, r.ReferredUtc, r.DueUtc, r.SourceTenantName));
        }
        return db.Set<WorkflowCase>().AsNoTracking()
            .Where(c => c.State == CaseState.InProgress && c.ApplicantUserId != userId)
            .Join(db.Set<WorkflowStep>(), c => new { Id = c.ChainVersionId, c.Step }, s => new { Id = s.ChainVersionId, Step = s.Position },
                (c, s) => new { c.Id, c.CaseType, c.Title, c.Step, c.StepStartedUtc, c.StepDueUtc, c.DelegateUserId, c.ApplicantUnitId, s.Role, s.Scope })
            .Where(x => x.Scope != StepScope.Authority
                && (x.DelegateUserId == userId
                    || x.DelegateUserId == null && assignments.Any(a => a.Role == x.Role
                        && (x.Scope != StepScope.ApplicantUnit || a.OrgUnitId != null && a.OrgUnitId == x.ApplicantUnitId))))
            .OrderBy(x => x.StepStartedUtc).ThenBy(x => x.Id)
            .Select(x => new AwaitingCase(x.Id, x.CaseType, x.Title, x.Role, x.Step, x.StepStartedUtc, x.StepDueUtc, null));
    }

    /// <summary>The ids of the same cases as <see cref="Awaiting"/>, for counting them (the home
    /// page). The same test written with the step as a correlated EXISTS rather than a join: SQLite
    /// then reads the tenant's cases in progress from their index alone (it holds every column the
    /// test reads), where with a join it may start from the steps and scan that index once per step.</summary>
    public static IQueryable<Guid> AwaitingToCount(AppDbContext db, Guid userId, bool authority)
    {
        if (authority)
        {
            return Awaiting(db, userId, authority).Select(a => a.CaseId);
        }
        var assignments = db.Set<RoleAssignment>().Where(r => r.UserId == userId);
        return db.Set<WorkflowCase>().AsNoTracking()
            .Where(c => c.State == CaseState.InProgress && c.ApplicantUserId != userId
                && db.Set<WorkflowStep>().Any(s => s.ChainVersionId == c.ChainVersionId && s.Position == c.Step
                    && s.Scope != StepScope.Authority
                    && (c.DelegateUserId == userId
                        || c.DelegateUserId == null && assignments.Any(a => a.Role == s.Role
                            && (s.Scope != StepScope.ApplicantUnit || a.OrgUnitId != null && a.OrgUnitId == c.ApplicantUnitId)))))
            .Select(c => c.Id);
    }

    /// <summary>Every case awaiting the user, oldest first (the API's list).</summary>
    public static Task<List<AwaitingCase>> AwaitingAsync(AppDbContext db, Guid userId, bool authority, CancellationToken ct = default) =>
        Awaiting(db, userId, authority).ToListAsync(ct);

    public static async Task<List<WorkflowEntry>> TimelineAsync(AppDbContext db, Guid caseId, CancellationToken ct = default) =>
        await db.Set<WorkflowEntry>().AsNoTracking().Where(e => e.CaseId == caseId)
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(ct);
}
