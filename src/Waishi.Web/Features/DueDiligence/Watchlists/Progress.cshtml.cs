using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence.Watchlists;

/// <summary>
/// A large upload on its way through the background import: waiting, entries saved of the rows read,
/// then the version's report (or why it failed, with nothing saved). The page polls <c>?handler=Status</c>.
/// </summary>
[Authorize(Policy = DueDiligenceSetup.EditorPolicy)]
public sealed class ProgressModel(AppDbContext db, WatchlistImportQueue queue) : PageModel
{
    public sealed record Status(string State, int Saved, int Total, bool Finished);

    public WatchlistImport Import { get; private set; } = null!;
    public Watchlist List { get; private set; } = null!;
    public WatchlistVersion? Version { get; private set; }
    public int Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        List = await db.Set<Watchlist>().AsNoTracking().SingleAsync(w => w.Id == Import.WatchlistId, ct);
        if (Import.VersionId is { } versionId)
        {
            Version = await db.Set<WatchlistVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnGetStatusAsync(Guid id)
    {
        if (!await LoadAsync(id, HttpContext.RequestAborted))
        {
            return NotFound();
        }
        return new JsonResult(new Status(Import.State.ToString(), Saved, Import.RowsTotal, Import.IsFinished));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        // The file itself stays in the database: only the progress columns are read.
        var import = await db.Set<WatchlistImport>().AsNoTracking().Where(i => i.Id == id).Select(i => new WatchlistImport
        {
            Id = i.Id, TenantId = i.TenantId, WatchlistId = i.WatchlistId, FileName = i.FileName, State = i.State, RowsTotal = i.RowsTotal,
            RowsSaved = i.RowsSaved, QueuedBy = i.QueuedBy, QueuedUtc = i.QueuedUtc, StartedUtc = i.StartedUtc, FinishedUtc = i.FinishedUtc,
            VersionId = i.VersionId, Error = i.Error,
        }).FirstOrDefaultAsync(ct);
        if (import is null)
        {
            return false;
        }
        Import = import;
        Saved = import.State == WatchlistImportState.Running ? queue.Saved(id) ?? import.RowsSaved : import.RowsSaved;
        return true;
    }

    public static string Label(WatchlistImportState state) => state switch
    {
        WatchlistImportState.Queued => "Waiting to start",
        WatchlistImportState.Running => "Importing",
        WatchlistImportState.Done => "Imported",
        _ => "Failed",
    };
}
