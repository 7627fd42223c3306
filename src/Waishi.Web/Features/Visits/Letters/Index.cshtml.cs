using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;

namespace Waishi.Web.Features.Visits.Letters;

/// <summary>/Visits/Letters: every invitation letter of the visits the user sees, with filters, search, paging and export.</summary>
public sealed class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public LetterFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public List<LetterRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public VisitDocsAccess Access { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var query = await QueryAsync(ct);
        Total = await query.CountAsync(ct);
        PageNo = Math.Clamp(PageNo, 1, PageCount);
        Rows = await query.Skip((PageNo - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var rows = await (await QueryAsync(HttpContext.RequestAborted)).ToListAsync(HttpContext.RequestAborted);
        var table = new ExportTable(
            [t["Document number"], t["Names"], t["Visit"], t["Visit number"], t["Arrival date"], t["Departure date"], t["Date of issue"], t["Status"]],
            [.. rows.Select(r => (IReadOnlyList<string?>)
            [
                r.Number, r.Names, r.VisitTitle, r.VisitNumber, r.Arrival?.ToString("yyyy-MM-dd"), r.Departure?.ToString("yyyy-MM-dd"),
                r.IssuedUtc.ToString("yyyy-MM-dd"), r.Revoked ? t["Revoked"] : t["Valid"],
            ])]);
        return ListExport.File(table, format, "invitation-letters");
    }

    private async Task<IQueryable<LetterRow>> QueryAsync(CancellationToken ct)
    {
        Access = await VisitDocsAccess.ForAsync(db, User, ct);
        return Filter.Apply(db, Access.Visible(db));
    }
}
