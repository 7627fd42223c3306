using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Jobs;
using Waishi.Web.Platform.Notifications;

namespace Waishi.Web.Platform.Workflow;

/// <summary>Hourly: reminds whoever may decide a step that is past its deadline, once per step and
/// holder per local day (the outbox's de-duplication key carries the day), until it is decided.</summary>
public sealed class WorkflowReminders(IOptions<JobOptions> options) : IRecurringJob
{
    public string Name => "workflow-reminders";

    public JobSchedule Schedule => JobSchedule.Every(TimeSpan.FromHours(1));

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var db = run.Services.GetRequiredService<AppDbContext>();
        var notifier = run.Services.GetRequiredService<Notifier>();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(run.DueUtc, options.Value.Zone()));
        var overdue = await db.Set<WorkflowCase>().IgnoreQueryFilters()
            .Where(c => c.State == CaseState.InProgress && c.StepDueUtc != null && c.StepDueUtc < run.DueUtc)
            .OrderBy(c => c.StepDueUtc).Take(500).ToListAsync(ct);
        foreach (var c in overdue)
        {
            var step = (await WorkflowChains.StepsAsync(db, c.ChainVersionId, ct)).FirstOrDefault(s => s.Position == c.Step);
            if (step is null)
            {
                continue;
            }
            var prefix = $"wf-remind:{c.Id:N}:{c.Round}:{c.Step}:{day:yyyyMMdd}:";
            var sent = await db.Set<OutboxMessage>().IgnoreQueryFilters()
                .Where(m => m.DeduplicationKey != null && m.DeduplicationKey.StartsWith(prefix))
                .Select(m => m.DeduplicationKey!).ToListAsync(ct);
            var holders = await WorkflowHolders.OfAsync(db, step, c, c.DelegateUserId, ct);
            foreach (var holder in holders.Where(h => h.UserId != c.ApplicantUserId))
            {
                var key = prefix + holder.UserId.ToString("N");
                if (!sent.Contains(key))
                {
                    notifier.Enqueue(holder.TenantId, holder.UserId, $"审批逾期提醒 · Overdue decision: {c.Title}",
                        "A case waits for your decision past its deadline.", $"/Workflow/Case/{c.Id}", key);
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
