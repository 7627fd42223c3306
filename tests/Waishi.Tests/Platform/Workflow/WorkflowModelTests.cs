using Waishi.Web.Platform.Workflow;

namespace Waishi.Tests.Platform.Workflow;

/// <summary>
/// Model-based test of the decision rules: 10,000 random chains, cases and sequences of actions by
/// random users (from a fixed seed, so a failure repeats), checking after every action that no step
/// is skipped, nobody decides their own case or a step they do not hold, closed cases stay closed,
/// refused actions change nothing, and the history accounts for every change. The engine stores
/// exactly what these rules answer; its storage paths are tested against the database elsewhere.
/// </summary>
public sealed class WorkflowModelTests
{
    private static readonly string[] RoleNames = ["r1", "r2", "r3"];
    private static readonly WorkflowAction[] Actions =
        [WorkflowAction.Approve, WorkflowAction.Approve, WorkflowAction.Approve, WorkflowAction.Reject, WorkflowAction.Return,
         WorkflowAction.Comment, WorkflowAction.Delegate, WorkflowAction.Resubmit, WorkflowAction.Resubmit];

    private sealed record Entry(WorkflowAction Action, Guid User, int Step, int Round);

    [Fact]
    public void Ten_thousand_random_sequences_keep_the_invariants()
    {
        var random = new Random(20261123);
        var closedCases = 0;
        for (var sequence = 0; sequence < 10_000; sequence++)
        {
            closedCases += RunOne(random, sequence) ? 1 : 0;
        }
        Assert.True(closedCases > 1_000, $"Only {closedCases} sequences reached a final decision: the generator is too weak.");
    }

    private static bool RunOne(Random random, int sequence)
    {
        var steps = Enumerable.Range(1, random.Next(1, 7)).Select(p => new StepDefinition(
            p, RoleNames[random.Next(RoleNames.Length)], StepScope.Tenant,
            random.Next(3) == 0 ? (StepCondition)random.Next(Enum.GetValues<StepCondition>().Length) : StepCondition.Always,
            random.Next(3), 5)).ToList();
        var users = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        var holds = users.ToDictionary(u => u, _ => RoleNames.Where(_ => random.Next(2) == 0).ToHashSet());
        var applicant = users[random.Next(users.Count)];

        var c = WorkflowMachine.Submit(steps, applicant, RandomFacts(random)).Case;
        var history = new List<Entry> { new(WorkflowAction.Submit, applicant, c.Step, 1) };
        Assert.Equal(c.State == CaseState.Approved ? null : Oracle(steps, c.Facts, 1), c.State == CaseState.Approved ? null : c.Step);

        for (var i = 0; i < random.Next(5, 30); i++)
        {
            var user = random.Next(6) == 0 ? applicant : users[random.Next(users.Count)];
            var action = Actions[random.Next(Actions.Length)];
            var current = steps.FirstOrDefault(s => s.Position == c.Step);
            var holder = current is not null && holds[user].Contains(current.Role);
            var target = users[random.Next(users.Count)];
            var stale = random.Next(10) == 0;
            var request = new DecisionRequest(action, user, c.Step, stale ? c.Version - 1 : c.Version, holder,
                random.Next(4) == 0 ? null : "because", target, current is not null && holds[target].Contains(current.Role),
                random.Next(2) == 0 ? RandomFacts(random) : null);

            var t = WorkflowMachine.Decide(steps, c, request);
            var context = $"sequence {sequence}, action {i}: {action} by {(user == applicant ? "applicant" : "other")} at step {c.Step}/{c.State}";

            if (c.State is CaseState.Approved or CaseState.Rejected || stale)
            {
                Assert.True(t.Status == DecisionStatus.Conflict, context); // closed stays closed; stale never applies
            }
            if (t.Status != DecisionStatus.Ok)
            {
                Assert.Same(c, t.Case);
                continue;
            }

            var next = t.Case;
            if (action is WorkflowAction.Approve or WorkflowAction.Reject or WorkflowAction.Return or WorkflowAction.Delegate)
            {
                Assert.True(user != applicant, "self-decision in " + context);
                Assert.True(c.DelegateUserId is { } d ? d == user : holder, "decision by a non-holder in " + context);
                Assert.Equal(CaseState.InProgress, c.State);
            }
            switch (action)
            {
                case WorkflowAction.Approve:
                    var expected = Oracle(steps, c.Facts, c.Step + 1);
                    Assert.True(expected is null ? next.State == CaseState.Approved : next.State == CaseState.InProgress && next.Step == expected, "skipped a step in " + context);
                    break;
                case WorkflowAction.Reject:
                    Assert.Equal(CaseState.Rejected, next.State);
                    break;
                case WorkflowAction.Return:
                    Assert.True(next.State == CaseState.Returned && next.Step == c.Step && request.Comment is not null, context);
                    break;
                case WorkflowAction.Resubmit:
                    Assert.True(user == applicant && c.State == CaseState.Returned && next.Round == c.Round + 1, context);
                    break;
                case WorkflowAction.Delegate:
                    Assert.True(next.DelegateUserId == target && target != applicant && holds[target].Contains(current!.Role), context);
                    break;
                case WorkflowAction.Comment:
                    Assert.Same(c, next);
                    break;
            }
            Assert.Equal(action == WorkflowAction.Comment ? c.Version : c.Version + 1, next.Version);
            history.Add(new Entry(action, user, action == WorkflowAction.Resubmit ? next.Step : c.Step, next.Round));
            c = next;
        }

        // History complete: every change of the case has its entry, and an approved case has an
        // approval for every step that applies to its final facts.
        Assert.Equal(c.Version, history.Count(h => h.Action != WorkflowAction.Comment));
        if (c.State == CaseState.Approved)
        {
            var approved = history.Where(h => h.Action == WorkflowAction.Approve).Select(h => h.Step).ToHashSet();
            var required = steps.Where(s => OracleApplies(s, c.Facts)).Select(s => s.Position);
            Assert.True(required.All(approved.Contains), $"sequence {sequence}: approved without every step");
            Assert.All(history.Where(h => h.Action == WorkflowAction.Approve), h => Assert.NotEqual(applicant, h.User));
        }
        return c.State is CaseState.Approved or CaseState.Rejected;
    }

    private static CaseFacts RandomFacts(Random r) =>
        new(r.Next(2) == 0, r.Next(3) == 0, r.Next(4), r.Next(3) == 0, r.Next(4) == 0, r.Next(5), r.Next(3) == 0);

    /// <summary>The conditions as the design states them, written independently of the engine.</summary>
    private static bool OracleApplies(StepDefinition s, CaseFacts f) => s.Condition switch
    {
        StepCondition.Always => true,
        StepCondition.ClassifiedMember => f.ClassifiedMember,
        StepCondition.ScreeningHit => f.ScreeningHit,
        StepCondition.ClassifiedMemberOrScreeningHit => f.ClassifiedMember || f.ScreeningHit,
        StepCondition.VipLevelAtLeast => f.VipLevel >= (s.Threshold ?? 1),
        StepCondition.SeniorCadreLeader => f.SeniorCadreLeader,
        StepCondition.DestinationTaiwan => f.DestinationTaiwan,
        StepCondition.SizeOver => f.Size > (s.Threshold ?? 0),
        StepCondition.CityApproval => f.CityApproval,
        StepCondition.CityApprovalOrTaiwan => f.CityApproval || f.DestinationTaiwan,
        _ => throw new InvalidOperationException("A condition without an oracle: " + s.Condition),
    };

    private static int? Oracle(List<StepDefinition> steps, CaseFacts facts, int from)
    {
        for (var p = from; p <= steps.Count; p++)
        {
            if (OracleApplies(steps[p - 1], facts))
            {
                return p;
            }
        }
        return null;
    }
}
