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
        return Page();
    }
}
