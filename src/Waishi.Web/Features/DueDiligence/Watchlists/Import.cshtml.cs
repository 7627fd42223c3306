using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.DueDiligence.Watchlists;

/// <summary>
/// Uploads a new version of a list: the column mapping (remembered per list; the CSL columns by
/// default), "preview" shows the first rows as they will be read, "import" saves the version.
/// </summary>
[Authorize(Policy = DueDiligenceSetup.EditorPolicy)]
[RequestSizeLimit(200 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 200 * 1024 * 1024)]
public sealed class ImportModel(AppDbContext db, WatchlistImporter importer, WatchlistImportQueue queue, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PreviewRows = 10;

    public Watchlist List { get; private set; } = null!;

    [BindProperty]
    public WatchlistMapping Mapping { get; set; } = new();

    public List<WatchlistRow>? Preview { get; private set; }
    public List<WatchlistRowProblem> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await db.Set<Watchlist>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, HttpContext.RequestAborted) is not { } list)
        {
            return NotFound();
        }
        List = list;
        Mapping = WatchlistMapping.FromJson(list.MappingJson);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, IFormFile? file, string? action)
    {
        var ct = HttpContext.RequestAborted;
        if (await db.Set<Watchlist>().FirstOrDefaultAsync(w => w.Id == id, ct) is not { } list)
        {
            return NotFound();
        }
        List = list;
        if (string.IsNullOrWhiteSpace(Mapping.NameColumn))
        {
            ModelState.AddModelError("Mapping.NameColumn", t["Name the column that holds the entry's name."]);
        }
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", t["Choose the list file (CSV or JSON)."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await using var stream = file!.OpenReadStream();
        var content = new MemoryStream();
        await stream.CopyToAsync(content, ct);
        content.Position = 0;
        List<WatchlistRow> rows;
        List<WatchlistRowProblem> problems;
        try
        {
            if (action == "preview")
            {
                (Preview, Problems) = WatchlistImporter.Read(content, file.FileName, Mapping, PreviewRows);
                return Page();
            }
            (rows, problems) = WatchlistImporter.Read(content, file.FileName, Mapping);
        }
        catch (TabularFormatException e)
        {
            // A file in another encoding is refused whole: no version, no queued import.
            ModelState.AddModelError("file", t[e.Message]);
            return Page();
        }
        var total = rows.Count + problems.Count;
        if (total > queue.Options.BackgroundRows)
        {
            return Redirect($"/DueDiligence/Watchlists/Progress/{await QueueAsync(list, file.FileName, content.ToArray(), total, ct)}");
        }
        content.Position = 0;
        var result = await importer.ImportAsync(list, content, file.FileName, Mapping, User.Identity?.Name ?? "", ct);
        var v = result.Version;
        TempData["Status"] = t["Version {0} imported: {1} entries, {2} added, {3} removed, {4} changed, {5} bad rows.",
            v.Number, v.EntryCount, v.Added, v.Removed, v.Changed, v.BadRows].Value;
        return Redirect($"/DueDiligence/Watchlists/Details/{list.Id}");
    }

    /// <summary>A large upload goes to the background queue; the progress page follows it.</summary>
    private async Task<Guid> QueueAsync(Watchlist list, string fileName, byte[] content, int rows, CancellationToken ct)
    {
        var name = User.Identity?.Name ?? "";
        var import = new WatchlistImport
        {
            TenantId = list.TenantId, WatchlistId = list.Id, FileName = Path.GetFileName(fileName) is { Length: > 0 and <= 300 } n ? n : "upload",
            Content = content, MappingJson = Mapping.ToJson(), State = WatchlistImportState.Queued, RowsTotal = rows,
            QueuedByUserId = User.GetUserId(), QueuedBy = name.Length > 200 ? name[..200] : name, QueuedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(import);
        await db.SaveChangesAsync(ct);
        queue.Wake();
        return import.Id;
    }
}
