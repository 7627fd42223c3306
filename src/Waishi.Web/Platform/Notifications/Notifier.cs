using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Notifications;

/// <summary>
/// Queues notifications in the outbox of the caller's unit of work: they are committed by the
/// caller's SaveChanges together with the change they announce, or not at all.
/// </summary>
public sealed class Notifier(AppDbContext db, TimeProvider clock)
{
    public OutboxMessage Enqueue(Guid tenantId, Guid recipientUserId, string subject, string body,
        string? link = null, string? deduplicationKey = null, string? email = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            TenantId = tenantId,
            RecipientUserId = recipientUserId,
            RecipientEmail = email,
            Subject = subject,
            Body = body,
            Link = link,
            DeduplicationKey = deduplicationKey,
            CreatedUtc = now,
            NextAttemptUtc = now,
        };
        db.Add(message);
        return message;
    }
}
