using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Jobs;
using Waishi.Web.Platform.Notifications;

namespace Waishi.Web.Features.TripReports;

/// <summary>
/// Daily: reminds the writers of every report not yet handed in at its reminder points (due − 3,
/// due, due + 7, then weekly; see <see cref="ReportDue"/>). Each point is sent once per writer: the
/// outbox's de-duplication key carries the trip, the point and the user, so a second run on the
/// same day, a catch-up run or another instance sends nothing more.
/// </summary>
public sealed class ReportReminders(IOptions<JobOptions> options) : IRecurringJob
{
    public string Name => "trip-report-reminders";

    public JobSchedule Schedule => JobSchedule.DailyAt(new TimeOnly(8, 0));

    public static string KeyPrefix(Guid tripId, DateOnly point) => $"trip-report:{tripId:N}:{point:yyyyMMdd}:";

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var db = run.Services.GetRequiredService<AppDbContext>();
        var notifier = run.Services.GetRequiredService<Notifier>();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(run.DueUtc, options.Value.Zone()));
        var policies = await db.Set<TripPolicy>().IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(p => p.TenantId, ct);
        var defaults = TripPolicy.Defaults();
        // The earliest reminder is three days before the due date, which is never before the return
        // date less three days: later returns have nothing to remind yet.
        var latestReturn = today.AddDays(ReportDue.FirstReminderDaysBefore);
        var trips = await db.Set<Trip>().IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.State == TripState.Approved && t.ReturnDate != null && t.ReturnDate <= latestReturn
                && !db.Set<TripReport>().IgnoreQueryFilters().Any(r => r.TripId == t.Id
                    && (r.State == ReportState.Submitted || r.State == ReportState.Approved)))
            .ToListAsync(ct);
        foreach (var trip in trips)
        {
            var policy = policies.GetValueOrDefault(trip.TenantId) ?? defaults;
            var due = trip.ReturnDate!.Value.AddDays(policy.ReportDueDays);
            if (ReportDue.LatestReminder(due, today) is not { } point)
            {
                continue;
            }
            var prefix = KeyPrefix(trip.Id, point);
            var sent = await db.Set<OutboxMessage>().IgnoreQueryFilters()
                .Where(m => m.DeduplicationKey != null && m.DeduplicationKey.StartsWith(prefix))
                .Select(m => m.DeduplicationKey!).ToListAsync(ct);
            var writers = await db.Set<AppUser>().IgnoreQueryFilters().AsNoTracking()
                .Where(u => u.TenantId == trip.TenantId && !u.IsDisabled && (u.Id == trip.FiledByUserId || u.StaffMemberId == trip.ApplicantId))
                .Select(u => u.Id).ToListAsync(ct);
            var overdue = ReportDue.DaysOverdue(due, today);
            var subject = overdue > 0
                ? $"出访报告逾期 {overdue} 天 · Trip report {overdue} days overdue: {trip.Title}"
                : $"出访报告 {due:yyyy-MM-dd} 到期 · Trip report due {due:yyyy-MM-dd}: {trip.Title}";
            foreach (var user in writers)
            {
                var key = prefix + user.ToString("N");
                if (!sent.Contains(key))
                {
                    notifier.Enqueue(trip.TenantId, user, subject,
                        "Write and submit the report of your trip: the actual itinerary, the results and the follow-up.",
                        $"/TripReports/Edit/{trip.Id}", key);
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
