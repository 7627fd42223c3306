using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Jobs;
using Waishi.Web.Platform.Notifications;

namespace Waishi.Tests.Platform.Jobs;

public sealed class OutboxHousekeepingTests
{
    [Fact]
    public async Task Housekeeping_deletes_only_delivered_messages_older_than_the_limit()
    {
        await using var app = await AppFactory.CreateAsync(new Dictionary<string, string?> { ["Notifications:KeepDeliveredDays"] = "30" });
        var now = DateTime.UtcNow;
        OutboxMessage Message(string subject, int ageDays, bool completed, bool dead = false) => new()
        {
            Subject = subject,
            Body = subject,
            CreatedUtc = now.AddDays(-ageDays),
            NextAttemptUtc = now.AddDays(-ageDays),
            InboxDeliveredUtc = now.AddDays(-ageDays),
            CompletedUtc = completed ? now.AddDays(-ageDays) : null,
            DeadUtc = dead ? now.AddDays(-ageDays) : null,
        };
        await app.WithDbAsync(async db =>
        {
            db.AddRange(
                Message("old delivered", 40, completed: true),
                Message("recent delivered", 5, completed: true),
                Message("old pending", 40, completed: false),
                Message("old dead", 40, completed: false, dead: true));
            await db.SaveChangesAsync();
        });

        var scheduler = app.Services.GetRequiredService<JobScheduler>();
        Assert.Contains(scheduler.Jobs, j => j.Name == "outbox-housekeeping");
        // Other jobs may be due as well; this one must have run exactly once (its lease says so below).
        await scheduler.RunDueAsync(now, CancellationToken.None);

        var left = await app.WithDbAsync(db => db.Set<OutboxMessage>().Select(m => m.Subject).ToListAsync());
        Assert.DoesNotContain("old delivered", left);
        Assert.Contains("recent delivered", left);
        Assert.Contains("old pending", left);
        Assert.Contains("old dead", left);
        var lease = await app.WithDbAsync(db => db.Set<JobLease>().SingleAsync(j => j.Name == "outbox-housekeeping"));
        Assert.Null(lease.LastError);
        Assert.Equal(1, lease.Runs);
    }
}
