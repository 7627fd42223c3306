using Microsoft.EntityFrameworkCore;

namespace Waishi.Web.Platform.Data;

public static class VersionExtensions
{
    /// <summary>
    /// Declares that the caller edited <paramref name="entity"/> as it was at <paramref name="version"/>:
    /// the update only succeeds if nobody saved it since, otherwise SaveChanges throws
    /// <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    public static void ExpectVersion<T>(this AppDbContext db, T entity, long version) where T : class, IVersioned
        => db.Entry(entity).Property(e => e.Version).OriginalValue = version;

    public static bool IsConcurrencyConflict(this Exception e) => e is DbUpdateConcurrencyException;
}
