using System.Net;
using System.Text.RegularExpressions;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Tests.Platform.Workflow;

/// <summary>The "awaiting me" list with its home card, the case page with its timeline and decision
/// form, and what the authority and other institutions get to see.</summary>
public sealed partial class WorkflowPageTests
{
    [GeneratedRegex("name=\"Form\\.(Step|Version|Key)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();

    private static async Task<Dictionary<string, string>> FormOfAsync(HttpClient client, Guid caseId, string action, string? comment = null)
    {
        var html = await client.GetStringAsync($"/Workflow/Case/{caseId}");
        var fields = Hidden().Matches(html).ToDictionary(m => "Form." + m.Groups[1].Value, m => m.Groups[2].Value);
        fields["Form.Action"] = action;
        fields["Form.Comment"] = comment ?? "";
        return fields;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid caseId, Dictionary<string, string> form) =>
        client.PostFormAsync($"/Workflow/Case/{caseId}", $"/Workflow/Case/{caseId}", form);

    [Fact]
    public async Task The_holder_sees_the_case_awaiting_with_a_count_on_the_home_page_and_decides_it_there()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var filed = await kit.FileTripAsync();
        var head = await app.SignInAsync("cqu.unit-head");
        var director = await app.SignInAsync("cqu.director");

        Assert.Contains("data-testid=\"count-awaiting\">1<", await head.GetStringAsync("/"));
        Assert.Contains("data-testid=\"count-awaiting\">0<", await director.GetStringAsync("/"));
        var list = await head.GetStringAsync("/Workflow/Awaiting");
        Assert.Contains($"data-case=\"{filed.CaseId}\"", list);
        Assert.DoesNotContain($"data-case=\"{filed.CaseId}\"", await director.GetStringAsync("/Workflow/Awaiting"));

        var response = await PostAsync(head, filed.CaseId, await FormOfAsync(head, filed.CaseId, "Approve", "Fine by the college."));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain($"data-case=\"{filed.CaseId}\"", await head.GetStringAsync("/Workflow/Awaiting"));
        Assert.Contains($"data-case=\"{filed.CaseId}\"", await (await app.SignInAsync("cqu.officer-exit")).GetStringAsync("/Workflow/Awaiting"));

        var page = await (await app.SignInAsync("cqu.applicant")).GetStringAsync($"/Workflow/Case/{filed.CaseId}");
        Assert.Contains("data-testid=\"timeline\"", page);
        Assert.Contains("Fine by the college.", page);
        Assert.Contains("data-action=\"Approve\"", page);
    }

    [Fact]
    public async Task A_double_submitted_form_has_one_effect_and_a_stale_form_gets_the_conflict_message()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var filed = await kit.FileTripAsync();
        var head = await app.SignInAsync("cqu.unit-head");
        var form = await FormOfAsync(head, filed.CaseId, "Approve");
        var staleTab = await FormOfAsync(head, filed.CaseId, "Reject", "Keep this text");

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(head, filed.CaseId, form)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(head, filed.CaseId, form)).StatusCode);
        Assert.Single(await kit.HistoryAsync(filed.CaseId), h => h.Action == WorkflowAction.Approve);

        var refused = await PostAsync(head, filed.CaseId, staleTab);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains(WebUtility.HtmlEncode(WorkflowMachine.ConflictMessage), html);
        Assert.Contains("Keep this text", html);
        var stored = await kit.CaseAsync(filed.CaseId);
        Assert.Equal((CaseState.InProgress, 2), (stored.State, stored.Step));
    }

    [Fact]
    public async Task A_return_without_a_comment_is_refused_next_to_the_comment_field()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var filed = await kit.FileTripAsync();
        var head = await app.SignInAsync("cqu.unit-head", culture: "zh-CN");
        var response = await PostAsync(head, filed.CaseId, await FormOfAsync(head, filed.CaseId, "Return"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请填写意见，说明申请人需要修改什么。", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, (await kit.CaseAsync(filed.CaseId)).Version);
    }

    [Fact]
    public async Task The_authority_sees_the_referred_summary_but_not_the_timeline_nor_other_cases()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var referred = await kit.ApproveAsync(await kit.FileTripAsync(new CaseFacts(CityApproval: true), summary: "Delegation to Osaka, 12 members"),
            "cqu.unit-head", "cqu.officer-exit", "cqu.director");
        var internalOnly = await kit.FileTripAsync();
        var fao = await app.SignInAsync("cqfao.fao-officer");

        var list = await fao.GetStringAsync("/Workflow/Awaiting");
        Assert.Contains($"data-case=\"{referred.CaseId}\"", list);
        Assert.Contains("Chongqing University", list);
        var page = await fao.GetStringAsync($"/Workflow/Case/{referred.CaseId}");
        Assert.Contains("Delegation to Osaka, 12 members", page);
        Assert.DoesNotContain("data-testid=\"timeline\"", page);
        Assert.Contains("data-testid=\"decision-form\"", page);

        Assert.Equal(HttpStatusCode.NotFound, (await fao.GetAsync($"/Workflow/Case/{internalOnly.CaseId}")).StatusCode);
        var otherInstitution = await app.SignInAsync("cqupt.director");
        Assert.Equal(HttpStatusCode.NotFound, (await otherInstitution.GetAsync($"/Workflow/Case/{referred.CaseId}")).StatusCode);

        var decided = await PostAsync(fao, referred.CaseId, await FormOfAsync(fao, referred.CaseId, "Approve"));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal(CaseState.Approved, (await kit.CaseAsync(referred.CaseId)).State);
        Assert.DoesNotContain($"data-case=\"{referred.CaseId}\"", await fao.GetStringAsync("/Workflow/Awaiting"));
    }

    [Fact]
    public async Task Only_people_with_a_part_in_the_case_or_the_office_read_it()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var filed = await kit.FileTripAsync();
        foreach (var user in new[] { "cqu.student", "cqu.counselor", "cqu.unit-secretary" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(user)).GetAsync($"/Workflow/Case/{filed.CaseId}")).StatusCode);
        }
        foreach (var user in new[] { "cqu.applicant", "cqu.unit-head", "cqu.director", "cqu.auditor" })
        {
            Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAsync(user)).GetAsync($"/Workflow/Case/{filed.CaseId}")).StatusCode);
        }
    }

    [Fact]
    public async Task The_awaiting_page_speaks_Chinese()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.director", culture: "zh-CN");
        var html = await client.GetStringAsync("/Workflow/Awaiting");
        Assert.Contains("待我审批", html);
        Assert.DoesNotContain("Awaiting me", html);
    }
}
