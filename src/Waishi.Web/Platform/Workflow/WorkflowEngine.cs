using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Workflow;

/// <summary>What a module files: the case, its applicant and unit, and the facts the conditions read.</summary>
public sealed record StartCase(
    string CaseType, string Title, Guid ApplicantUserId, Guid? ApplicantUnitId, CaseFacts Facts,
    string? Summary = null, string? Link = null, Guid? SubjectId = null);

/// <summary>An action on a case by <see cref="UserId"/>, made from the step and version the caller saw.</summary>
public sealed record CaseDecision(
    WorkflowAction Action, Guid UserId, int ExpectedStep, long ExpectedVersion, string? Comment = null,
    Guid? DelegateTo = null, CaseFacts? NewFacts = null, string? IdempotencyKey = null);

public sealed record WorkflowResult(DecisionStatus Status, string? Message, Guid CaseId, CaseState State, int Step, long Version, bool Replayed = false)
{
    public bool Succeeded => Status == DecisionStatus.Ok;
}

/// <summary>
/// Runs cases through their chains: files them, applies decisions through <see cref="WorkflowMachine"/>
/// and stores the outcome, the history entry, the authority's referral, the notifications and the
/// idempotency key in one save. Two decisions made from the same version cannot both be stored:
/// the case's version and the unique transition of the history entry each refuse the second.
/// </summary>
public sealed class WorkflowEngine(AppDbContext db, TenantContext tenant, TimeProvider clock, WorkflowEffects effects)
{
    public const string KeyReusedMessage = "This idempotency key was already used for another request.";
    public const string KeyTooLongMessage = "The idempotency key is too long: at most 100 characters.";
    public const string CommentTooLongMessage = "The comment is too long: at most 2,000 characters.";

    public const string InvolvedMessage = "You are part of this case (travelling on it or filed for), so you cannot decide on it.";

    public async Task<WorkflowResult> StartAsync(StartCase s, CancellationToken ct = default)
    {
        if (!CaseTypes.IsKnown(s.CaseType))
        {
            return new WorkflowResult(DecisionStatus.Invalid, "Unknown case type.", Guid.Empty, CaseState.InProgress, 0, 0);
        }
        var c = await StageAsync(s, ct);
        await db.SaveChangesAsync(ct);
        return Result(c);
    }

    /// <summary>Files the case like <see cref="StartAsync"/> but leaves the save to the caller, so
    /// that the module's own changes (the trip's state) are written in the same transaction.
    /// After the save, <see cref="Result"/> tells where the case stands.</summary>
    public async Task<WorkflowCase> StageAsync(StartCase s, CancellationToken ct = default)
    {
        if (!CaseTypes.IsKnown(s.CaseType))
        {
            throw new ArgumentException($"Unknown case type {s.CaseType}.", nameof(s));
        }
        var tenantId = tenant.TenantId ?? await db.Users.IgnoreQueryFilters()
            .Where(u => u.Id == s.ApplicantUserId).Select(u => u.TenantId).SingleAsync(ct);
        var (version, steps) = await WorkflowChains.CurrentAsync(db, tenantId, s.CaseType, ct);
        var submitted = WorkflowMachine.Submit(steps, s.ApplicantUserId, s.Facts).Case;
        var now = clock.GetUtcNow().UtcDateTime;
        var c = new WorkflowCase
        {
            TenantId = tenantId, CaseType = s.CaseType, Title = s.Title, Summary = s.Summary, Link = s.Link,
            SubjectId = s.SubjectId, ChainVersionId = version.Id, ApplicantUserId = s.ApplicantUserId,
            ApplicantUnitId = s.ApplicantUnitId, Facts = s.Facts, CreatedUtc = now,
            State = submitted.State, Step = submitted.Step, Round = 1, StepStartedUtc = now,
            ClosedUtc = submitted.State == CaseState.Approved ? now : null,
        };
        c.StepDueUtc = c.State == CaseState.InProgress ? now.AddDays(steps.Single(x => x.Position == c.Step).DeadlineDays) : null;
        db.Add(c);
        db.Add(await EntryAsync(c, WorkflowAction.Submit, s.ApplicantUserId, c.Step, 1, null, null, $"{c.Id:N}/1/submit", ct));
        await effects.AfterMoveAsync(c, steps, ct);
        return c;
    }

    /// <summary>The case if the current tenant owns it, or if the authority was asked to decide on it.</summary>
    public async Task<WorkflowCase?> FindAsync(Guid caseId, CancellationToken ct = default)
    {
        var own = await FindOwn(db, caseId, ct);
        if (own is not null || !tenant.IsAuthority)
        {
            return own;
        }
        var referred = await db.Set<WorkflowReferral>().AnyAsync(r => r.CaseId == caseId, ct);
        return referred ? await db.Set<WorkflowCase>().IgnoreQueryFilters().FirstOrDefaultAsync(c => c.Id == caseId, ct) : null;
    }

    // Compiled once: every case page and every decision starts here.
    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<WorkflowCase?>> FindOwn =
        EF.CompileAsyncQuery((AppDbContext db, Guid caseId, CancellationToken ct) => db.Set<WorkflowCase>().FirstOrDefault(c => c.Id == caseId));

    public async Task<WorkflowResult> DecideAsync(Guid caseId, CaseDecision d, CancellationToken ct = default)
    {
        if (d.Comment is { Length: > 2000 })
        {
            return new WorkflowResult(DecisionStatus.Invalid, CommentTooLongMessage, caseId, CaseState.InProgress, 0, 0);
        }
        if (d.IdempotencyKey is { Length: > 100 })
        {
            return new WorkflowResult(DecisionStatus.Invalid, KeyTooLongMessage, caseId, CaseState.InProgress, 0, 0);
        }
        if (d.IdempotencyKey is { Length: > 0 } key && await ReplayAsync(caseId, d.UserId, key, ct) is { } replay)
        {
            return replay;
        }
        var c = await FindAsync(caseId, ct);
        if (c is null)
        {
            return new WorkflowResult(DecisionStatus.NotFound, "Not found.", caseId, CaseState.InProgress, 0, 0);
        }
        if (d.Action is WorkflowAction.Approve or WorkflowAction.Reject or WorkflowAction.Return or WorkflowAction.Delegate
            && c.State == CaseState.InProgress && d.UserId != c.ApplicantUserId
            && (await effects.InvolvedAsync(c, ct)).Contains(d.UserId))
        {
            return new WorkflowResult(DecisionStatus.Forbidden, InvolvedMessage, c.Id, c.State, c.Step, c.Version);
        }
        var steps = await WorkflowChains.StepsAsync(db, c.ChainVersionId, ct);
        var current = steps.FirstOrDefault(s => s.Position == c.Step);
        var mayAct = current is not null && await WorkflowHolders.HoldsAsync(db, d.UserId, current, c, ct);
        var delegateMayAct = current is not null && d.DelegateTo is { } to && await WorkflowHolders.HoldsAsync(db, to, current, c, ct);
        var before = await SnapshotAsync(c, ct);
        var t = WorkflowMachine.Decide(steps, before, new DecisionRequest(
            d.Action, d.UserId, d.ExpectedStep, d.ExpectedVersion, mayAct, d.Comment, d.DelegateTo, delegateMayAct, d.NewFacts));
        if (t.Status != DecisionStatus.Ok)
        {
            // A retry of a request that committed after the first look above sees the case moved
            // on: it gets the stored answer, not a conflict with itself.
            if (t.Status == DecisionStatus.Conflict && d.IdempotencyKey is { Length: > 0 } late && await ReplayAsync(caseId, d.UserId, late, ct) is { } stored)
            {
                return stored;
            }
            return new WorkflowResult(t.Status, t.Message, c.Id, c.State, c.Step, c.Version);
        }
        if (d.Action == WorkflowAction.Approve && t.Case.State == CaseState.Approved && await effects.RefusalAsync(c, ct) is { } refusal)
        {
            return new WorkflowResult(DecisionStatus.Conflict, refusal, c.Id, c.State, c.Step, c.Version);
        }

        var after = t.Case;
        c.State = after.State;
        c.Step = after.Step;
        c.Round = after.Round;
        c.DelegateUserId = after.DelegateUserId;
        c.Facts = after.Facts;
        var now = clock.GetUtcNow().UtcDateTime;
        if (t.Moved)
        {
            c.StepStartedUtc = now;
            c.StepDueUtc = c.State == CaseState.InProgress ? now.AddDays(steps.Single(x => x.Position == c.Step).DeadlineDays) : null;
            c.ClosedUtc = c.IsClosed ? now : null;
        }
        var transition = d.Action switch
        {
            WorkflowAction.Approve or WorkflowAction.Reject or WorkflowAction.Return => $"{c.Id:N}/{before.Round}/{before.Step}",
            WorkflowAction.Resubmit => $"{c.Id:N}/{after.Round}/submit",
            _ => null,
        };
        var entryStep = d.Action == WorkflowAction.Resubmit ? after.Step : before.Step;
        var entryRound = d.Action == WorkflowAction.Resubmit ? after.Round : before.Round;
        db.Add(await EntryAsync(c, d.Action, d.UserId, entryStep, entryRound, d.Comment, d.DelegateTo, transition, ct));
        await effects.AfterDecisionAsync(c, steps, d.Action, t.Moved, ct);
        if (d.IdempotencyKey is { Length: > 0 })
        {
            db.Add(new WorkflowRequest
            {
                TenantId = tenant.TenantId ?? c.TenantId, UserId = d.UserId, Key = d.IdempotencyKey, CaseId = c.Id,
                State = c.State, Step = c.Step, CaseVersion = c.Version + (db.Entry(c).State == EntityState.Modified ? 1 : 0),
                CreatedUtc = now,
            });
        }
        try
        {
            // The case may belong to an institution while the authority decides: the rows written
            // here are exactly the case, its entry and the referral, loaded or checked above.
            using (tenant.AsSystem())
            {
                await db.SaveChangesAsync(ct);
            }
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (d.IdempotencyKey is { Length: > 0 } retried && await ReplayAsync(caseId, d.UserId, retried, ct) is { } first)
            {
                return first;
            }
            var now2 = await db.Set<WorkflowCase>().IgnoreQueryFilters().AsNoTracking().FirstAsync(x => x.Id == caseId, ct);
            return new WorkflowResult(DecisionStatus.Conflict, WorkflowMachine.ConflictMessage, caseId, now2.State, now2.Step, now2.Version);
        }
        return Result(c);
    }

    private async Task<WorkflowResult?> ReplayAsync(Guid caseId, Guid userId, string key, CancellationToken ct)
    {
        var earlier = await db.Set<WorkflowRequest>().IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, ct);
        if (earlier is null)
        {
            return null;
        }
        return earlier.CaseId == caseId
            ? new WorkflowResult(DecisionStatus.Ok, null, caseId, earlier.State, earlier.Step, earlier.CaseVersion, Replayed: true)
            : new WorkflowResult(DecisionStatus.Invalid, KeyReusedMessage, caseId, earlier.State, earlier.Step, earlier.CaseVersion);
    }

    private async Task<WorkflowEntry> EntryAsync(WorkflowCase c, WorkflowAction action, Guid userId, int step, int round,
        string? comment, Guid? delegateTo, string? transition, CancellationToken ct)
    {
        var name = await db.Users.IgnoreQueryFilters().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return new WorkflowEntry
        {
            TenantId = c.TenantId, CaseId = c.Id, Step = step, Round = round, Action = action, UserId = userId,
            UserName = name ?? userId.ToString(), AtUtc = clock.GetUtcNow().UtcDateTime,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), DelegateUserId = delegateTo,
            Transition = transition,
        };
    }

    public static CaseSnapshot Snapshot(WorkflowCase c, IReadOnlyCollection<int> approved, IReadOnlyCollection<int>? approvedThisRound = null) =>
        new(c.State, c.Step, c.Round, c.Version, c.ApplicantUserId, c.DelegateUserId, c.Facts, approved, approvedThisRound);

    /// <summary>The case as the machine sees it, with the positions approved in any round and in this one.</summary>
    private async Task<CaseSnapshot> SnapshotAsync(WorkflowCase c, CancellationToken ct)
    {
        var approvals = await db.Set<WorkflowEntry>().IgnoreQueryFilters()
            .Where(e => e.CaseId == c.Id && e.Action == WorkflowAction.Approve).Select(e => new { e.Step, e.Round }).ToListAsync(ct);
        return Snapshot(c, [.. approvals.Select(a => a.Step).Distinct()], [.. approvals.Where(a => a.Round == c.Round).Select(a => a.Step).Distinct()]);
    }

    /// <summary>
    /// Tells a case in progress whether its subject has a screening hit now (ADR 0010): the security
    /// step is added or removed as <see cref="WorkflowMachine.Refresh"/> says, each change goes into
    /// the case's history as done by <paramref name="userId"/> (null for the screening itself), and
    /// when the current step changed its holders are told as after any move. Nothing happens to a
    /// case that is not in progress (a returned case takes new facts when it is resubmitted) or
    /// whose fact is already <paramref name="hit"/>. Returns where the case stands, or null when
    /// nothing changed.
    /// </summary>
    public async Task<WorkflowResult?> SetScreeningHitAsync(Guid caseId, bool hit, Guid? userId, string userName, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var c = await db.Set<WorkflowCase>().FirstOrDefaultAsync(x => x.Id == caseId, ct);
            if (c is null || c.State != CaseState.InProgress || c.ScreeningHit == hit)
            {
                return null;
            }
            var steps = await WorkflowChains.StepsAsync(db, c.ChainVersionId, ct);
            var before = await SnapshotAsync(c, ct);
            var reroute = WorkflowMachine.Refresh(steps, before, c.Facts with { ScreeningHit = hit });
            var after = reroute.Case;
            c.Facts = after.Facts;
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var change in reroute.Changes)
            {
                db.Add(new WorkflowEntry
                {
                    TenantId = c.TenantId, CaseId = c.Id, Step = change.Step.Position, Round = c.Round,
                    Action = change.Added ? WorkflowAction.StepAdded : WorkflowAction.StepRemoved,
                    UserId = userId ?? Guid.Empty, UserName = userName.Length > 256 ? userName[..256] : userName, AtUtc = now,
                });
            }
            if (reroute.Moved)
            {
                c.State = after.State;
                c.Step = after.Step;
                c.DelegateUserId = null;
                c.StepStartedUtc = now;
                c.StepDueUtc = c.State == CaseState.InProgress ? now.AddDays(steps.Single(x => x.Position == c.Step).DeadlineDays) : null;
                c.ClosedUtc = c.IsClosed ? now : null;
                await effects.AfterMoveAsync(c, steps, ct);
            }
            try
            {
                // The authority's referral may be closed here, as in DecideAsync.
                using (tenant.AsSystem())
                {
                    await db.SaveChangesAsync(ct);
                }
                return Result(c);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // A decision on the case was saved meanwhile: look again from where it stands now.
                db.ChangeTracker.Clear();
            }
        }
    }

    public static WorkflowResult Result(WorkflowCase c) => new(DecisionStatus.Ok, null, c.Id, c.State, c.Step, c.Version);
}
