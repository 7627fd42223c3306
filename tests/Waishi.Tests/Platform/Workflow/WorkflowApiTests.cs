using System.Net;
using System.Net.Http.Json;
using Waishi.Tests.Api;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Tests.Platform.Workflow;

/// <summary>Decisions through the JSON API: retries with one Idempotency-Key have one effect, a
/// stale version is a 409 with the conflict message, another tenant's case is a 404.</summary>
public sealed class WorkflowApiTests
{
    [Fact]
    public async Task A_retried_decision_with_its_idempotency_key_has_one_effect_and_a_stale_one_is_a_conflict()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var filed = await kit.FileTripAsync();
        var api = app.BearerClient(await (await app.SignInAsync("cqu.unit-head")).CreateTokenAsync());

        var awaiting = await (await api.GetAsync("/api/v1/workflow/awaiting")).JsonAsync();
        Assert.Contains(awaiting.EnumerateArray(), c => c.GetProperty("caseId").GetGuid() == filed.CaseId);
        var read = await (await api.GetAsync($"/api/v1/workflow/cases/{filed.CaseId}")).JsonAsync();
        var body = new { action = "Approve", step = read.GetProperty("step").GetInt32(), version = read.GetProperty("version").GetInt64() };

        Task<HttpResponseMessage> Post(string key)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/workflow/cases/{filed.CaseId}/decisions") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return api.SendAsync(request);
        }
        var first = await Post("k-1");
        var retry = await Post("k-1");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.True((await retry.JsonAsync()).GetProperty("replayed").GetBoolean());
        Assert.Single(await kit.HistoryAsync(filed.CaseId), h => h.Action == WorkflowAction.Approve);

        var stale = await Post("k-2");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(WorkflowMachine.ConflictMessage, (await stale.JsonAsync()).GetProperty("detail").GetString());

        var missing = await api.PostAsJsonAsync($"/api/v1/workflow/cases/{filed.CaseId}/decisions", new { action = "Approve" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.JsonAsync()).GetProperty("errors").TryGetProperty("version", out _));

        var other = app.BearerClient(await (await app.SignInAsync("cqupt.unit-head")).CreateTokenAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/workflow/cases/{filed.CaseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/workflow/cases/{filed.CaseId}/decisions", body)).StatusCode);
    }
}
