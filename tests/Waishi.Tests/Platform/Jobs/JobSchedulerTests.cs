using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Jobs;

namespace Waishi.Tests.Platform.Jobs;

public sealed class JobSchedulerTests
{
    /// <summary>Records every due point it runs for; takes a little time so that racing schedulers overlap.</summary>
    private sealed class CountingJob(string name, JobSchedule schedule, Func<DateTime, bool>? failFor = null) : IRecurringJob
    {
        public ConcurrentDictionary<DateTime, int> Runs { get; } = new();

        public string Name => name;

        public JobSchedule Schedule => schedule;

        public async Task RunAsync(JobRun run, CancellationToken ct)
        {
            Runs.AddOrUpdate(run.DueUtc, 1, (_, n) => n + 1);
            await Task.Delay(20, ct);
            if (failFor?.Invoke(run.DueUtc) == true)
            {
                throw new InvalidOperationException($"Planned failure at {run.DueUtc:o}");
            }
        }
    }

    private static JobScheduler Scheduler(AppFactory app, IRecurringJob job) =>
        ActivatorUtilities.CreateInstance<JobScheduler>(app.Services, new object[] { new[] { job } });

    private static Task<JobLease> LeaseAsync(AppFactory app, string name) =>
        app.WithDbAsync(db => db.Set<JobLease>().AsNoTracking().SingleAsync(j => j.Name == name));

    private static readonly DateTime Start = new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Two_schedulers_racing_over_several_due_points_run_each_once()
    {
        await using var app = await AppFactory.CreateAsync();
        var job = new CountingJob("race", JobSchedule.Every(TimeSpan.FromMinutes(1)));
        var first = Scheduler(app, job);
        var second = Scheduler(app, job);

        var dues = Enumerable.Range(0, 6).Select(k => Start.AddMinutes(k)).ToList();
        foreach (var due in dues)
        {
            var now = due.AddSeconds(20);
            // Three ticks of each scheduler at the same moment, all after the same due point.
            var ran = await Task.WhenAll(Enumerable.Range(0, 3)
                .SelectMany(_ => new[] { first.RunDueAsync(now, CancellationToken.None), second.RunDueAsync(now, CancellationToken.None) }));
            Assert.Equal(1, ran.Sum());
        }

        Assert.Equal(dues, job.Runs.Keys.Order());
        Assert.All(job.Runs.Values, count => Assert.Equal(1, count));
        var lease = await LeaseAsync(app, "race");
        Assert.Equal(6, lease.Runs);
        Assert.Equal(dues[^1], lease.LastDueUtc);
        Assert.Null(lease.LeaseUntilUtc);
        Assert.Null(lease.LastError);
        Assert.True(lease.LastFinishedUtc >= lease.LastStartedUtc);
    }

    [Fact]
    public async Task A_failed_run_is_recorded_and_the_job_runs_again_at_the_next_due_point()
    {
        await using var app = await AppFactory.CreateAsync();
        var job = new CountingJob("flaky", JobSchedule.Every(TimeSpan.FromMinutes(5)), due => due == Start);
        var scheduler = Scheduler(app, job);

        Assert.Equal(1, await scheduler.RunDueAsync(Start.AddMinutes(1), CancellationToken.None));
        var failed = await LeaseAsync(app, "flaky");
        Assert.Contains("Planned failure", failed.LastError);
        Assert.NotNull(failed.LastFinishedUtc);
        Assert.Null(failed.LeaseUntilUtc);

        // Not again for the same due point...
        Assert.Equal(0, await scheduler.RunDueAsync(Start.AddMinutes(4), CancellationToken.None));
        // ...but at the next one, and the error is cleared.
        Assert.Equal(1, await scheduler.RunDueAsync(Start.AddMinutes(6), CancellationToken.None));
        var lease = await LeaseAsync(app, "flaky");
        Assert.Null(lease.LastError);
        Assert.Equal(Start.AddMinutes(5), lease.LastDueUtc);
        Assert.Equal(2, lease.Runs);
        Assert.Equal([Start, Start.AddMinutes(5)], job.Runs.Keys.Order());
    }

    [Fact]
    public void Due_points_follow_the_interval_and_the_local_time_of_day()
    {
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var every = JobSchedule.Every(TimeSpan.FromMinutes(15));
        Assert.Equal(Start, every.LatestDue(Start.AddMinutes(14), shanghai));
        Assert.Equal(Start.AddMinutes(15), every.LatestDue(Start.AddMinutes(15), shanghai));

        var daily = JobSchedule.DailyAt(new TimeOnly(3, 30));
        // 03:30 in Shanghai is 19:30 UTC of the day before.
        var at0400Local = new DateTime(2026, 11, 23, 20, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 11, 23, 19, 30, 0, DateTimeKind.Utc), daily.LatestDue(at0400Local, shanghai));
        var at0300Local = new DateTime(2026, 11, 23, 19, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 11, 22, 19, 30, 0, DateTimeKind.Utc), daily.LatestDue(at0300Local, shanghai));
    }
}
