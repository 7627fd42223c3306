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

namespace Waishi.Web.Features.TripReports;

public sealed class IndexModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public ReportFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public List<ReportRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<UnitNode> Units { get; private set; } = [];
    public List<StaffMember> People { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var (query, policy, today) = await QueryAsync(ct);
        Total = await query.CountAsync(ct);
        PageNo = Math.Clamp(PageNo, 1, PageCount);
        Rows = await ReportFilter.RowsAsync(db, query.Skip((PageNo - 1) * PageSize).Take(PageSize), policy, today, LocalizationSetup.IsChinese, ct);
        Units = await UnitTree.LoadAsync(db, ct);
        People = await db.Set<StaffMember>().AsNoTracking().OrderBy(s => s.StaffNumber).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var ct = HttpContext.RequestAborted;
        var (query, policy, today) = await QueryAsync(ct);
        var rows = await ReportFilter.RowsAsync(db, query, policy, today, LocalizationSetup.IsChinese, ct);
        var table = new ExportTable(
            [t["Trip"], t["Number"], t["Applicant"], t["Unit"], t["Destinations"], t["Departure date"], t["Return date"],
             t["Report due"], t["Report status"], t["Days overdue"], t["Submitted"]],
            [.. rows.Select(r => (IReadOnlyList<string?>)
            [
                r.Trip.Title, r.Trip.Number, r.Applicant, r.Unit, r.Destinations, r.Trip.DepartureDate?.ToString("yyyy-MM-dd"),
                r.Trip.ReturnDate?.ToString("yyyy-MM-dd"), r.Due.ToString("yyyy-MM-dd"), t[ReportLabels.Of(r.Status)],
                r.DaysOverdue > 0 && r.Status == ReportStatus.Overdue ? r.DaysOverdue.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
                r.SubmittedUtc?.ToString("yyyy-MM-dd"),
            ])]);
        return ListExport.File(table, format, "trip-reports");
    }

    private async Task<(IQueryable<Trip>, TripPolicy, DateOnly)> QueryAsync(CancellationToken ct)
    {
        var policy = await TripPolicy.LoadAsync(db, ct);
        var today = TripsSetup.Today(clock);
        var access = await TripAccess.ForAsync(db, User, ct);
        return (Filter.Apply(db, access, policy, today), policy, today);
    }
}
