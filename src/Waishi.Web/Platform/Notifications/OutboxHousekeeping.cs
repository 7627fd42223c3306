using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Jobs;

namespace Waishi.Web.Platform.Notifications;

/// <summary>Daily: deletes outbox messages that were delivered (inbox written, e-mail sent or not
/// needed) more than <c>Notifications:KeepDeliveredDays</c> before the due point. Undelivered and
/// dead messages stay for inspection.</summary>
public sealed class OutboxHousekeeping(IOptions<NotificationOptions> options) : IRecurringJob
{
    public string Name => "outbox-housekeeping";

    public JobSchedule Schedule => JobSchedule.DailyAt(new TimeOnly(3, 30));

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var cutoff = run.DueUtc.AddDays(-Math.Max(1, options.Value.KeepDeliveredDays));
        var db = run.Services.GetRequiredService<AppDbContext>();
        await db.Set<OutboxMessage>()
            .Where(m => m.CompletedUtc != null && m.CompletedUtc < cutoff && m.InboxDeliveredUtc != null)
            .ExecuteDeleteAsync(ct);
    }
}
