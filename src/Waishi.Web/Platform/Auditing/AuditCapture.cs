using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Auditing;

/// <summary>One row change, captured before it is saved.</summary>
internal sealed record CapturedChange(string EntityType, string EntityId, Guid? TenantId, AuditAction Action, string? Before, string? After);

internal static class AuditCapture
{
    public static List<CapturedChange> Capture(ChangeTracker tracker)
    {
        var changes = new List<CapturedChange>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || !IsAudited(entry.Metadata.ClrType))
            {
                continue;
            }
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Create,
                EntityState.Deleted => AuditAction.Delete,
                _ => AuditAction.Update,
            };
            var before = action == AuditAction.Create ? null : AuditSnapshot.Write(entry.Properties, p => p.OriginalValue);
            var after = action == AuditAction.Delete ? null : AuditSnapshot.Write(entry.Properties, p => p.CurrentValue);
            if (action == AuditAction.Update && before == after)
            {
                continue;
            }
            changes.Add(new CapturedChange(
                AuditSnapshot.TypeName(entry.Metadata.ClrType),
                AuditSnapshot.KeyOf(entry),
                entry.Entity is ITenantOwned owned ? owned.TenantId : null,
                action, before, after));
        }
        return changes;
    }

    public static bool IsAudited(Type type) => type.GetCustomAttribute<NotAuditedAttribute>() is null
        && !type.Namespace!.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal);
}
