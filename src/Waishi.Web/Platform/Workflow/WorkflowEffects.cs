using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Notifications;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Workflow;

/// <summary>What follows a move of a case, in the same unit of work: the authority's referral is
/// opened or closed, and the people who must act next (or the applicant) are notified.</summary>
public sealed class WorkflowEffects(AppDbContext db, Notifier notifier, IEnumerable<IWorkflowSubject> subjects)
{
    public Task AfterMoveAsync(WorkflowCase c, IReadOnlyList<StepDefinition> steps, CancellationToken ct) =>
        AfterDecisionAsync(c, steps, WorkflowAction.Submit, moved: true, ct);

    public async Task AfterDecisionAsync(WorkflowCase c, IReadOnlyList<StepDefinition> steps, WorkflowAction action, bool moved, CancellationToken ct)
    {
        var current = c.State == CaseState.InProgress ? steps.FirstOrDefault(s => s.Position == c.Step) : null;
        await SyncReferralAsync(c, current, ct);
        var link = $"/Workflow/Case/{c.Id}";
        if (action == WorkflowAction.Delegate && c.DelegateUserId is { } delegateId)
        {
            var holder = (await WorkflowHolders.OfAsync(db, current!, c, delegateId, ct)).FirstOrDefault();
            if (holder is not null)
            {
                notifier.Enqueue(holder.TenantId, holder.UserId, $"待审批 · Awaiting your decision: {c.Title}",
                    "A step of this case was delegated to you.", link, $"wf:{c.Id:N}:{c.Round}:{c.Step}:delegate:{holder.UserId:N}");
            }
            return;
        }
        if (!moved)
        {
            return;
        }
        foreach (var subject in subjects.Where(x => x.Handles(c.CaseType)))
        {
            await subject.OnMovedAsync(c, ct);
        }
        if (current is not null)
        {
            var involved = await InvolvedAsync(c, ct);
            foreach (var holder in await WorkflowHolders.OfAsync(db, current, c, ct: ct))
            {
                if (holder.UserId == c.ApplicantUserId || involved.Contains(holder.UserId))
                {
                    continue;
                }
                notifier.Enqueue(holder.TenantId, holder.UserId, $"待审批 · Awaiting your decision: {c.Title}",
                    "A case waits for your decision.", link, await KeyAsync(c, $"wf:{c.Id:N}:{c.Round}:{c.Step}:{holder.UserId:N}", ct));
            }
            return;
        }
        var outcome = c.State switch
        {
            CaseState.Approved => "已批准 · Approved",
            CaseState.Rejected => "未批准 · Rejected",
            _ => "退回修改 · Returned for revision",
        };
        notifier.Enqueue(c.TenantId, c.ApplicantUserId, $"{outcome}: {c.Title}",
            "Your case has a decision.", link, await KeyAsync(c, $"wf:{c.Id:N}:{c.Round}:{c.Step}:{c.State}", ct));
    }

    /// <summary>The notification's key: once per round and step, unless the case comes back to a step
    /// in the same round (a security step added behind it, ADR 0010); then the case's version tells
    /// the visits apart.</summary>
    private async Task<string> KeyAsync(WorkflowCase c, string key, CancellationToken ct) =>
        await db.Set<OutboxMessage>().IgnoreQueryFilters().AnyAsync(m => m.DeduplicationKey == key, ct) ? $"{key}:v{c.Version}" : key;

    /// <summary>The first refusal of a case's final approval by its module, or null.</summary>
    public async Task<string?> RefusalAsync(WorkflowCase c, CancellationToken ct)
    {
        foreach (var subject in subjects.Where(x => x.Handles(c.CaseType)))
        {
            if (await subject.RefuseFinalApprovalAsync(c, ct) is { } refusal)
            {
                return refusal;
            }
        }
        return null;
    }

    /// <summary>The users the case's module names as part of it; they cannot decide on it.</summary>
    public async Task<HashSet<Guid>> InvolvedAsync(WorkflowCase c, CancellationToken ct)
    {
        var users = new HashSet<Guid>();
        foreach (var subject in subjects.Where(x => x.Handles(c.CaseType)))
        {
            users.UnionWith(await subject.InvolvedUsersAsync(c, ct));
        }
        return users;
    }

    /// <summary>The authority's row for the case: open while an authority step is current.</summary>
    private async Task SyncReferralAsync(WorkflowCase c, StepDefinition? current, CancellationToken ct)
    {
        var referral = await db.Set<WorkflowReferral>().IgnoreQueryFilters().FirstOrDefaultAsync(r => r.CaseId == c.Id, ct);
        var atAuthority = current is { Scope: StepScope.Authority };
        if (referral is null && !atAuthority)
        {
            return;
        }
        if (referral is null)
        {
            var authority = await WorkflowHolders.AuthorityTenantAsync(db, ct);
            if (authority is null)
            {
                return;
            }
            var source = await db.Set<Tenant>().AsNoTracking().Where(t => t.Id == c.TenantId)
                .Select(t => t.NameZh + " · " + t.NameEn).SingleAsync(ct);
            referral = new WorkflowReferral
            {
                TenantId = authority.Value, CaseId = c.Id, SourceTenantId = c.TenantId, SourceTenantName = source,
                CaseType = c.CaseType, Title = c.Title, Role = current!.Role,
            };
            db.Add(referral);
        }
        referral.IsOpen = atAuthority;
        referral.DelegateUserId = atAuthority ? c.DelegateUserId : null;
        if (atAuthority)
        {
            referral.Role = current!.Role;
            referral.Step = c.Step;
            referral.Round = c.Round;
            referral.ReferredUtc = c.StepStartedUtc;
            referral.DueUtc = c.StepDueUtc;
            referral.Title = c.Title;
            referral.Summary = c.Summary;
        }
        referral.CaseState = c.State;
    }
}
