using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Platform.Demo.Scale;

/// <summary>Where a generated case ended: still at a step, returned or rejected at one, or approved.</summary>
public enum CaseOutcome
{
    InProgress,
    Returned,
    Rejected,
    Approved,
}

/// <summary>
/// Writes approval cases as the workflow engine leaves them: the chain of each case type and
/// institution (the default chain, version 1), and per case the submission, a decision per step
/// that applied (by a holder of the step's role who is not the applicant), the referral to the
/// authority for steps routed there, and the case's state, step and dates.
/// </summary>
public sealed class WorkflowHistory(ScaleContext context, ScaleRandom random)
{
    private readonly Dictionary<(Guid Tenant, string CaseType), (Guid VersionId, IReadOnlyList<StepDefinition> Steps)> _chains = [];

    public (Guid VersionId, IReadOnlyList<StepDefinition> Steps) Chain(ScaleContext.Batch batch, ScaleTenant tenant, string caseType)
    {
        if (_chains.TryGetValue((tenant.Id, caseType), out var chain))
        {
            return chain;
        }
        var at = context.AsOfUtc.AddYears(-10).AddDays(-20);
        var c = new WorkflowChain { Id = random.NextId(at), TenantId = tenant.Id, CaseType = caseType, CurrentVersion = 1 };
        var v = new WorkflowChainVersion { Id = random.NextId(at), TenantId = tenant.Id, ChainId = c.Id, Number = 1, CreatedUtc = at, CreatedBy = "system" };
        batch.Add(c);
        batch.Add(v);
        var steps = CaseTypes.DefaultChain(caseType);
        foreach (var s in steps)
        {
            batch.Add(new WorkflowStep
            {
                Id = random.NextId(at), TenantId = tenant.Id, ChainVersionId = v.Id, Position = s.Position, Role = s.Role,
                Scope = s.Scope, Condition = s.Condition, Threshold = s.Threshold, DeadlineDays = s.DeadlineDays,
            });
        }
        return _chains[(tenant.Id, caseType)] = (v.Id, steps);
    }

    /// <param name="stopAt">For outcomes other than Approved: the index among the applicable steps
    /// where the case stands (taken modulo their number).</param>
    /// <param name="excluded">People who may not decide (applicant, filer, travellers).</param>
    /// <returns>The case and the time of its last event.</returns>
    public (WorkflowCase Case, DateTime Last) Write(ScaleContext.Batch batch, ScaleTenant tenant, string caseType, CaseFacts facts,
        ScaleUser applicant, Guid? unitId, Guid subjectId, string title, string? summary, string link, DateTime submitted,
        CaseOutcome outcome, int stopAt, IReadOnlySet<Guid> excluded)
    {
        var (versionId, steps) = Chain(batch, tenant, caseType);
        var applicable = steps.Where(s => WorkflowMachine.Applies(s, facts)).ToList();
        var c = new WorkflowCase
        {
            Id = random.NextId(submitted), TenantId = tenant.Id, CaseType = caseType, SubjectId = subjectId, Title = title,
            Summary = summary, Link = link, ChainVersionId = versionId, Round = 1, ApplicantUserId = applicant.Id,
            ApplicantUnitId = unitId, CreatedUtc = submitted, Facts = facts,
        };
        var decided = outcome == CaseOutcome.Approved ? applicable.Count : applicable.Count == 0 ? 0 : stopAt % applicable.Count;
        // Decisions follow each other by half a day to three days, but never past the end of the history.
        var room = (context.AsOfUtc.AddHours(-1) - submitted).TotalMinutes;
        var gap = Math.Max(1, Math.Min(3 * 24 * 60, room / (applicable.Count + 1)));
        var at = submitted;
        var entries = new List<WorkflowEntry>
        {
            Entry(c, applicable.FirstOrDefault()?.Position ?? 0, WorkflowAction.Submit, applicant, at, null, $"{c.Id:N}/1/submit"),
        };
        WorkflowReferral? referral = null;
        for (var i = 0; i < decided; i++)
        {
            var step = applicable[i];
            var decider = Decider(tenant, step, unitId, excluded);
            at = at.AddMinutes(Math.Max(1, (int)(gap * (0.2 + 0.8 * random.NextDouble()))));
            entries.Add(Entry(c, step.Position, WorkflowAction.Approve, decider, at, null, $"{c.Id:N}/1/{step.Position}"));
            if (step.Scope == StepScope.Authority)
            {
                referral = Referral(c, tenant, step, at);
            }
        }
        if (outcome == CaseOutcome.Approved || applicable.Count == 0)
        {
            c.State = CaseState.Approved;
            c.Step = applicable.LastOrDefault()?.Position ?? 0;
            c.StepStartedUtc = at;
            c.ClosedUtc = at;
        }
        else
        {
            var step = applicable[decided];
            c.Step = step.Position;
            c.StepStartedUtc = at;
            if (outcome == CaseOutcome.InProgress)
            {
                c.State = CaseState.InProgress;
                c.StepDueUtc = at.AddDays(step.DeadlineDays);
                if (step.Scope == StepScope.Authority)
                {
                    referral = Referral(c, tenant, step, at);
                    referral.IsOpen = true;
                    referral.DueUtc = c.StepDueUtc;
                }
            }
            else
            {
                var decider = Decider(tenant, step, unitId, excluded);
                at = at.AddMinutes(Math.Max(1, (int)(gap * (0.2 + 0.8 * random.NextDouble()))));
                var returned = outcome == CaseOutcome.Returned;
                entries.Add(Entry(c, step.Position, returned ? WorkflowAction.Return : WorkflowAction.Reject, decider, at,
                    returned ? random.Pick(ReturnComments) : random.Pick(RejectComments), $"{c.Id:N}/1/{step.Position}"));
                c.State = returned ? CaseState.Returned : CaseState.Rejected;
                c.StepStartedUtc = at;
                c.ClosedUtc = returned ? null : at;
            }
        }
        batch.Add(c);
        batch.AddRange(entries);
        if (referral is not null)
        {
            referral.CaseState = c.State;
            batch.Add(referral);
        }
        return (c, at);
    }

    private static readonly string[] ReturnComments =
    [
        "Please attach the invitation letter.", "The itinerary does not cover every day; please complete it.",
        "Budget lines exceed the standard rates; please revise.", "Please name the host contact and the tasks of each member.",
    ];

    private static readonly string[] RejectComments =
    [
        "The purpose does not justify the number of countries.", "Trips per person for this year are used up.",
        "Not approved: the host institution could not be verified.",
    ];

    private WorkflowReferral Referral(WorkflowCase c, ScaleTenant tenant, StepDefinition step, DateTime at) => new()
    {
        Id = random.NextId(at), TenantId = context.City.Authority!.Id, CaseId = c.Id, SourceTenantId = tenant.Id,
        SourceTenantName = tenant.NameZh + " · " + tenant.NameEn, CaseType = c.CaseType, Title = c.Title, Summary = c.Summary,
        Role = step.Role, Step = step.Position, Round = 1, ReferredUtc = at, IsOpen = false,
    };

    private ScaleUser Decider(ScaleTenant tenant, StepDefinition step, Guid? unitId, IReadOnlySet<Guid> excluded)
    {
        if (step.Scope == StepScope.Authority)
        {
            return context.City.Authority!.Holder(step.Role, random);
        }
        if (step.Scope == StepScope.ApplicantUnit && unitId is { } u)
        {
            var head = tenant.HeadOf(u);
            if (head is not null && !excluded.Contains(head.Id) && (head.StaffId is null || !excluded.Contains(head.StaffId.Value)))
            {
                return head;
            }
            return tenant.Holder(Roles.Director, random);
        }
        var holders = tenant.RoleHolders.GetValueOrDefault(step.Role) ?? tenant.RoleHolders[Roles.Director];
        var allowed = holders.Where(h => !excluded.Contains(h.Id) && (h.StaffId is null || !excluded.Contains(h.StaffId.Value))).ToList();
        return allowed.Count > 0 ? random.Pick(allowed) : random.Pick(holders);
    }

    private WorkflowEntry Entry(WorkflowCase c, int step, WorkflowAction action, ScaleUser user, DateTime at, string? comment, string transition) => new()
    {
        Id = random.NextId(at), TenantId = c.TenantId, CaseId = c.Id, Step = step, Round = 1, Action = action, UserId = user.Id,
        UserName = user.DisplayName, AtUtc = at, Comment = comment, Transition = transition,
    };
}
