using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Jobs;
using Waishi.Web.Platform.Notifications;

namespace Waishi.Web.Features.TravelDocuments;

/// <summary>
/// Daily at 08:00: reminds holders to hand back checked-out documents three days before the due
/// date, on it, and seven and thirty days after it (the last two also to the exit officers); and
/// reminds holders and exit officers of a document that expires within 180 days. Each point is sent
/// once: its outbox de-duplication key names the document, the check-out or expiry date and the
/// point, so a run that is repeated or catches up after a pause adds nothing twice.
/// </summary>
public sealed class TravelDocumentReminders(IOptions<JobOptions> options) : IRecurringJob
{
    public const int ExpiryNoticeDays = 180;

    /// <summary>Days relative to the due date at which a reminder goes out.</summary>
    public static readonly int[] DuePoints = [-3, 0, 7, 30];

    public string Name => "travel-document-reminders";

    public JobSchedule Schedule => JobSchedule.DailyAt(new TimeOnly(8, 0));

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var db = run.Services.GetRequiredService<AppDbContext>();
        var notifier = run.Services.GetRequiredService<Notifier>();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(run.DueUtc, options.Value.Zone()));
        var firstDue = today.AddDays(-DuePoints[0]);
        var expiring = today.AddDays(ExpiryNoticeDays);
        var docs = await db.Set<TravelDocument>().IgnoreQueryFilters().AsNoTracking()
            .Where(d => (d.Status == TravelDocumentStatus.CheckedOut && d.ReturnDue <= firstDue)
                || ((d.Status == TravelDocumentStatus.InCustody || d.Status == TravelDocumentStatus.CheckedOut)
                    && d.ExpiryDate <= expiring && d.ExpiryDate >= today))
            .ToListAsync(ct);
        if (docs.Count == 0)
        {
            return;
        }
        var holderIds = docs.Select(d => d.HolderId).Distinct().ToList();
        var holders = await db.Set<StaffMember>().IgnoreQueryFilters().AsNoTracking()
            .Where(s => holderIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var accounts = (await db.Users.IgnoreQueryFilters().AsNoTracking()
                .Where(u => u.StaffMemberId != null && holderIds.Contains(u.StaffMemberId.Value) && !u.IsDisabled)
                .Select(u => new { u.Id, u.TenantId, StaffId = u.StaffMemberId!.Value }).ToListAsync(ct))
            .ToLookup(u => u.StaffId);
        var tenantIds = docs.Select(d => d.TenantId).Distinct().ToList();
        var officers = (await db.Set<RoleAssignment>().IgnoreQueryFilters().AsNoTracking()
                .Where(r => r.Role == Roles.OfficerExit && tenantIds.Contains(r.TenantId))
                .Join(db.Users.IgnoreQueryFilters(), r => r.UserId, u => u.Id, (r, u) => u)
                .Where(u => !u.IsDisabled)
                .Select(u => new { u.Id, u.TenantId }).Distinct().ToListAsync(ct))
            .ToLookup(u => u.TenantId, u => u.Id);

        var messages = new List<(Guid Tenant, Guid User, string Subject, string Body, string Key, TravelDocument Doc)>();
        foreach (var doc in docs)
        {
            var holder = holders.GetValueOrDefault(doc.HolderId);
            var name = holder is null ? "" : holder.NameEn is { Length: > 0 } en ? $"{holder.NameZh} {en}" : holder.NameZh;
            var label = $"{Chinese(doc.Type)} · {TravelDocumentLabels.Of(doc.Type)} {doc.Number}";
            var holderUsers = accounts[doc.HolderId].Select(a => a.Id).ToList();
            if (doc.Status == TravelDocumentStatus.CheckedOut && doc.ReturnDue is { } due && doc.CheckedOutUtc is { } outUtc)
            {
                // The latest point reached; earlier ones missed while the job was paused are not sent late.
                var point = DuePoints.Where(p => due.AddDays(p) <= today).DefaultIfEmpty(int.MinValue).Max();
                if (point != int.MinValue)
                {
                    var (subject, body) = DueText(point, label, name, due);
                    var recipients = point >= 7 ? holderUsers.Concat(officers[doc.TenantId]).Distinct() : holderUsers;
                    foreach (var user in recipients)
                    {
                        messages.Add((doc.TenantId, user, subject, body, $"tdoc-due:{doc.Id:N}:{outUtc:yyyyMMddHHmmss}:{point}:{user:N}", doc));
                    }
                }
            }
            if (doc.ExpiryDate >= today && doc.ExpiryDate <= expiring)
            {
                var subject = $"证件即将到期 · Document expiring: {label}";
                var body = $"{name}: {label} 将于 {TravelDocumentRules.Day(doc.ExpiryDate)} 到期，请及时办理换发。"
                    + $" {label} expires on {TravelDocumentRules.Day(doc.ExpiryDate)}; arrange its renewal.";
                foreach (var user in holderUsers.Concat(officers[doc.TenantId]).Distinct())
                {
                    messages.Add((doc.TenantId, user, subject, body, $"tdoc-expiry:{doc.Id:N}:{doc.ExpiryDate:yyyyMMdd}:{user:N}", doc));
                }
            }
        }
        var keys = messages.Select(m => m.Key).ToList();
        var sent = (await db.Set<OutboxMessage>().IgnoreQueryFilters()
            .Where(m => m.DeduplicationKey != null && keys.Contains(m.DeduplicationKey))
            .Select(m => m.DeduplicationKey!).ToListAsync(ct)).ToHashSet();
        foreach (var m in messages.Where(m => sent.Add(m.Key)))
        {
            notifier.Enqueue(m.Tenant, m.User, m.Subject, m.Body, $"/TravelDocuments/Details/{m.Doc.Id}", m.Key);
        }
        await db.SaveChangesAsync(ct);
    }

    private static (string Subject, string Body) DueText(int point, string label, string name, DateOnly due)
    {
        var day = TravelDocumentRules.Day(due);
        return point switch
        {
            < 0 => ($"证件归还提醒 · Document due back soon: {label}",
                $"{name}: {label} 应于 {day} 前交回外事办公室。 {label} is due back at the international office by {day}."),
            0 => ($"证件今日到期归还 · Document due back today: {label}",
                $"{name}: {label} 今日（{day}）应交回。 {label} is due back today ({day})."),
            _ => ($"证件逾期未还 · Document overdue: {label}",
                $"{name}: {label} 应于 {day} 交回，已逾期 {point} 天。逾期超过规定天数后，所在单位将不能申报新的出访。"
                + $" {label} was due back on {day} and is {point} days overdue; after the set number of days the holder's unit cannot file new trips."),
        };
    }

    private static string Chinese(TravelDocumentType type) => type switch
    {
        TravelDocumentType.OfficialPassport => "因公护照",
        TravelDocumentType.OrdinaryPassport => "因私护照",
        TravelDocumentType.HongKongMacaoPermit => "往来港澳通行证",
        TravelDocumentType.TaiwanPermit => "往来台湾通行证",
        _ => "",
    };
}
