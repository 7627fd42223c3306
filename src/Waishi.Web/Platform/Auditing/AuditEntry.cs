using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Auditing;

public enum AuditAction
{
    Create,
    Update,
    Delete,
}

/// <summary>
/// One change to one row, written in the same transaction as the change. Entries form a single
/// chain: <see cref="Hash"/> covers this entry's content and <see cref="PreviousHash"/>, so removing,
/// reordering or editing an entry breaks every hash after it. Rows are never updated or deleted.
/// </summary>
[NotAudited]
public sealed class AuditEntry
{
    /// <summary>Position in the chain, 1, 2, 3… with no gaps.</summary>
    public long Sequence { get; set; }
    public Guid? TenantId { get; set; }
    public Guid? UserId { get; set; }
    public string? UserName { get; set; }
    public DateTime AtUtc { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public AuditAction Action { get; set; }
    /// <summary>JSON object of the row's values before the change (null on create).</summary>
    public string? Before { get; set; }
    /// <summary>JSON object of the row's values after the change (null on delete).</summary>
    public string? After { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
