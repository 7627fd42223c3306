using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Jobs;

namespace Waishi.Tests.Platform.Jobs;

public sealed class JobsPageTests
{
    [Fact]
    public async Task Tenant_admin_sees_the_jobs_and_their_last_run()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");

        var before = await client.GetStringAsync("/Admin/Jobs");
        Assert.Contains("data-job=\"outbox-housekeeping\" data-outcome=\"NeverRun\"", before);
        Assert.Contains("Daily at 03:30", before);
        Assert.Contains("data-testid=\"jobs-disabled\"", before);

        await app.Services.GetRequiredService<JobScheduler>().RunDueAsync(DateTime.UtcNow, CancellationToken.None);
        Assert.Contains("data-job=\"outbox-housekeeping\" data-outcome=\"Succeeded\"", await client.GetStringAsync("/Admin/Jobs"));

        var chinese = await (await app.SignInAsync("cqu.tenant-admin", culture: "zh-CN")).GetStringAsync("/Admin/Jobs");
        Assert.Contains("后台任务", chinese);
        Assert.Contains("每天 03:30", chinese);
    }

    [Fact]
    public async Task Jobs_page_is_for_administrators_only()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.applicant");
        var response = await client.GetAsync("/Admin/Jobs");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, (await app.NewClient().GetAsync("/Admin/Jobs")).StatusCode);
    }
}
