using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Notifications;

namespace Waishi.Web.Features.Agreements;

/// <summary>What one daily pass changed, for logs and tests.</summary>
public sealed record LifecycleResult(int Expiring, int Expired, int Renewed, int Reminders, int DormantSet, int DormantCleared);

/// <summary>
/// The time-driven side of agreements, for every tenant with its own policy: an agreement in force
/// turns "expiring" within the policy's days of its expiry and "expired" the day after it, unless it
/// renews itself; the responsible officer is reminded at each reminder point before expiry; and an
/// agreement with no recent mobility is flagged dormant. Each reminder goes out once: its outbox
/// de-duplication key names the agreement, the expiry date and the point. A pass repeated on the
/// same day changes nothing.
/// </summary>
public sealed class AgreementLifecycle(AppDbContext db, Notifier notifier, IStringLocalizer<SharedResource> t, ILogger<AgreementLifecycle> log)
{
    public const int DefaultRenewalMonths = 12;

    public async Task<LifecycleResult> RunAsync(DateOnly today, CancellationToken ct = default)
    {
        var tenants = await db.Set<Agreement>().IgnoreQueryFilters()
            .Where(a => a.State == AgreementState.Active || a.State == AgreementState.Expiring)
            .Select(a => a.TenantId).Distinct().ToListAsync(ct);
        var policies = await db.Set<AgreementPolicy>().IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(p => p.TenantId, ct);
        var total = new LifecycleResult(0, 0, 0, 0, 0, 0);
        foreach (var tenantId in tenants)
        {
            var policy = policies.GetValueOrDefault(tenantId) ?? new AgreementPolicy();
            var agreements = await db.Set<Agreement>().IgnoreQueryFilters()
                .Where(a => a.TenantId == tenantId && (a.State == AgreementState.Active || a.State == AgreementState.Expiring))
                .OrderBy(a => a.ExpiresOn).ThenBy(a => a.Id)
                .ToListAsync(ct);
            var result = await RunTenantAsync(tenantId, agreements, policy, today, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone edited one of these agreements meanwhile: this tenant waits for the next
                // run (nothing of it was saved, so no reminder is lost), the others go on.
                db.ChangeTracker.Clear();
                log.LogWarning("Agreements of tenant {Tenant} were changed during the lifecycle run; they are checked again on the next run.", tenantId);
                continue;
            }
            db.ChangeTracker.Clear();
            total = new LifecycleResult(total.Expiring + result.Expiring, total.Expired + result.Expired, total.Renewed + result.Renewed,
                total.Reminders + result.Reminders, total.DormantSet + result.DormantSet, total.DormantCleared + result.DormantCleared);
        }
        return total;
    }

    private async Task<LifecycleResult> RunTenantAsync(Guid tenantId, List<Agreement> agreements, AgreementPolicy policy, DateOnly today,
        CancellationToken ct)
    {
        int expiring = 0, expired = 0, renewed = 0, dormantSet = 0, dormantCleared = 0;
        var messages = new List<(Guid User, string Subject, string Body, string Key, Guid AgreementId)>();
        var recipients = await RecipientsAsync(tenantId, agreements, ct);
        var active = await RecentlyActiveAsync(tenantId, agreements, policy, today, ct);

        foreach (var a in agreements)
        {
            var users = recipients(a);
            if (a.ExpiresOn is { } end && end < today)
            {
                if (a.AutoRenew)
                {
                    var months = a.RenewalMonths is int m && m > 0 ? m : DefaultRenewalMonths;
                    var next = end;
                    while (next < today)
                    {
                        next = next.AddMonths(months);
                    }
                    a.ExpiresOn = next;
                    a.State = AgreementState.Active;
                    renewed++;
                    var (subject, body) = Text("Agreement renewed automatically: {0}", "{0} renewed itself; it is now in force until {1}.", a, next);
                    messages.AddRange(users.Select(u => (u, subject, body, $"agr-renewed:{a.Id:N}:{next:yyyyMMdd}:{u:N}", a.Id)));
                }
                else
                {
                    a.State = AgreementState.Expired;
                    expired++;
                    var (subject, body) = Text("Agreement expired: {0}", "{0} expired on {1}. Renew it or record that it ended.", a, end);
                    messages.AddRange(users.Select(u => (u, subject, body, $"agr-expired:{a.Id:N}:{end:yyyyMMdd}:{u:N}", a.Id)));
                    continue;
                }
            }

            if (a.ExpiresOn is { } expiry)
            {
                var daysLeft = expiry.DayNumber - today.DayNumber;
                var state = daysLeft <= policy.ExpiringDays ? AgreementState.Expiring : AgreementState.Active;
                if (state != a.State)
                {
                    expiring += state == AgreementState.Expiring ? 1 : 0;
                    a.State = state;
                }
                // The nearest point reached: one that a paused job missed is not sent late as well.
                var reached = policy.ReminderDayList.Where(p => daysLeft <= p).ToList();
                if (reached.Count > 0)
                {
                    var point = reached.Min();
                    var (subject, body) = Text("Agreement expires in {2} days: {0}", "{0} expires on {1}, in {2} days. Prepare its renewal or its end.",
                        a, expiry, daysLeft);
                    messages.AddRange(users.Select(u => (u, subject, body, $"agr-expiry:{a.Id:N}:{expiry:yyyyMMdd}:{point}:{u:N}", a.Id)));
                }
            }
            else if (a.State == AgreementState.Expiring)
            {
                a.State = AgreementState.Active;
            }

            var dormant = IsDormant(a, policy, today) && !active.Contains(a.Id);
            if (dormant != a.Dormant)
            {
                a.Dormant = dormant;
                dormantSet += dormant ? 1 : 0;
                dormantCleared += dormant ? 0 : 1;
            }
        }

        var keys = messages.Select(m => m.Key).ToList();
        var sent = (await db.Set<OutboxMessage>().IgnoreQueryFilters()
            .Where(m => m.DeduplicationKey != null && keys.Contains(m.DeduplicationKey))
            .Select(m => m.DeduplicationKey!).ToListAsync(ct)).ToHashSet();
        var reminders = 0;
        foreach (var m in messages.Where(m => sent.Add(m.Key)))
        {
            notifier.Enqueue(tenantId, m.User, m.Subject, m.Body, $"/Agreements/Details/{m.AgreementId}", m.Key);
            reminders++;
        }
        return new LifecycleResult(expiring, expired, renewed, reminders, dormantSet, dormantCleared);
    }

    /// <summary>Old enough to be dormant: in force since more than the policy's years ago.</summary>
    public static bool IsDormant(Agreement a, AgreementPolicy policy, DateOnly today) =>
        (a.EffectiveOn ?? a.SignedOn) is { } since && since < DormantCutoff(policy, today);

    public static DateOnly DormantCutoff(AgreementPolicy policy, DateOnly today) => today.AddYears(-Math.Max(1, policy.DormantYears));

    /// <summary>The agreements of the list with a mobility that started (or, without a start date,
    /// was recorded) within the policy's dormant years.</summary>
    private async Task<HashSet<Guid>> RecentlyActiveAsync(Guid tenantId, List<Agreement> agreements, AgreementPolicy policy, DateOnly today,
        CancellationToken ct)
    {
        var cutoff = DormantCutoff(policy, today);
        var cutoffUtc = cutoff.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var ids = agreements.Where(a => IsDormant(a, policy, today)).Select(a => a.Id).ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        return (await db.Set<AgreementMobility>().IgnoreQueryFilters()
            .Where(m => m.TenantId == tenantId && ids.Contains(m.AgreementId)
                && (m.StartOn >= cutoff || (m.StartOn == null && m.RecordedUtc >= cutoffUtc)))
            .Select(m => m.AgreementId).Distinct().ToListAsync(ct)).ToHashSet();
    }

    /// <summary>Who hears about an agreement: its responsible officer, or without one (or a disabled
    /// one) the tenant's global relations officers.</summary>
    private async Task<Func<Agreement, IReadOnlyList<Guid>>> RecipientsAsync(Guid tenantId, List<Agreement> agreements, CancellationToken ct)
    {
        var officerIds = agreements.Where(a => a.OfficerUserId != null).Select(a => a.OfficerUserId!.Value).Distinct().ToList();
        var enabled = (await db.Users.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.TenantId == tenantId && officerIds.Contains(u.Id) && !u.IsDisabled)
            .Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        var global = await db.Set<RoleAssignment>().IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.Role == Roles.OfficerGlobal)
            .Join(db.Users.IgnoreQueryFilters(), r => r.UserId, u => u.Id, (r, u) => u)
            .Where(u => !u.IsDisabled)
            .Select(u => u.Id).Distinct().ToListAsync(ct);
        return a => a.OfficerUserId is { } id && enabled.Contains(id) ? [id] : global;
    }

    /// <summary>A notice in both languages (Chinese first), as every e-mail of the system.</summary>
    private (string Subject, string Body) Text(string subject, string body, Agreement a, DateOnly date, int? days = null)
    {
        var label = string.IsNullOrEmpty(a.Number) ? a.Title : $"{a.Number} {a.Title}";
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        object[] args = days is null ? [label, day] : [label, day, days.Value];
        var english = string.Format(CultureInfo.InvariantCulture, subject, args);
        var englishBody = string.Format(CultureInfo.InvariantCulture, body, args);
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            return ($"{t[subject, args]} · {english}", $"{t[body, args]}\n\n{englishBody}");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
