using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Localization;

namespace Waishi.Web.Features.Visas;

public sealed class IndexModel(AppDbContext db, VisaWriter writer, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public VisaFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public List<VisaRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<UnitNode> Units { get; private set; } = [];
    public List<StaffMember> People { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var query = await QueryAsync(ct);
        Total = await query.CountAsync(ct);
        PageNo = Math.Clamp(PageNo, 1, PageCount);
        Rows = await VisaFilter.RowsAsync(db, query.Skip((PageNo - 1) * PageSize).Take(PageSize), LocalizationSetup.IsChinese, ct);
        Units = await UnitTree.LoadAsync(db, ct);
        People = await db.Set<StaffMember>().AsNoTracking().OrderBy(s => s.StaffNumber).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var ct = HttpContext.RequestAborted;
        var rows = await VisaFilter.RowsAsync(db, await QueryAsync(ct), LocalizationSetup.IsChinese, ct);
        var table = new ExportTable(
            [t["Trip"], t["Departure date"], t["Person"], t["Staff number"], t["Unit"], t["Country or region code"], t["Visa type"],
             t["Visa status"], t["Applied on"], t["Decided on"], t["Result"], t["Notes"]],
            [.. rows.Select(r => (IReadOnlyList<string?>)
            [
                r.TripTitle, r.Departure?.ToString("yyyy-MM-dd"), r.Person, r.StaffNumber, r.Unit, r.Visa.CountryCode, r.Visa.VisaType,
                t[VisaLabels.Of(r.Visa.Status)], r.Visa.AppliedOn?.ToString("yyyy-MM-dd"), r.Visa.DecidedOn?.ToString("yyyy-MM-dd"),
                r.Visa.Result, r.Visa.Notes,
            ])]);
        return ListExport.File(table, format, "visas");
    }

    private async Task<IQueryable<Visa>> QueryAsync(CancellationToken ct)
    {
        var access = await TripAccess.ForAsync(db, User, ct);
        return Filter.Apply(db, writer.Visible(access), TripsSetup.Today(clock));
    }
}
