using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence.Watchlists;

public sealed record ChangedEntry(WatchlistEntry Before, WatchlistEntry After);

/// <summary>What changed between two versions of a list, entry by entry, by the stable key.</summary>
public sealed record WatchlistDiff(IReadOnlyList<WatchlistEntry> Added, IReadOnlyList<WatchlistEntry> Removed, IReadOnlyList<ChangedEntry> Changed)
{
    public static async Task<WatchlistDiff> BetweenAsync(AppDbContext db, Guid? olderVersionId, Guid newerVersionId, CancellationToken ct)
    {
        var newer = await db.Set<WatchlistEntry>().AsNoTracking().Where(e => e.VersionId == newerVersionId).ToListAsync(ct);
        var older = olderVersionId is { } id
            ? await db.Set<WatchlistEntry>().AsNoTracking().Where(e => e.VersionId == id).ToListAsync(ct)
            : [];
        var before = older.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.First());
        var after = newer.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.First());
        return new WatchlistDiff(
            [.. newer.Where(e => !before.ContainsKey(e.Key)).OrderBy(e => e.Name)],
            [.. older.Where(e => !after.ContainsKey(e.Key)).OrderBy(e => e.Name)],
            [.. newer.Where(e => before.TryGetValue(e.Key, out var b) && b.ContentHash != e.ContentHash)
                .OrderBy(e => e.Name).Select(e => new ChangedEntry(before[e.Key], e))]);
    }
}
