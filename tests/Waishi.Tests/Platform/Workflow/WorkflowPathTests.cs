using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Notifications;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Tests.Platform.Workflow;

/// <summary>The trip chain of an institution, step by step: which steps apply, who may act, and
/// what approve, reject, return, resubmit, comment and delegate do.</summary>
public sealed class WorkflowPathTests
{
    [Fact]
    public async Task Plain_trip_goes_unit_head_exit_officer_director_and_is_approved()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var filed = await kit.FileTripAsync();
        Assert.Equal(1, filed.Step);

        var atExit = await kit.ApproveAsync(filed, "cqu.unit-head");
        Assert.Equal(2, atExit.Step);
        var atDirector = await kit.ApproveAsync(atExit, "cqu.officer-exit");
        Assert.Equal(4, atDirector.Step); // no classified member: the security officer is passed over
        var done = await kit.ApproveAsync(atDirector, "cqu.director");
        Assert.Equal(CaseState.Approved, done.State);

        var history = await kit.HistoryAsync(filed.CaseId);
        Assert.Equal([WorkflowAction.Submit, WorkflowAction.Approve, WorkflowAction.Approve, WorkflowAction.Approve], history.Select(h => h.Action));
        Assert.Equal([1, 1, 2, 4], history.Select(h => h.Step));
        Assert.All(history, h => Assert.False(string.IsNullOrEmpty(h.UserName)));
        Assert.Null((await kit.CaseAsync(filed.CaseId)).StepDueUtc);

        var notified = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Link == $"/Workflow/Case/{filed.CaseId}").CountAsync());
        Assert.Equal(4, notified); // unit head, exit officer, director, then the applicant
    }

    [Fact]
    public async Task Classified_member_senior_cadre_and_Taiwan_bring_in_security_leader_and_the_FAO()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var filed = await kit.FileTripAsync(new CaseFacts(ClassifiedMember: true, SeniorCadreLeader: true, DestinationTaiwan: true));

        var atFao = await kit.ApproveAsync(filed, "cqu.unit-head", "cqu.officer-exit", "cqu.security-officer", "cqu.director", "cqu.leader");
        Assert.Equal(6, atFao.Step);
        Assert.Equal(CaseState.InProgress, atFao.State);
        var refused = await kit.ActAsync("cqu.director", atFao, WorkflowAction.Approve);
        Assert.Equal(DecisionStatus.Forbidden, refused.Status);

        var done = await kit.ApproveAsync(atFao, "cqfao.fao-officer");
        Assert.Equal(CaseState.Approved, done.State);
        var steps = (await kit.HistoryAsync(filed.CaseId)).Where(h => h.Action == WorkflowAction.Approve).Select(h => h.Step);
        Assert.Equal([1, 2, 3, 4, 5, 6], steps);
    }

    [Fact]
    public async Task A_holder_of_another_step_or_another_unit_cannot_decide()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var filed = await kit.FileTripAsync();
        Assert.Equal(DecisionStatus.Forbidden, (await kit.ActAsync("cqu.officer-exit", filed, WorkflowAction.Approve)).Status);
        Assert.Equal(DecisionStatus.Forbidden, (await kit.ActAsync("cqu.director", filed, WorkflowAction.Reject)).Status);

        // The unit head of CQU-ME does not head CQU-EE.
        var otherUnit = await kit.FileTripAsync(unit: "CQU-EE");
        var refused = await kit.ActAsync("cqu.unit-head", otherUnit, WorkflowAction.Approve);
        Assert.Equal(DecisionStatus.Forbidden, refused.Status);
        Assert.Equal(WorkflowMachine.NotHolderMessage, refused.Message);

        // Another institution does not even find the case.
        Assert.Equal(DecisionStatus.NotFound, (await kit.ActAsync("cqupt.unit-head", filed, WorkflowAction.Approve)).Status);
        Assert.Single(await kit.HistoryAsync(filed.CaseId));
    }

    [Fact]
    public async Task Nobody_approves_their_own_case_even_holding_the_role()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var filed = await kit.FileTripAsync(applicant: "cqu.unit-head");
        var refused = await kit.ActAsync("cqu.unit-head", filed, WorkflowAction.Approve);
        Assert.Equal(DecisionStatus.Forbidden, refused.Status);
        Assert.Equal(WorkflowMachine.SelfApprovalMessage, refused.Message);
        Assert.Equal(1, (await kit.CaseAsync(filed.CaseId)).Step);
    }

    [Fact]
    public async Task Return_goes_back_to_the_applicant_and_resubmission_restarts_at_the_returning_step()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var atDirector = await kit.ApproveAsync(await kit.FileTripAsync(), "cqu.unit-head", "cqu.officer-exit");

        var noComment = await kit.ActAsync("cqu.director", atDirector, WorkflowAction.Return);
        Assert.Equal(DecisionStatus.Invalid, noComment.Status);
        var returned = await kit.ActAsync("cqu.director", atDirector, WorkflowAction.Return, "Add the invitation letter.");
        Assert.True(returned.Succeeded);
        Assert.Equal(CaseState.Returned, returned.State);
        Assert.Equal(DecisionStatus.Invalid, (await kit.ActAsync("cqu.director", returned, WorkflowAction.Approve)).Status);
        Assert.Equal(DecisionStatus.Forbidden, (await kit.ActAsync("cqu.director", returned, WorkflowAction.Resubmit)).Status);

        var resubmitted = await kit.ActAsync("cqu.applicant", returned, WorkflowAction.Resubmit, "Letter attached.");
        Assert.True(resubmitted.Succeeded, resubmitted.Message);
        Assert.Equal(CaseState.InProgress, resubmitted.State);
        Assert.Equal(4, resubmitted.Step);
        Assert.Equal(2, (await kit.CaseAsync(returned.CaseId)).Round);
        var done = await kit.ApproveAsync(resubmitted, "cqu.director");
        Assert.Equal(CaseState.Approved, done.State);
        Assert.Equal([WorkflowAction.Submit, WorkflowAction.Approve, WorkflowAction.Approve, WorkflowAction.Return, WorkflowAction.Resubmit, WorkflowAction.Approve],
            (await kit.HistoryAsync(returned.CaseId)).Select(h => h.Action));
    }

    [Fact]
    public async Task Revised_facts_bring_in_an_earlier_step_that_nobody_approved()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var atDirector = await kit.ApproveAsync(await kit.FileTripAsync(), "cqu.unit-head", "cqu.officer-exit");
        var returned = await kit.ActAsync("cqu.director", atDirector, WorkflowAction.Return, "A classified colleague joins.");
        var resubmitted = await kit.ActAsync("cqu.applicant", returned, WorkflowAction.Resubmit, facts: new CaseFacts(ClassifiedMember: true));
        Assert.Equal(3, resubmitted.Step); // the security officer, not skipped
    }

    [Fact]
    public async Task Rejection_is_final()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var rejected = await kit.ActAsync("cqu.unit-head", await kit.FileTripAsync(), WorkflowAction.Reject, "Not in the plan.");
        Assert.Equal(CaseState.Rejected, rejected.State);
        foreach (var (user, action) in new[] { ("cqu.unit-head", WorkflowAction.Approve), ("cqu.applicant", WorkflowAction.Resubmit), ("cqu.unit-head", WorkflowAction.Comment) })
        {
            var after = await kit.ActAsync(user, rejected, action, "again");
            Assert.Equal(DecisionStatus.Conflict, after.Status);
            Assert.Equal(WorkflowMachine.ClosedMessage, after.Message);
        }
        Assert.Equal(2, (await kit.HistoryAsync(rejected.CaseId)).Count);
    }

    [Fact]
    public async Task Delegation_hands_the_step_to_another_holder_of_the_role()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var second = await kit.AddHolderAsync("CQU", "cqu.officer-exit-2", "officer-exit");
        var atExit = await kit.ApproveAsync(await kit.FileTripAsync(), "cqu.unit-head");

        var toNonHolder = await kit.ActAsync("cqu.officer-exit", atExit, WorkflowAction.Delegate, delegateTo: await kit.UserIdAsync("cqu.director"));
        Assert.Equal(DecisionStatus.Invalid, toNonHolder.Status);
        var delegated = await kit.ActAsync("cqu.officer-exit", atExit, WorkflowAction.Delegate, "Please take this one.", second);
        Assert.True(delegated.Succeeded, delegated.Message);
        Assert.Equal(DecisionStatus.Forbidden, (await kit.ActAsync("cqu.officer-exit", delegated, WorkflowAction.Approve)).Status);

        var approved = await kit.ApproveAsync(delegated, "cqu.officer-exit-2");
        Assert.Equal(4, approved.Step);
        var history = await kit.HistoryAsync(atExit.CaseId);
        Assert.Contains(history, h => h.Action == WorkflowAction.Delegate && h.DelegateUserId == second && h.Comment == "Please take this one.");
    }

    [Fact]
    public async Task Comments_are_kept_and_move_nothing()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var filed = await kit.FileTripAsync();
        var commented = await kit.ActAsync("cqu.unit-head", filed, WorkflowAction.Comment, "Which hotel?");
        Assert.True(commented.Succeeded);
        Assert.Equal(filed.Version, commented.Version);
        Assert.Equal(DecisionStatus.Forbidden, (await kit.ActAsync("cqu.director", filed, WorkflowAction.Comment, "Hello")).Status);
        await kit.ApproveAsync(filed, "cqu.unit-head");
        Assert.Contains(await kit.HistoryAsync(filed.CaseId), h => h.Action == WorkflowAction.Comment && h.Comment == "Which hotel?");
    }
}
