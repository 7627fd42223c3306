namespace Waishi.Web.Platform.Data;

/// <summary>A row whose edits are guarded by an app-managed version (optimistic concurrency).</summary>
public interface IVersioned
{
    long Version { get; set; }
}

/// <summary>A row that belongs to exactly one tenant.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}

/// <summary>Marks an infrastructure type whose rows do not go into the audit log.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;

/// <summary>Marks a property whose value is never written to the audit log (secrets).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditRedactedAttribute : Attribute;

public abstract class Entity : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public long Version { get; set; }
}

public abstract class TenantEntity : Entity, ITenantOwned
{
    public Guid TenantId { get; set; }
}
