using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Jobs;
using Waishi.Web.Platform.Notifications;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.Conferences;

/// <summary>
/// Daily: reminds the filer and the responsible officer of every approved conference whose summary
/// is due (the due date, then every 7 days until it is recorded). Each point is sent once per
/// person: the outbox's de-duplication key carries the conference, the point and the user.
/// </summary>
public sealed class ConferenceSummaryReminders(IOptions<JobOptions> options) : IRecurringJob
{
    public string Name => "conference-summary-reminders";

    public JobSchedule Schedule => JobSchedule.DailyAt(new TimeOnly(8, 10));

    public static string KeyPrefix(Guid conferenceId, DateOnly point) => $"conference-summary:{conferenceId:N}:{point:yyyyMMdd}:";

    public Task RunAsync(JobRun run, CancellationToken ct) =>
        SendAsync(run.Services.GetRequiredService<AppDbContext>(), run.Services.GetRequiredService<Notifier>(),
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(run.DueUtc, options.Value.Zone())), ct);

    /// <summary>Sends what is due on <paramref name="today"/> across tenants; returns how many messages.</summary>
    public static async Task<int> SendAsync(AppDbContext db, Notifier notifier, DateOnly today, CancellationToken ct)
    {
        var policies = await db.Set<ConferencePolicy>().IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(p => p.TenantId, ct);
        var defaults = new ConferencePolicy();
        var conferences = await db.Set<Conference>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.State == ConferenceState.Approved && c.SummarySubmittedUtc == null && c.EndDate < today)
            .ToListAsync(ct);
        var count = 0;
        foreach (var c in conferences)
        {
            var due = c.SummaryDue(policies.GetValueOrDefault(c.TenantId) ?? defaults);
            if (ConferenceSummaries.LatestReminder(due, today) is not { } point)
            {
                continue;
            }
            var prefix = KeyPrefix(c.Id, point);
            var sent = await db.Set<OutboxMessage>().IgnoreQueryFilters()
                .Where(m => m.DeduplicationKey != null && m.DeduplicationKey.StartsWith(prefix))
                .Select(m => m.DeduplicationKey!).ToListAsync(ct);
            var people = new[] { c.FiledByUserId, c.OfficerUserId }.OfType<Guid>().Distinct().ToList();
            var users = await db.Set<AppUser>().IgnoreQueryFilters().AsNoTracking()
                .Where(u => u.TenantId == c.TenantId && !u.IsDisabled && people.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
            var overdue = ConferenceSummaries.DaysOverdue(due, today);
            var subject = overdue > 0
                ? $"会议总结逾期 {overdue} 天 · Conference summary {overdue} days overdue: {c.Number} {c.TitleEn}"
                : $"会议总结今日到期 · Conference summary due today: {c.Number} {c.TitleEn}";
            foreach (var user in users)
            {
                var key = prefix + user.ToString("N");
                if (!sent.Contains(key))
                {
                    notifier.Enqueue(c.TenantId, user, subject,
                        "Record the conference's summary: how many took part, from which countries, and its outcomes.",
                        $"/Conferences/Summary/{c.Id}", key);
                    count++;
                }
            }
        }
        await db.SaveChangesAsync(ct);
        return count;
    }
}

/// <summary>
/// Daily: in the policy's reminder month (October), the heads and secretaries of every unit that has
/// not handed in its conference plan for next year are reminded, once per unit, year and person.
/// </summary>
public sealed class ConferencePlanReminders(IOptions<JobOptions> options) : IRecurringJob
{
    public string Name => "conference-plan-reminders";

    public JobSchedule Schedule => JobSchedule.DailyAt(new TimeOnly(8, 20));

    public static string Key(Guid unitId, int year, Guid userId) => $"conference-plan:{unitId:N}:{year}:{userId:N}";

    public Task RunAsync(JobRun run, CancellationToken ct) =>
        SendAsync(run.Services.GetRequiredService<AppDbContext>(), run.Services.GetRequiredService<Notifier>(),
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(run.DueUtc, options.Value.Zone())), ct);

    public static async Task<int> SendAsync(AppDbContext db, Notifier notifier, DateOnly today, CancellationToken ct)
    {
        var policies = await db.Set<ConferencePolicy>().IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(p => p.TenantId, ct);
        var defaults = new ConferencePolicy();
        var tenants = await db.Set<Tenant>().AsNoTracking().Where(t => t.Kind == TenantKind.Institution && t.IsActive)
            .Select(t => t.Id).ToListAsync(ct);
        var year = today.Year + 1;
        var count = 0;
        foreach (var tenantId in tenants)
        {
            var policy = policies.GetValueOrDefault(tenantId) ?? defaults;
            if (today.Month != policy.PlanReminderMonth)
            {
                continue;
            }
            var due = ConferencePlan.DueDate(year, policy);
            var holders = await db.Set<RoleAssignment>().IgnoreQueryFilters().AsNoTracking()
                .Where(r => r.TenantId == tenantId && r.OrgUnitId != null && (r.Role == Roles.UnitHead || r.Role == Roles.UnitSecretary)
                    && !db.Set<ConferencePlan>().IgnoreQueryFilters().Any(p => p.TenantId == tenantId && p.UnitId == r.OrgUnitId && p.Year == year && p.Submitted)
                    && db.Users.IgnoreQueryFilters().Any(u => u.Id == r.UserId && !u.IsDisabled))
                .Select(r => new { r.UserId, Unit = r.OrgUnitId!.Value }).Distinct().ToListAsync(ct);
            var keys = holders.Select(h => Key(h.Unit, year, h.UserId)).ToList();
            var sent = (await db.Set<OutboxMessage>().IgnoreQueryFilters()
                .Where(m => m.DeduplicationKey != null && keys.Contains(m.DeduplicationKey)).Select(m => m.DeduplicationKey!).ToListAsync(ct)).ToHashSet();
            foreach (var h in holders)
            {
                var key = Key(h.Unit, year, h.UserId);
                if (sent.Add(key))
                {
                    notifier.Enqueue(tenantId, h.UserId, $"{year} 年度国际会议计划 {due:yyyy-MM-dd} 前提交 · Conference plan for {year} due {due:yyyy-MM-dd}",
                        "Your unit has not handed in its plan of international conferences for next year.",
                        $"/Conferences/Plans/Edit?unit={h.Unit}&year={year}", key);
                    count++;
                }
            }
        }
        await db.SaveChangesAsync(ct);
        return count;
    }
}
