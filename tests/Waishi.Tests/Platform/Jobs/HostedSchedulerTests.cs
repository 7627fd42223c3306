using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Platform.Notifications;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Jobs;

namespace Waishi.Tests.Platform.Jobs;

public sealed class HostedSchedulerTests
{
    [Fact]
    public async Task The_running_scheduler_takes_the_due_point_and_another_instance_leaves_it()
    {
        var database = await AppFactory.NewDemoDatabaseAsync();
        try
        {
            await using var running = AppFactory.OnDatabase(database, new Dictionary<string, string?>
            {
                ["Jobs:Enabled"] = "true",
                ["Jobs:TickInterval"] = "00:00:00.100",
            });
            // The hosted scheduler walks its jobs one after another: wait until it has finished
            // the first due point of every one of them, so the second instance finds none left.
            var jobCount = running.Services.GetRequiredService<JobScheduler>().Jobs.Count;
            JobLease? lease = null;
            await Eventually.TrueAsync(async () =>
            {
                var finished = await running.WithDbAsync(db => db.Set<JobLease>().AsNoTracking()
                    .Where(j => j.LastFinishedUtc != null).ToListAsync());
                lease = finished.SingleOrDefault(j => j.Name == "outbox-housekeeping");
                return lease is not null && finished.Count == jobCount;
            }, "every job run once by the hosted scheduler");
            Assert.Null(lease!.LastError);

            await using var other = AppFactory.OnDatabase(database);
            var scheduler = other.Services.GetRequiredService<JobScheduler>();
            Assert.Equal(0, await scheduler.RunDueAsync(lease.LastDueUtc!.Value.AddMinutes(1), CancellationToken.None));
            var after = await other.WithDbAsync(db => db.Set<JobLease>().AsNoTracking().SingleAsync(j => j.Name == "outbox-housekeeping"));
            Assert.Equal(lease.LastDueUtc, after.LastDueUtc);
            Assert.Equal(1, after.Runs);
        }
        finally
        {
            TestDatabase.Drop(database);
        }
    }
}
