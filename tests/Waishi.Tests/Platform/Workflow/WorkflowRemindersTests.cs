using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Jobs;
using Waishi.Web.Platform.Notifications;
using Waishi.Web.Platform.Tenancy;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Tests.Platform.Workflow;

/// <summary>The deadline job reminds the holders of an overdue step through the outbox, once per
/// step per day, and never for a step that is not overdue or already decided.</summary>
public sealed class WorkflowRemindersTests
{
    private static async Task RunAsync(AppFactory app, DateTime dueUtc)
    {
        var job = app.Services.GetRequiredService<JobScheduler>().Jobs.Single(j => j.Name == "workflow-reminders");
        await using var scope = app.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
        await job.RunAsync(new JobRun(job.Name, dueUtc, scope.ServiceProvider), CancellationToken.None);
    }

    private static Task<List<OutboxMessage>> RemindersAsync(AppFactory app, Guid caseId) =>
        app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.DeduplicationKey!.StartsWith($"wf-remind:{caseId:N}")).ToListAsync());

    [Fact]
    public async Task An_overdue_step_reminds_its_holders_once_a_day_until_it_is_decided()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var overdue = await kit.FileTripAsync();
        var onTime = await kit.FileTripAsync();
        var due = (await kit.CaseAsync(overdue.CaseId)).StepDueUtc!.Value;
        await app.WithDbAsync(async db =>
        {
            await db.Set<WorkflowCase>().Where(c => c.Id == onTime.CaseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.StepDueUtc, due.AddDays(10)));
        });

        // Two runs an hour apart on one local day of the jobs' time zone (a run is reminded once per
        // local day, so runs either side of local midnight would each remind).
        var zone = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<JobOptions>>().Value.Zone();
        var later = due.AddHours(2);
        if (TimeZoneInfo.ConvertTimeFromUtc(later, zone).Hour >= 22)
        {
            later = later.AddHours(3);
        }
        await RunAsync(app, later);
        await RunAsync(app, later.AddHours(1));
        var head = await kit.UserIdAsync("cqu.unit-head");
        var first = Assert.Single(await RemindersAsync(app, overdue.CaseId));
        Assert.Equal(head, first.RecipientUserId);
        Assert.Equal($"/Workflow/Case/{overdue.CaseId}", first.Link);
        Assert.Empty(await RemindersAsync(app, onTime.CaseId));

        await RunAsync(app, later.AddDays(1));
        Assert.Equal(2, (await RemindersAsync(app, overdue.CaseId)).Count);

        // Once decided, the unit head's step reminds no more; the next step has its own deadline.
        await kit.ApproveAsync(overdue, "cqu.unit-head");
        await RunAsync(app, later.AddDays(10));
        var all = await RemindersAsync(app, overdue.CaseId);
        Assert.Equal(2, all.Count(m => m.RecipientUserId == head));
        Assert.Equal(await kit.UserIdAsync("cqu.officer-exit"), Assert.Single(all, m => m.RecipientUserId != head).RecipientUserId);
    }

    [Fact]
    public async Task The_reminder_job_is_scheduled()
    {
        await using var app = await AppFactory.CreateAsync();
        var job = Assert.Single(app.Services.GetRequiredService<JobScheduler>().Jobs, j => j.Name == "workflow-reminders");
        Assert.Equal(JobSchedule.Every(TimeSpan.FromHours(1)), job.Schedule);
    }
}
