using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Tests.Platform.Workflow;

/// <summary>The tenant admin's chain editor: saving adds a version that new cases use while
/// running cases keep theirs; bad rows are refused with messages next to the field.</summary>
public sealed class WorkflowChainEditorTests
{
    private static Dictionary<string, string> Row(Dictionary<string, string> form, int i, string role, string scope = "Tenant",
        string condition = "Always", string? threshold = null, string days = "5")
    {
        form[$"Steps[{i}].Order"] = (i + 1).ToString();
        form[$"Steps[{i}].Role"] = role;
        form[$"Steps[{i}].Scope"] = scope;
        form[$"Steps[{i}].Condition"] = condition;
        form[$"Steps[{i}].Threshold"] = threshold ?? "";
        form[$"Steps[{i}].DeadlineDays"] = days;
        return form;
    }

    [Fact]
    public async Task Saving_a_chain_adds_a_version_used_by_new_cases_while_running_cases_keep_theirs()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var running = await kit.FileTripAsync();
        var admin = await app.SignInAsync("cqu.tenant-admin");
        Assert.Contains("data-chain=\"trip\"", await admin.GetStringAsync("/Workflow/Chains"));

        var form = new Dictionary<string, string> { ["BaseVersion"] = "1" };
        Row(form, 0, "unit-head", "ApplicantUnit");
        Row(form, 1, "officer-exit", days: "3");
        var saved = await admin.PostFormAsync("/Workflow/Chains/Edit/trip", "/Workflow/Chains/Edit/trip", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Version 2", await admin.GetStringAsync("/Workflow/Chains"));

        var fresh = await kit.ApproveAsync(await kit.FileTripAsync(), "cqu.unit-head", "cqu.officer-exit");
        Assert.Equal(CaseState.Approved, fresh.State);
        var old = await kit.ApproveAsync(running, "cqu.unit-head", "cqu.officer-exit");
        Assert.Equal((CaseState.InProgress, 4), (old.State, old.Step));

        // A second admin tab still holding version 1 changes nothing.
        var stale = await admin.PostFormAsync("/Workflow/Chains/Edit/trip", "/Workflow/Chains/Edit/trip", Row(new() { ["BaseVersion"] = "1" }, 0, "director"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("changed by someone else", await stale.Content.ReadAsStringAsync());
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<WorkflowChain>().Where(c => c.CaseType == "trip").Select(c => c.CurrentVersion).MaxAsync()));
    }

    [Fact]
    public async Task Bad_rows_are_refused_with_their_messages_and_the_typed_values_kept()
    {
        await using var app = await AppFactory.CreateAsync();
        var admin = await app.SignInAsync("cqu.tenant-admin");
        var form = new Dictionary<string, string> { ["BaseVersion"] = "0" };
        Row(form, 0, "director", "ApplicantUnit");
        Row(form, 1, "leader", condition: "SizeOver");
        Row(form, 2, "fao-officer", days: "0");
        var response = await admin.PostFormAsync("/Workflow/Chains/Edit/visit", "/Workflow/Chains/Edit/visit", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Only unit roles (unit head, unit secretary) can act for the applicant's unit", html);
        Assert.Contains("This condition needs a threshold between 0 and 10,000.", html);
        Assert.Contains("Enter a deadline between 1 and 365 days.", html);
        Assert.Contains("Choose a role that can decide this step", html);
        Assert.Contains("value=\"SizeOver\" selected", html);
        Assert.False(await app.WithDbAsync(db => db.Set<WorkflowChain>().AnyAsync(c => c.CaseType == "visit")));
    }

    [Fact]
    public async Task Only_tenant_admins_edit_chains_and_unknown_case_types_are_not_found()
    {
        await using var app = await AppFactory.CreateAsync();
        var director = await app.SignInAsync("cqu.director");
        Assert.NotEqual(HttpStatusCode.OK, (await director.GetAsync("/Workflow/Chains")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await director.GetAsync("/Workflow/Chains/Edit/trip")).StatusCode);
        var admin = await app.SignInAsync("cqu.tenant-admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Workflow/Chains/Edit/holiday")).StatusCode);
    }
}
