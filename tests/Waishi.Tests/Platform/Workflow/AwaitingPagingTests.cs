using System.Text.RegularExpressions;
using Waishi.Tests.Support;

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
}
