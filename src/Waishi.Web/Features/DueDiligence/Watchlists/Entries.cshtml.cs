using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;

namespace Waishi.Web.Features.DueDiligence.Watchlists;

/// <summary>The entries of a list's current version (or of version N), searched, paged and exported; expired ones marked.</summary>
public sealed class EntriesModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public EntryFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public Watchlist List { get; private set; } = null!;
    public List<WatchlistEntry> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        if (await db.Set<Watchlist>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct) is not { } list)
        {
            return NotFound();
        }
        List = list;
        var query = await Filter.ApplyAsync(db, list, ct);
        Total = await query.CountAsync(ct);
        PageNo = Math.Clamp(PageNo, 1, PageCount);
        Rows = await query.Skip((PageNo - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id, string? format)
    {
        var ct = HttpContext.RequestAborted;
        if (await db.Set<Watchlist>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct) is not { } list)
        {
            return NotFound();
        }
        var rows = await (await Filter.ApplyAsync(db, list, ct)).ToListAsync(ct);
        var table = new ExportTable(
            [t["Name"], t["Other names"], t["Country"], t["Addresses"], t["Source"], t["Programs"], t["Start date"], t["End date"], t["Expired"], t["Remarks"]],
            [.. rows.Select(e => (IReadOnlyList<string?>)
            [
                e.Name, string.Join("; ", Profiles.InstitutionProfile.Lines(e.Aliases)), e.CountryCode, e.Addresses?.Replace("\n", "; ", StringComparison.Ordinal),
                e.Source, e.Programs, e.StartOn?.ToString("yyyy-MM-dd"), e.EndOn?.ToString("yyyy-MM-dd"), e.IsExpired(Today) ? t["Yes"] : t["No"], e.Remarks,
            ])]);
        return ListExport.File(table, format, "watchlist-entries");
    }

    public string Query(int? page = null)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(Filter.Q))
        {
            parts.Add("Q=" + Uri.EscapeDataString(Filter.Q));
        }
        if (Filter.Number is { } n)
        {
            parts.Add($"Number={n}");
        }
        if (page is { } p)
        {
            parts.Add($"PageNo={p}");
        }
        return string.Join("&", parts);
    }
}
