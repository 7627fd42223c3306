using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waishi.Web.Platform.Data;

/// <summary>
/// Marks an entity whose saved changes replace its tenant's stamp of <see cref="Area"/>, so that
/// figures computed from that area can be kept between requests and thrown away when the rows change.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StampedAttribute(string area) : Attribute
{
    public string Area { get; } = area;
}

/// <summary>
/// A tenant's stamp of one area: a fresh random value written in the same transaction as every
/// change to the area's rows. Equal stamps mean the same rows (a restored backup brings back its own
/// stamp together with its rows), so a cache keyed on the stamp is right on every instance.
/// </summary>
[NotAudited]
public sealed class ChangeStamp
{
    public Guid TenantId { get; set; }
    public required string Area { get; set; }
    public Guid Stamp { get; set; }
}

internal sealed class ChangeStampConfiguration : IEntityTypeConfiguration<ChangeStamp>
{
    public void Configure(EntityTypeBuilder<ChangeStamp> b)
    {
        b.HasKey(s => new { s.TenantId, s.Area });
        b.Property(s => s.Area).HasMaxLength(40);
    }
}

public static class ChangeStamps
{
    /// <summary>Partners, their agreements and the agreements' parties: what the partner statistics count.</summary>
    public const string Partners = "partners";

    /// <summary>The (tenant, area) pairs that the pending changes of a context touch.</summary>
    internal static HashSet<(Guid TenantId, string Area)> Touched(ChangeTracker tracker)
    {
        var touched = new HashSet<(Guid, string)>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || entry.Entity is not ITenantOwned owned
                || AreaOf(entry.Metadata.ClrType) is not { } area)
            {
                continue;
            }
            touched.Add((owned.TenantId, area));
            if (entry.State == EntityState.Modified && entry.Property(nameof(ITenantOwned.TenantId)).OriginalValue is Guid before
                && before != owned.TenantId)
            {
                touched.Add((before, area));
            }
        }
        return touched;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, string?> Areas = new();

    private static string? AreaOf(Type type) =>
        Areas.GetOrAdd(type, t => t.GetCustomAttributes(typeof(StampedAttribute), false).Cast<StampedAttribute>().FirstOrDefault()?.Area);

    /// <summary>Writes a fresh stamp for each pair, inside the caller's transaction.</summary>
    internal static async Task TouchAsync(AppDbContext db, IEnumerable<(Guid TenantId, string Area)> touched, CancellationToken ct)
    {
        foreach (var (tenantId, area) in touched.OrderBy(t => t.TenantId).ThenBy(t => t.Area, StringComparer.Ordinal))
        {
            var stamp = Guid.NewGuid();
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "ChangeStamp" ("TenantId", "Area", "Stamp") VALUES ({tenantId}, {area}, {stamp}) ON CONFLICT ("TenantId", "Area") DO UPDATE SET "Stamp" = excluded."Stamp" """, ct);
        }
    }

    /// <summary>
    /// Writes a fresh stamp of <paramref name="area"/> for every tenant: after rows were written
    /// without the context's save (the bulk paths of the demo generator).
    /// </summary>
    public static async Task TouchAllAsync(AppDbContext db, string area, CancellationToken ct = default)
    {
        var tenants = await db.Set<Tenancy.Tenant>().AsNoTracking().Select(t => t.Id).ToListAsync(ct);
        await TouchAsync(db, tenants.Select(id => (id, area)), ct);
    }
}
