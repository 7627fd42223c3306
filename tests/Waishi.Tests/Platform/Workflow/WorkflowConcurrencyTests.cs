using Waishi.Tests.Support;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Tests.Platform.Workflow;

/// <summary>Guarded transitions: of simultaneous decisions on one step exactly one takes effect; a
/// repeated request with the same idempotency key has one effect and the first answer.</summary>
public sealed class WorkflowConcurrencyTests
{
    [Fact]
    public async Task Of_two_simultaneous_decisions_one_wins_and_the_other_gets_the_conflict_message()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        await kit.AddHolderAsync("CQU", "cqu.officer-exit-2", "officer-exit");
        var atExit = await kit.ApproveAsync(await kit.FileTripAsync(), "cqu.unit-head");

        var results = await Task.WhenAll(
            kit.ActAsync("cqu.officer-exit", atExit, WorkflowAction.Approve),
            kit.ActAsync("cqu.officer-exit-2", atExit, WorkflowAction.Reject, "No."));

        Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(DecisionStatus.Conflict, loser.Status);
        Assert.Equal(WorkflowMachine.ConflictMessage, loser.Message);
        var decisions = (await kit.HistoryAsync(atExit.CaseId)).Where(h => h.Step == 2 && h.Action != WorkflowAction.Submit).ToList();
        Assert.Single(decisions);
        var stored = await kit.CaseAsync(atExit.CaseId);
        Assert.Equal(atExit.Version + 1, stored.Version);
        Assert.Equal(decisions[0].Action == WorkflowAction.Approve ? CaseState.InProgress : CaseState.Rejected, stored.State);
    }

    [Fact]
    public async Task A_decision_from_an_old_version_is_refused_and_changes_nothing()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var filed = await kit.FileTripAsync();
        await kit.ApproveAsync(filed, "cqu.unit-head");
        var again = await kit.ActAsync("cqu.unit-head", filed, WorkflowAction.Approve);
        Assert.Equal(DecisionStatus.Conflict, again.Status);
        Assert.Equal(WorkflowMachine.ConflictMessage, again.Message);
        Assert.Equal(2, (await kit.HistoryAsync(filed.CaseId)).Count);
    }

    [Fact]
    public async Task Fifty_parallel_approvals_of_one_step_give_one_success_and_one_history_entry()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var filed = await kit.FileTripAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => kit.ActAsync("cqu.unit-head", filed, WorkflowAction.Approve))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(DecisionStatus.Conflict, r.Status));
        var history = await kit.HistoryAsync(filed.CaseId);
        Assert.Single(history, h => h.Action == WorkflowAction.Approve);
        var stored = await kit.CaseAsync(filed.CaseId);
        Assert.Equal(2, stored.Step);
        Assert.Equal(filed.Version + 1, stored.Version);
    }

    [Fact]
    public async Task Repeating_a_request_with_its_idempotency_key_has_one_effect_and_the_first_answer()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var filed = await kit.FileTripAsync();

        var first = await kit.ActAsync("cqu.unit-head", filed, WorkflowAction.Approve, key: "click-1");
        var repeat = await kit.ActAsync("cqu.unit-head", filed, WorkflowAction.Approve, key: "click-1");
        Assert.True(first.Succeeded);
        Assert.True(repeat.Succeeded);
        Assert.True(repeat.Replayed);
        Assert.Equal((first.State, first.Step, first.Version), (repeat.State, repeat.Step, repeat.Version));
        Assert.Single(await kit.HistoryAsync(filed.CaseId), h => h.Action == WorkflowAction.Approve);

        var other = await kit.FileTripAsync();
        var reused = await kit.ActAsync("cqu.unit-head", other, WorkflowAction.Approve, key: "click-1");
        Assert.Equal(DecisionStatus.Invalid, reused.Status);
        Assert.Equal(WorkflowEngine.KeyReusedMessage, reused.Message);
        Assert.Equal(1, (await kit.CaseAsync(other.CaseId)).Step);
    }

    [Fact]
    public async Task Parallel_retries_with_one_key_all_get_the_one_result()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var filed = await kit.FileTripAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => kit.ActAsync("cqu.unit-head", filed, WorkflowAction.Approve, key: "retry-7"))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        Assert.Single(results.Select(r => (r.State, r.Step, r.Version)).Distinct());
        Assert.Single(await kit.HistoryAsync(filed.CaseId), h => h.Action == WorkflowAction.Approve);
    }
}
