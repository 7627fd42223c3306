using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence.Watchlists;

/// <summary>A watchlist with every version and, per version, what changed against the one before.</summary>
public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public Watchlist List { get; private set; } = null!;
    public List<WatchlistVersion> Versions { get; private set; } = [];
    /// <summary>Background imports still waiting or running, and the ones that failed (those leave no version).</summary>
    public List<WatchlistImport> Imports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var list = await db.Set<Watchlist>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (list is null)
        {
            return NotFound();
        }
        List = list;
        Versions = await db.Set<WatchlistVersion>().AsNoTracking().Where(v => v.WatchlistId == id).OrderByDescending(v => v.Number).ToListAsync(ct);
        Imports = await db.Set<WatchlistImport>().AsNoTracking().Where(i => i.WatchlistId == id && i.State != WatchlistImportState.Done)
            .OrderByDescending(i => i.QueuedUtc).Take(10)
            .Select(i => new WatchlistImport { Id = i.Id, FileName = i.FileName, State = i.State, QueuedUtc = i.QueuedUtc, QueuedBy = i.QueuedBy, RowsTotal = i.RowsTotal })
            .ToListAsync(ct);
        return Page();
    }
}
