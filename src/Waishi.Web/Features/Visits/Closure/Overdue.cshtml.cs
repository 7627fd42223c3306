using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Visits.Letters;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Localization;

namespace Waishi.Web.Features.Visits.Closure;

/// <summary>/Visits/Overdue: approved visits whose closure is past due, most overdue first, with search, paging and export.</summary>
public sealed class OverdueModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(Guid Id, string? Number, string Title, string Unit, DateOnly? Arrival, DateOnly Departure, DateOnly Due, int DaysOverdue);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<UnitNode> Units { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var (query, today) = await QueryAsync(ct);
        Total = await query.CountAsync(ct);
        PageNo = Math.Clamp(PageNo, 1, PageCount);
        Rows = await RowsAsync(query.Skip((PageNo - 1) * PageSize).Take(PageSize), today, ct);
        Units = await UnitTree.LoadAsync(db, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var ct = HttpContext.RequestAborted;
        var (query, today) = await QueryAsync(ct);
        var rows = await RowsAsync(query, today, ct);
        var table = new ExportTable(
            [t["Visit number"], t["Visit"], t["Host unit"], t["Arrival date"], t["Departure date"], t["Closure due"], t["Days overdue"]],
            [.. rows.Select(r => (IReadOnlyList<string?>)
            [
                r.Number, r.Title, r.Unit, r.Arrival?.ToString("yyyy-MM-dd"), r.Departure.ToString("yyyy-MM-dd"), r.Due.ToString("yyyy-MM-dd"),
                r.DaysOverdue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ])]);
        return ListExport.File(table, format, "visits-closure-overdue");
    }

    public string Query(int? page = null)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            parts.Add("Q=" + Uri.EscapeDataString(Q));
        }
        if (Unit is { } unit)
        {
            parts.Add($"Unit={unit}");
        }
        if (page is { } p)
        {
            parts.Add($"PageNo={p}");
        }
        return string.Join("&", parts);
    }

    private async Task<(IQueryable<Visit>, DateOnly)> QueryAsync(CancellationToken ct)
    {
        var access = await VisitDocsAccess.ForAsync(db, User, ct);
        var today = Trips.TripsSetup.Today(clock);
        var query = ClosureDue.Overdue(access.Visible(db).AsNoTracking(), today);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            query = query.Where(v => v.Title.ToLower().Contains(q) || (v.Number != null && v.Number.ToLower().Contains(q)));
        }
        if (Unit is { } unit)
        {
            query = query.Where(v => v.UnitId == unit);
        }
        return (query.OrderBy(v => v.DepartureDate).ThenBy(v => v.Number), today);
    }

    private async Task<List<Row>> RowsAsync(IQueryable<Visit> query, DateOnly today, CancellationToken ct)
    {
        var visits = await query.Select(v => new { v.Id, v.Number, v.Title, v.UnitId, v.ArrivalDate, v.DepartureDate }).ToListAsync(ct);
        var unitIds = visits.Select(v => v.UnitId).Distinct().ToList();
        var units = await db.Set<OrgUnit>().AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var chinese = LocalizationSetup.IsChinese;
        return [.. visits.Select(v =>
        {
            var due = v.DepartureDate!.Value.AddDays(Visit.ClosureDays);
            return new Row(v.Id, v.Number, v.Title, units.TryGetValue(v.UnitId, out var u) ? u.Name(chinese) : "", v.ArrivalDate, v.DepartureDate.Value,
                due, ClosureDue.DaysOverdue(due, today));
        })];
    }
}
