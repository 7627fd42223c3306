using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Notifications;

/// <summary>A message in a user's in-app inbox. Unique per outbox message id, so a redelivery
/// never shows a message twice.</summary>
[NotAudited]
public sealed class InboxItem : TenantEntity
{
    public Guid UserId { get; set; }
    public Guid MessageId { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public string? Link { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ReadUtc { get; set; }
}
