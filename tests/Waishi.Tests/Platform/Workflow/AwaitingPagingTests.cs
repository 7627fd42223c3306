using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Tests.Platform.Workflow;

public sealed class AwaitingPagingTests
{
    [Fact]
    public async Task A_long_awaiting_list_is_paged_fifty_at_a_time_with_the_total_in_the_heading()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        for (var i = 0; i < 53; i++)
        {
            await kit.FileTripAsync();
        }
        var head = await app.SignInAsync("cqu.unit-head");

        var first = await head.GetStringAsync("/Workflow/Awaiting");
        Assert.Equal(50, Regex.Matches(first, "data-case=\"").Count);
        Assert.Contains(">53</span>", first);
        Assert.Contains("href=\"/Workflow/Awaiting?p=2\"", first);

        var second = await head.GetStringAsync("/Workflow/Awaiting?p=2");
        Assert.Equal(3, Regex.Matches(second, "data-case=\"").Count);
        var firstIds = Regex.Matches(first, "data-case=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.DoesNotContain(Regex.Matches(second, "data-case=\"([^\"]+)\"").Select(m => m.Groups[1].Value), firstIds.Contains);
    }

    [Fact]
    public async Task The_home_page_count_holds_exactly_the_cases_of_the_awaiting_list_for_every_user()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var second = await kit.AddHolderAsync("CQU", "cqu.officer-exit-2", "officer-exit");
        // Cases at the unit head's step (unit-scoped), at the exit officer's, one delegated to a second
        // officer, one of the applicant's own and one in another unit.
        await kit.FileTripAsync();
        await kit.FileTripAsync();
        await kit.ApproveAsync(await kit.FileTripAsync(), "cqu.unit-head");
        var atExit = await kit.ApproveAsync(await kit.FileTripAsync(), "cqu.unit-head");
        Assert.True((await kit.ActAsync("cqu.officer-exit", atExit, WorkflowAction.Delegate, "Yours.", second)).Succeeded);
        await kit.FileTripAsync(applicant: "cqu.unit-head");
        await kit.FileTripAsync(unit: "CQU-CS");

        var cqu = await app.WithDbAsync(db => db.Set<Tenant>().Where(t => t.Code == "CQU").Select(t => t.Id).SingleAsync());
        var users = await app.WithDbAsync(db => db.Users.Where(u => u.TenantId == cqu).Select(u => new { u.Id, u.UserName }).ToListAsync());
        var seen = 0;
        foreach (var user in users)
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(cqu, TenantKind.Institution);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var listed = await WorkflowQueries.Awaiting(db, user.Id, authority: false).Select(a => a.CaseId).ToListAsync();
            var counted = await WorkflowQueries.AwaitingToCount(db, user.Id, authority: false).ToListAsync();
            Assert.True(listed.Order().SequenceEqual(counted.Order()), $"{user.UserName}: listed {listed.Count}, counted {counted.Count}");
            Assert.Equal(listed.Count, await WorkflowQueries.AwaitingToCount(db, user.Id, authority: false).CountAsync());
            seen += listed.Count;
        }
        // Not a vacuous comparison: the head, the officer and the delegate each have cases waiting.
        Assert.True(seen >= 4, $"{seen} cases awaited in all");
    }
}
