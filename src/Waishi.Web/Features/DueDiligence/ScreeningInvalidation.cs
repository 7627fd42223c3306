using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.DueDiligence.Profiles;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence;

/// <summary>
/// Told after a tenant's profiles or watchlists changed (and its stamp moved), so that names already
/// screened can be screened again. The default does nothing; the re-screening registers its own.
/// </summary>
public interface IScreeningInvalidation
{
    Task ChangedAsync(Guid tenantId, long stamp, CancellationToken ct);
}

internal sealed class NoScreeningInvalidation : IScreeningInvalidation
{
    public Task ChangedAsync(Guid tenantId, long stamp, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>The per-tenant stamp of what screening matches against.</summary>
public static class DueDiligenceStamps
{
    /// <summary>Moves the tenant's stamp in the pending save (the caller saves).</summary>
    public static async Task<DueDiligenceStamp> BumpAsync(AppDbContext db, Guid tenantId, TimeProvider clock, CancellationToken ct)
    {
        var stamp = db.ChangeTracker.Entries<DueDiligenceStamp>().Select(e => e.Entity).FirstOrDefault(s => s.TenantId == tenantId)
            ?? await db.Set<DueDiligenceStamp>().IgnoreQueryFilters().FirstOrDefaultAsync(s => s.TenantId == tenantId, ct);
        if (stamp is null)
        {
            stamp = new DueDiligenceStamp { TenantId = tenantId };
            db.Add(stamp);
        }
        if (db.Entry(stamp).State != EntityState.Added && db.Entry(stamp).State != EntityState.Modified || stamp.Value == 0)
        {
            stamp.Value++;
        }
        stamp.ChangedUtc = clock.GetUtcNow().UtcDateTime;
        return stamp;
    }

    /// <summary>The current tenant's stamp; 0 before any profile or list exists.</summary>
    public static async Task<long> CurrentAsync(AppDbContext db, CancellationToken ct) =>
        await db.Set<DueDiligenceStamp>().AsNoTracking().Select(s => (long?)s.Value).FirstOrDefaultAsync(ct) ?? 0;
}
