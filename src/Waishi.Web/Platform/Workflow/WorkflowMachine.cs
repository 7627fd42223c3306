namespace Waishi.Web.Platform.Workflow;

public enum DecisionStatus
{
    Ok,
    /// <summary>The case moved on since the caller looked (stale version or step, or another decision won).</summary>
    Conflict,
    /// <summary>The caller may not take this action on this case now.</summary>
    Forbidden,
    /// <summary>The request itself is wrong (missing comment, unknown delegate ...).</summary>
    Invalid,
    NotFound,
}

/// <summary>Where a case stands, as the decision logic sees it. <see cref="Approved"/> holds the
/// positions approved in any round, <see cref="ApprovedThisRound"/> those approved in the current
/// one: a step added behind the case (a screening hit, ADR 0010) sends it back, and the steps
/// approved since are not asked again.</summary>
public sealed record CaseSnapshot(CaseState State, int Step, int Round, long Version, Guid ApplicantUserId, Guid? DelegateUserId, CaseFacts Facts,
    IReadOnlyCollection<int> Approved, IReadOnlyCollection<int>? ApprovedThisRound = null);

/// <summary>A step that a change of facts brought into a case in progress, or took out of it.</summary>
public sealed record StepChange(StepDefinition Step, bool Added);

/// <summary>A case brought up to date with new facts: the steps added and removed, and whether the
/// current step changed (or the case was approved because no step is left).</summary>
public sealed record Reroute(CaseSnapshot Case, bool Moved, IReadOnlyList<StepChange> Changes);

/// <summary>A request to act on a case. <see cref="ExpectedStep"/> and <see cref="ExpectedVersion"/>
/// are what the caller saw; <see cref="MayActOnStep"/> says whether the caller holds the current
/// step's role in its scope (the engine works this out from the role assignments).</summary>
public sealed record DecisionRequest(
    WorkflowAction Action, Guid UserId, int ExpectedStep, long ExpectedVersion, bool MayActOnStep,
    string? Comment = null, Guid? DelegateTo = null, bool DelegateMayAct = false, CaseFacts? NewFacts = null);

/// <summary>The outcome: the new snapshot and, when it moved, the step it left behind.</summary>
public sealed record Transition(DecisionStatus Status, string? Message, CaseSnapshot Case, bool Moved)
{
    public static Transition Refused(DecisionStatus status, string message, CaseSnapshot c) => new(status, message, c, false);
}

/// <summary>
/// The rules of the approval chain, free of storage: which step comes next, who may act, and what
/// each action does. The engine persists its answers; the model-based test drives it directly.
/// </summary>
public static class WorkflowMachine
{
    public const string ConflictMessage = "This case was decided or changed by someone else in the meantime. Reload it to see where it stands.";
    public const string ClosedMessage = "This case is closed: it was finally approved or rejected, and nothing more can be done on it.";
    public const string SelfApprovalMessage = "You filed this case, so you cannot decide on it.";
    public const string NotHolderMessage = "This step is not yours to decide.";
    public const string NotApplicantMessage = "Only the applicant can resubmit a returned case.";
    public const string NotReturnedMessage = "Only a case returned for revision can be resubmitted.";
    public const string NotInProgressMessage = "This case is with the applicant for revision; no step can be decided until it is resubmitted.";
    public const string CommentRequiredMessage = "Write a comment that tells the applicant what to change.";
    public const string DelegateMessage = "Choose another holder of this step's role to delegate to.";
    public const string NoStepMessage = "No step of this approval chain applies to this case.";

    public static bool Applies(StepDefinition step, CaseFacts f) => step.Condition switch
    {
        StepCondition.Always => true,
        StepCondition.ClassifiedMember => f.ClassifiedMember,
        StepCondition.ScreeningHit => f.ScreeningHit,
        StepCondition.ClassifiedMemberOrScreeningHit => f.ClassifiedMember || f.ScreeningHit,
        StepCondition.VipLevelAtLeast => f.VipLevel >= (step.Threshold ?? 1),
        StepCondition.SeniorCadreLeader => f.SeniorCadreLeader,
        StepCondition.DestinationTaiwan => f.DestinationTaiwan,
        StepCondition.SizeOver => f.Size > (step.Threshold ?? 0),
        StepCondition.CityApproval => f.CityApproval,
        StepCondition.CityApprovalOrTaiwan => f.CityApproval || f.DestinationTaiwan,
        _ => false,
    };

    /// <summary>The first step at or after <paramref name="from"/> whose condition holds, or null when none is left.</summary>
    public static StepDefinition? NextStep(IReadOnlyList<StepDefinition> steps, CaseFacts facts, int from, IReadOnlyCollection<int>? passed = null) =>
        steps.Where(s => s.Position >= from && Applies(s, facts) && (passed is null || !passed.Contains(s.Position)))
            .OrderBy(s => s.Position).FirstOrDefault();

    /// <summary>
    /// New facts for a case in progress (ADR 0010). A step that now applies and was not approved in
    /// this round is added: ahead of the case it waits for its turn; behind the case it becomes the
    /// current step at once, and the interrupted step follows it. A step that no longer applies and
    /// was not approved in this round is removed: when it is the current step the case moves on to
    /// the next one that applies (the interrupted step, if any). Steps already approved in this
    /// round are left as they were.
    /// </summary>
    public static Reroute Refresh(IReadOnlyList<StepDefinition> steps, CaseSnapshot c, CaseFacts facts)
    {
        var passed = c.ApprovedThisRound ?? [];
        var changes = steps.Where(s => Applies(s, c.Facts) != Applies(s, facts) && !passed.Contains(s.Position))
            .OrderBy(s => s.Position).Select(s => new StepChange(s, Applies(s, facts))).ToList();
        var refreshed = c with { Facts = facts };
        if (c.State != CaseState.InProgress)
        {
            return new Reroute(refreshed, false, []);
        }
        if (changes.FirstOrDefault(x => x.Added && x.Step.Position < c.Step) is { } behind)
        {
            return new Reroute(refreshed with { Step = behind.Step.Position, Version = c.Version + 1, DelegateUserId = null }, true, changes);
        }
        if (changes.Any(x => !x.Added && x.Step.Position == c.Step))
        {
            var next = NextStep(steps, facts, c.Step + 1, passed);
            return new Reroute(next is null
                ? refreshed with { State = CaseState.Approved, Version = c.Version + 1, DelegateUserId = null }
                : refreshed with { Step = next.Position, Version = c.Version + 1, DelegateUserId = null }, true, changes);
        }
        return new Reroute(refreshed, false, changes);
    }

    /// <summary>The snapshot of a case just submitted; Conflict-free by construction.</summary>
    public static Transition Submit(IReadOnlyList<StepDefinition> steps, Guid applicant, CaseFacts facts)
    {
        var first = NextStep(steps, facts, 1);
        var snapshot = new CaseSnapshot(first is null ? CaseState.Approved : CaseState.InProgress, first?.Position ?? 0, 1, 1, applicant, null, facts, []);
        return new Transition(DecisionStatus.Ok, null, snapshot, true);
    }

    public static Transition Decide(IReadOnlyList<StepDefinition> steps, CaseSnapshot c, DecisionRequest r)
    {
        if (c.State is CaseState.Approved or CaseState.Rejected)
        {
            return Transition.Refused(DecisionStatus.Conflict, ClosedMessage, c);
        }
        if (r.ExpectedVersion != c.Version || r.ExpectedStep != c.Step)
        {
            return Transition.Refused(DecisionStatus.Conflict, ConflictMessage, c);
        }

        if (r.Action == WorkflowAction.Resubmit)
        {
            if (r.UserId != c.ApplicantUserId)
            {
                return Transition.Refused(DecisionStatus.Forbidden, NotApplicantMessage, c);
            }
            if (c.State != CaseState.Returned)
            {
                return Transition.Refused(DecisionStatus.Invalid, NotReturnedMessage, c);
            }
            var facts = r.NewFacts ?? c.Facts;
            // The chain restarts at the step that returned the case (or the next one that still
            // applies), unless the revised facts bring in an earlier step that nobody approved yet.
            var restart = steps.Where(s => s.Position < c.Step && Applies(s, facts) && !c.Approved.Contains(s.Position))
                .OrderBy(s => s.Position).FirstOrDefault() ?? NextStep(steps, facts, c.Step);
            var state = restart is null ? CaseState.Approved : CaseState.InProgress;
            return new Transition(DecisionStatus.Ok, null,
                c with { State = state, Step = restart?.Position ?? c.Step, Round = c.Round + 1, Version = c.Version + 1, DelegateUserId = null, Facts = facts }, true);
        }

        if (r.Action == WorkflowAction.Comment)
        {
            if (string.IsNullOrWhiteSpace(r.Comment))
            {
                return Transition.Refused(DecisionStatus.Invalid, "Write a comment.", c);
            }
            if (r.UserId != c.ApplicantUserId && !MayAct(c, r))
            {
                return Transition.Refused(DecisionStatus.Forbidden, NotHolderMessage, c);
            }
            // A comment moves nothing, so it never conflicts with a decision.
            return new Transition(DecisionStatus.Ok, null, c, false);
        }

        if (c.State != CaseState.InProgress)
        {
            return Transition.Refused(DecisionStatus.Invalid, NotInProgressMessage, c);
        }
        if (r.UserId == c.ApplicantUserId)
        {
            return Transition.Refused(DecisionStatus.Forbidden, SelfApprovalMessage, c);
        }
        if (!MayAct(c, r))
        {
            return Transition.Refused(DecisionStatus.Forbidden, NotHolderMessage, c);
        }

        switch (r.Action)
        {
            case WorkflowAction.Approve:
                var next = NextStep(steps, c.Facts, c.Step + 1, c.ApprovedThisRound);
                var approved = c.Approved.Append(c.Step).Distinct().ToList();
                return new Transition(DecisionStatus.Ok, null, next is null
                    ? c with { State = CaseState.Approved, Version = c.Version + 1, DelegateUserId = null, Approved = approved }
                    : c with { Step = next.Position, Version = c.Version + 1, DelegateUserId = null, Approved = approved }, true);
            case WorkflowAction.Reject:
                return new Transition(DecisionStatus.Ok, null, c with { State = CaseState.Rejected, Version = c.Version + 1, DelegateUserId = null }, true);
            case WorkflowAction.Return:
                if (string.IsNullOrWhiteSpace(r.Comment))
                {
                    return Transition.Refused(DecisionStatus.Invalid, CommentRequiredMessage, c);
                }
                return new Transition(DecisionStatus.Ok, null, c with { State = CaseState.Returned, Version = c.Version + 1, DelegateUserId = null }, true);
            case WorkflowAction.Delegate:
                if (r.DelegateTo is not { } to || to == r.UserId || to == c.ApplicantUserId || !r.DelegateMayAct)
                {
                    return Transition.Refused(DecisionStatus.Invalid, DelegateMessage, c);
                }
                return new Transition(DecisionStatus.Ok, null, c with { DelegateUserId = to, Version = c.Version + 1 }, false);
            default:
                return Transition.Refused(DecisionStatus.Invalid, "This action is not possible here.", c);
        }
    }

    /// <summary>A delegated step is acted on by its delegate alone; otherwise by any holder.</summary>
    private static bool MayAct(CaseSnapshot c, DecisionRequest r) =>
        c.DelegateUserId is { } delegated ? delegated == r.UserId : r.MayActOnStep;
}
