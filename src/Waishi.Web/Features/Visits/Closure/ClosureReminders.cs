using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Jobs;
using Waishi.Web.Platform.Notifications;

namespace Waishi.Web.Features.Visits.Closure;

/// <summary>
/// Daily: reminds the host of every approved visit whose closure (销签) is due and not recorded: the
/// user who filed it and the host contact, on the due date and every week after. Each point is sent
/// once per user: the outbox's de-duplication key carries the visit, the point and the user, so a
/// second run on the same day, a catch-up run or another instance sends nothing more.
/// </summary>
public sealed class ClosureReminders(IOptions<JobOptions> options) : IRecurringJob
{
    public string Name => "visit-closure";

    public JobSchedule Schedule => JobSchedule.DailyAt(new TimeOnly(8, 10));

    public static string KeyPrefix(Guid visitId, DateOnly point) => $"visit-closure:{visitId:N}:{point:yyyyMMdd}:";

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var db = run.Services.GetRequiredService<AppDbContext>();
        var notifier = run.Services.GetRequiredService<Notifier>();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(run.DueUtc, options.Value.Zone()));
        var departedBy = today.AddDays(-Visit.ClosureDays);
        var visits = await db.Set<Visit>().IgnoreQueryFilters().AsNoTracking()
            .Where(v => v.State == VisitState.Approved && v.DepartureDate != null && v.DepartureDate <= departedBy)
            .ToListAsync(ct);
        foreach (var visit in visits)
        {
            var due = visit.ClosureDueOn!.Value;
            if (ClosureDue.LatestReminder(due, today) is not { } point)
            {
                continue;
            }
            var prefix = KeyPrefix(visit.Id, point);
            var sent = await db.Set<OutboxMessage>().IgnoreQueryFilters()
                .Where(m => m.DeduplicationKey != null && m.DeduplicationKey.StartsWith(prefix))
                .Select(m => m.DeduplicationKey!).ToListAsync(ct);
            var hosts = await db.Set<AppUser>().IgnoreQueryFilters().AsNoTracking()
                .Where(u => u.TenantId == visit.TenantId && !u.IsDisabled
                    && (u.Id == visit.FiledByUserId || (visit.HostContactId != null && u.StaffMemberId == visit.HostContactId)))
                .Select(u => u.Id).ToListAsync(ct);
            var overdue = ClosureDue.DaysOverdue(due, today);
            var subject = overdue > 0
                ? $"来访销签逾期 {overdue} 天 · Visit closure {overdue} days overdue: {visit.Title}"
                : $"来访销签今日到期 · Visit closure due today: {visit.Title}";
            foreach (var user in hosts)
            {
                var key = prefix + user.ToString("N");
                if (!sent.Contains(key))
                {
                    notifier.Enqueue(visit.TenantId, user, subject,
                        "Record the actual visit: who came, the actual dates and what happened.",
                        $"/Visits/Closure/{visit.Id}", key);
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
