using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Notifications;

/// <summary>
/// A notification written in the same transaction as the change that caused it. The dispatcher
/// delivers it to the recipient's in-app inbox and, when SMTP is configured and the recipient has
/// an address, by e-mail; <see cref="Entity.Id"/> is the message id used to de-duplicate both.
/// </summary>
[NotAudited]
public sealed class OutboxMessage : Entity
{
    public Guid? TenantId { get; set; }
    public Guid? RecipientUserId { get; set; }
    public string? RecipientEmail { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    /// <summary>Relative link to the thing the message is about.</summary>
    public string? Link { get; set; }
    /// <summary>Optional key that makes the message unique (for example "trip-report-due:{id}:{due}"),
    /// so that a reminder job that runs twice enqueues once.</summary>
    public string? DeduplicationKey { get; set; }
    public DateTime CreatedUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptUtc { get; set; }
    public DateTime? InboxDeliveredUtc { get; set; }
    public DateTime? EmailSentUtc { get; set; }
    /// <summary>True when no e-mail is to be sent (no address or SMTP off).</summary>
    public bool EmailSkipped { get; set; }
    public DateTime? CompletedUtc { get; set; }
    /// <summary>Set when the message failed its last allowed attempt; the dispatcher leaves it alone.</summary>
    public DateTime? DeadUtc { get; set; }
    public string? LastError { get; set; }
    public string? LockedBy { get; set; }
    public DateTime? LockedUntilUtc { get; set; }
}
