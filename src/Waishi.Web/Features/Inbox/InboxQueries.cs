using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Notifications;

namespace Waishi.Web.Features.Inbox;

/// <summary>The signed-in user's inbox, shared by the pages and the API. Every query is limited to
/// the user's own items, so another user's item is simply not found.</summary>
public static class InboxQueries
{
    public const int PageSize = 20;

    public sealed record Page(IReadOnlyList<InboxItem> Items, int PageNumber, int PageSize, int Total, int Unread)
    {
        public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    public static IQueryable<InboxItem> Mine(this AppDbContext db, Guid userId) =>
        db.Set<InboxItem>().Where(i => i.UserId == userId);

    /// <summary>Unread first, newest first within each.</summary>
    public static async Task<Page> PageAsync(AppDbContext db, Guid userId, bool unreadOnly, int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        var mine = db.Mine(userId).AsNoTracking();
        var unread = await mine.CountAsync(i => i.ReadUtc == null, ct);
        var filtered = unreadOnly ? mine.Where(i => i.ReadUtc == null) : mine;
        var total = unreadOnly ? unread : await mine.CountAsync(ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await filtered
            .OrderBy(i => i.ReadUtc == null ? 0 : 1)
            .ThenByDescending(i => i.CreatedUtc)
            .ThenByDescending(i => i.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(ct);
        return new Page(items, page, pageSize, total, unread);
    }

    /// <summary>Marks one of the user's items read; null when the user has no such item.</summary>
    public static async Task<InboxItem?> MarkReadAsync(AppDbContext db, TimeProvider clock, Guid userId, Guid id, CancellationToken ct = default)
    {
        var item = await db.Mine(userId).SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is not null && item.ReadUtc is null)
        {
            item.ReadUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return item;
    }

    public static Task<int> MarkAllReadAsync(AppDbContext db, TimeProvider clock, Guid userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Mine(userId).Where(i => i.ReadUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ReadUtc, now).SetProperty(i => i.Version, i => i.Version + 1), ct);
    }

    /// <summary>Only links inside the application are followed; anything else is not shown as a link.</summary>
    public static string? SafeLink(string? link) =>
        link is not null && link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.StartsWith("/\\", StringComparison.Ordinal)
            ? link
            : null;
}
