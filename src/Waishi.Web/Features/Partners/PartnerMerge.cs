using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Partners;

/// <summary>
/// Merges one partner into another: every row of any module that points at the merged partner
/// (any foreign key to <see cref="Partner"/>, and any Guid property named PartnerId, such as
/// Trip.PartnerId) is moved to the kept one; names the kept one lacks are taken over (the merged
/// English name becomes a former name); the merged partner is removed. All in one audited save,
/// after which the <see cref="IPartnerMerged"/> hooks run (due diligence screens the kept partner).
/// </summary>
public sealed class PartnerMerge(AppDbContext db, IEnumerable<IPartnerMerged> hooks)
{
    public sealed record Result(bool Succeeded, int MovedRows, string? Error);

    public async Task<Result> MergeAsync(Guid keepId, Guid mergeId, long? keepVersion, long? mergeVersion, CancellationToken ct)
    {
        var keep = await db.Set<Partner>().SingleOrDefaultAsync(p => p.Id == keepId, ct);
        if (keep is not null && keepId == mergeId)
        {
            return new Result(false, 0, "Choose another partner to merge into this one.");
        }
        var merged = await db.Set<Partner>().SingleOrDefaultAsync(p => p.Id == mergeId, ct);
        if (keep is null || merged is null)
        {
            return new Result(false, 0, null);
        }
        if ((keepVersion is { } kv && kv != keep.Version) || (mergeVersion is { } mv && mv != merged.Version))
        {
            return new Result(false, 0, StaleEdit.Message);
        }

        var moved = 0;
        foreach (var (type, property) in References(db.Model))
        {
            moved += await (Task<int>)MoveMethod.MakeGenericMethod(type.ClrType, property.ClrType)
                .Invoke(null, [db, property.Name, mergeId, keepId, ct])!;
        }

        keep.NameZh ??= merged.NameZh;
        keep.NameLocal ??= merged.NameLocal;
        keep.City ??= merged.City;
        keep.RorId ??= merged.RorId;
        keep.Website ??= merged.Website;
        keep.Acronyms = Join(keep.Acronyms, Partner.Lines(merged.Acronyms));
        var formerNames = Partner.Lines(merged.FormerNames).ToList();
        if (NameNormaliser.Normalise(merged.NameEn) != NameNormaliser.Normalise(keep.NameEn))
        {
            formerNames.Insert(0, merged.NameEn);
        }
        keep.FormerNames = Join(keep.FormerNames, formerNames);
        if (!string.IsNullOrWhiteSpace(merged.Notes) && merged.Notes != keep.Notes)
        {
            var notes = string.IsNullOrWhiteSpace(keep.Notes) ? merged.Notes : keep.Notes + "\n" + merged.Notes;
            keep.Notes = notes.Length <= 2000 ? notes : notes[..2000];
        }
        keep.Index();
        // Fix up the moved rows' navigations first, so that removing the merged partner cascades to nothing.
        db.ChangeTracker.DetectChanges();
        db.Remove(merged);
        if (await db.TrySaveAsync(ct) is { } stale)
        {
            return new Result(false, 0, stale.Message);
        }
        foreach (var hook in hooks)
        {
            await hook.MergedAsync(keep, mergeId, merged.NameEn, ct);
        }
        return new Result(true, moved, null);
    }

    private static string? Join(string? current, IEnumerable<string> more)
    {
        var lines = Partner.Lines(current).ToList();
        foreach (var line in more)
        {
            if (!lines.Any(l => NameNormaliser.Normalise(l) == NameNormaliser.Normalise(line)))
            {
                lines.Add(line);
            }
        }
        var text = string.Join('\n', lines);
        return text.Length == 0 ? null : text;
    }

    /// <summary>Every (entity, property) that refers to a partner.</summary>
    public static IEnumerable<(Microsoft.EntityFrameworkCore.Metadata.IEntityType Type, Microsoft.EntityFrameworkCore.Metadata.IProperty Property)> References(
        Microsoft.EntityFrameworkCore.Metadata.IModel model)
    {
        foreach (var type in model.GetEntityTypes().Where(t => t.ClrType != typeof(Partner) && !t.IsOwned() && t.BaseType is null))
        {
            var seen = new HashSet<string>();
            foreach (var fk in type.GetForeignKeys().Where(f => f.PrincipalEntityType.ClrType == typeof(Partner) && f.Properties.Count == 1))
            {
                seen.Add(fk.Properties[0].Name);
                yield return (type, fk.Properties[0]);
            }
            if (type.FindProperty("PartnerId") is { } p && (p.ClrType == typeof(Guid) || p.ClrType == typeof(Guid?)) && !seen.Contains(p.Name))
            {
                yield return (type, p);
            }
        }
    }

    private static readonly MethodInfo MoveMethod = typeof(PartnerMerge).GetMethod(nameof(MoveAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static async Task<int> MoveAsync<TEntity, TKey>(AppDbContext db, string property, Guid from, Guid to, CancellationToken ct)
        where TEntity : class
    {
        // e => EF.Property<TKey>(e, property) == (TKey)from
        var e = Expression.Parameter(typeof(TEntity), "e");
        var read = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(TKey)], e, Expression.Constant(property));
        var predicate = Expression.Lambda<Func<TEntity, bool>>(Expression.Equal(read, Expression.Constant(from, typeof(TKey))), e);
        var rows = await db.Set<TEntity>().Where(predicate).ToListAsync(ct);
        foreach (var row in rows)
        {
            db.Entry(row).Property(property).CurrentValue = to;
        }
        return rows.Count;
    }
}

/// <summary>How many rows of other modules (not the partner's own contacts) refer to a partner.</summary>
public static class PartnerLinks
{
    private static readonly MethodInfo CountMethod = typeof(PartnerLinks).GetMethod(nameof(CountOfAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static async Task<int> CountAsync(AppDbContext db, Guid partnerId, CancellationToken ct)
    {
        var total = 0;
        foreach (var (type, property) in PartnerMerge.References(db.Model).Where(r => r.Type.ClrType != typeof(PartnerContact)))
        {
            total += await (Task<int>)CountMethod.MakeGenericMethod(type.ClrType, property.ClrType).Invoke(null, [db, property.Name, partnerId, ct])!;
        }
        return total;
    }

    private static Task<int> CountOfAsync<TEntity, TKey>(AppDbContext db, string property, Guid id, CancellationToken ct) where TEntity : class
    {
        var e = Expression.Parameter(typeof(TEntity), "e");
        var read = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(TKey)], e, Expression.Constant(property));
        var predicate = Expression.Lambda<Func<TEntity, bool>>(Expression.Equal(read, Expression.Constant(id, typeof(TKey))), e);
        return db.Set<TEntity>().CountAsync(predicate, ct);
    }
}
