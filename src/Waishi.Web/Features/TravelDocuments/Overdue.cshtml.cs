using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.TravelDocuments;

/// <summary>Documents past their return due date, the longest overdue first, with the units that
/// are locked out of filing trips because of them.</summary>
[Authorize(Policy = Policies.TravelDocuments)]
public sealed class OverdueModel(AppDbContext db, Custody custody, IStringLocalizer<SharedResource> t) : PageModel
{
    public List<TravelDocumentRow> Rows { get; private set; } = [];
    public int LockDays { get; private set; }
    /// <summary>Units that cannot file trips now, with the documents that lock them.</summary>
    public List<IGrouping<string, TravelDocumentRow>> LockedUnits { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        LockDays = (await TripPolicy.LoadAsync(db, ct)).UnitLockOverdueDays;
        Rows = await LoadAsync(ct);
        LockedUnits = [.. Rows.Where(r => r.DaysOverdue > LockDays).GroupBy(r => r.Unit)];
    }

    public async Task<IActionResult> OnGetExportAsync(string? format) =>
        ListExport.File(TravelDocumentRow.Export(await LoadAsync(HttpContext.RequestAborted), t), format, "overdue-travel-documents");

    private Task<List<TravelDocumentRow>> LoadAsync(CancellationToken ct)
    {
        var query = TravelDocumentFilter.WithStatus(db.Set<TravelDocument>(), TravelDocumentStatus.Overdue, custody.Today)
            .OrderBy(d => d.ReturnDue).ThenBy(d => d.Number);
        return TravelDocumentRow.LoadAsync(db, query, custody.Today, ct);
    }
}
