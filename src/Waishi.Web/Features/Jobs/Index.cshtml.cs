using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Jobs;

namespace Waishi.Web.Features.Jobs;

/// <summary>/Admin/Jobs: the recurring jobs of the deployment with their last run.</summary>
public sealed class IndexModel(AppDbContext db, JobScheduler scheduler, IOptions<JobOptions> options, TimeProvider clock) : PageModel
{
    public enum Outcome { NeverRun, Running, Succeeded, Failed }

    public sealed record Row(string Name, JobSchedule Schedule, DateTime NextDueUtc, JobLease? Lease, Outcome Outcome, TimeSpan? Duration);

    public List<Row> Rows { get; } = [];

    public bool Enabled => options.Value.Enabled;

    public async Task OnGetAsync()
    {
        var leases = await db.Set<JobLease>().AsNoTracking().ToDictionaryAsync(j => j.Name, HttpContext.RequestAborted);
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = options.Value.Zone();
        foreach (var job in scheduler.Jobs.OrderBy(j => j.Name, StringComparer.Ordinal))
        {
            var lease = leases.GetValueOrDefault(job.Name);
            var latest = job.Schedule.LatestDue(now, zone);
            var next = lease?.LastDueUtc >= latest ? NextAfter(job.Schedule, latest, zone) : latest;
            var outcome = lease?.LastStartedUtc is null ? Outcome.NeverRun
                : lease.LeaseUntilUtc is not null ? Outcome.Running
                : lease.LastError is null ? Outcome.Succeeded : Outcome.Failed;
            var duration = outcome is Outcome.Succeeded or Outcome.Failed && lease!.LastFinishedUtc >= lease.LastStartedUtc
                ? lease.LastFinishedUtc - lease.LastStartedUtc
                : null;
            Rows.Add(new Row(job.Name, job.Schedule, next, lease, outcome, duration));
        }
    }

    /// <summary>The first due point after <paramref name="due"/>: schedules only answer "latest at
    /// or before", so step forward until the answer changes (a day at most, in hours).</summary>
    private static DateTime NextAfter(JobSchedule schedule, DateTime due, TimeZoneInfo zone)
    {
        if (schedule is JobSchedule.EveryInterval every)
        {
            return due + every.Interval;
        }
        for (var probe = due.AddHours(1); probe <= due.AddDays(2); probe = probe.AddHours(1))
        {
            var latest = schedule.LatestDue(probe, zone);
            if (latest > due)
            {
                return latest;
            }
        }
        return due.AddDays(1);
    }
}
