using Microsoft.EntityFrameworkCore;

namespace Waishi.Web.Platform.Data;

/// <summary>Checks tenant boundaries and stamps versions on every save.</summary>
internal static class WriteRules
{
    public static void Apply(AppDbContext db)
    {
        var tenant = db.Tenant;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Entity is ITenantOwned owned)
            {
                switch (entry.State)
                {
                    case EntityState.Added:
                        if (owned.TenantId == Guid.Empty && tenant.TenantId is { } current)
                        {
                            owned.TenantId = current;
                        }
                        if (owned.TenantId == Guid.Empty)
                        {
                            throw new TenantViolationException($"{entry.Metadata.ClrType.Name} has no tenant.");
                        }
                        if (!tenant.IsSystem && owned.TenantId != tenant.TenantId)
                        {
                            throw new TenantViolationException($"Refused to insert {entry.Metadata.ClrType.Name} into another tenant.");
                        }
                        break;
                    case EntityState.Modified:
                    case EntityState.Deleted:
                        var original = (Guid)entry.Property(nameof(ITenantOwned.TenantId)).OriginalValue!;
                        if (original != owned.TenantId && !tenant.IsSystem)
                        {
                            throw new TenantViolationException($"Refused to move {entry.Metadata.ClrType.Name} to another tenant.");
                        }
                        if (!tenant.IsSystem && original != tenant.TenantId)
                        {
                            throw new TenantViolationException($"Refused to change {entry.Metadata.ClrType.Name} of another tenant.");
                        }
                        break;
                }
            }

            if (entry.Entity is IVersioned versioned)
            {
                if (entry.State == EntityState.Added)
                {
                    versioned.Version = 1;
                }
                else if (entry.State == EntityState.Modified)
                {
                    var property = entry.Property(nameof(IVersioned.Version));
                    versioned.Version = (long)property.OriginalValue! + 1;
                }
            }
        }
    }
}
