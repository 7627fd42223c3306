using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence.Watchlists;

/// <summary>What version N of a list added, removed and changed against version N-1.</summary>
public sealed class DiffModel(AppDbContext db) : PageModel
{
    public Watchlist List { get; private set; } = null!;
    public WatchlistVersion Version { get; private set; } = null!;
    public WatchlistDiff Diff { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, int? number)
    {
        var ct = HttpContext.RequestAborted;
        var list = await db.Set<Watchlist>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (list is null)
        {
            return NotFound();
        }
        var versions = db.Set<WatchlistVersion>().AsNoTracking().Where(v => v.WatchlistId == id);
        var version = number is { } n ? await versions.FirstOrDefaultAsync(v => v.Number == n, ct)
            : await versions.FirstOrDefaultAsync(v => v.Id == list.CurrentVersionId, ct);
        if (version is null)
        {
            return NotFound();
        }
        var previous = await versions.Where(v => v.Number < version.Number).OrderByDescending(v => v.Number).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(ct);
        (List, Version) = (list, version);
        Diff = await WatchlistDiff.BetweenAsync(db, previous, version.Id, ct);
        return Page();
    }
}
