using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Localization;

namespace Waishi.Web.Features.OutboundPlans;

/// <summary>The annual plans the user may see, with their totals; the export lists every line.</summary>
public sealed class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(OutboundPlan Plan, string Unit, int Lines, int People, decimal Budget);

    [BindProperty(SupportsGet = true)]
    public PlanFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<UnitNode> Units { get; private set; } = [];
    public PlanAccess Access { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Access = PlanAccess.For(User);
        var query = Filter.Apply(db, Access);
        Total = await query.CountAsync(ct);
        PageNo = Math.Clamp(PageNo, 1, PageCount);
        Rows = await RowsAsync(query.Skip((PageNo - 1) * PageSize).Take(PageSize), ct);
        Units = await UnitTree.LoadAsync(db, ct);
        if (!Access.SeesAll)
        {
            Units = [.. Units.Where(u => Access.Units.Contains(u.Unit.Id)).Select(u => u with { Depth = 0 })];
        }
    }

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var ct = HttpContext.RequestAborted;
        var rows = await RowsAsync(Filter.Apply(db, PlanAccess.For(User)), ct);
        var table = new ExportTable(
            [t["Year"], t["Unit"], t["State"], t["Purpose"], t["Countries or regions"], t["People"], t["Planned month"], t["Budget (CNY)"]],
            [.. rows.SelectMany(r => r.Plan.Lines.OrderBy(l => l.SortOrder).Select(l => (IReadOnlyList<string?>)
            [
                r.Plan.Year.ToString(), r.Unit, t[PlanLabels.Of(r.Plan.State)], l.Purpose, l.Countries.Replace(",", ", "),
                l.People.ToString(), l.Month.ToString(), l.Budget.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            ]))]);
        return ListExport.File(table, format, "outbound-plans");
    }

    private async Task<List<Row>> RowsAsync(IQueryable<OutboundPlan> query, CancellationToken ct)
    {
        var chinese = LocalizationSetup.IsChinese;
        var plans = await query.Include(p => p.Lines).ToListAsync(ct);
        var units = await db.Set<OrgUnit>().AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        return [.. plans.Select(p => new Row(p, units.GetValueOrDefault(p.UnitId)?.Name(chinese) ?? "",
            p.Lines.Count, p.Lines.Sum(l => l.People), p.Lines.Sum(l => l.Budget)))];
    }
}
