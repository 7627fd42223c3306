using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Localization;

namespace Waishi.Web.Features.Visits;

public sealed class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(Visit Visit, string Unit, int Members, string Organisations);

    [BindProperty(SupportsGet = true)]
    public VisitFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<UnitNode> Units { get; private set; } = [];
    public List<Partner> Partners { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var query = Filter.Apply(db, await VisitAccess.ForAsync(db, User, ct));
        Total = await query.CountAsync(ct);
        PageNo = Math.Clamp(PageNo, 1, PageCount);
        Rows = await RowsAsync(query.Skip((PageNo - 1) * PageSize).Take(PageSize), ct);
        Units = await UnitTree.LoadAsync(db, ct);
        Partners = await db.Set<Partner>().AsNoTracking().OrderBy(p => p.NameEn).Take(2000).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var ct = HttpContext.RequestAborted;
        var rows = await RowsAsync(Filter.Apply(db, await VisitAccess.ForAsync(db, User, ct)), ct);
        var table = new ExportTable(
            [t["Number"], t["Title"], t["State"], t["VIP level"], t["Host unit"], t["Arrival date"], t["Departure date"],
             t["Members"], t["Organisations"], t["Purpose"]],
            [.. rows.Select(r => (IReadOnlyList<string?>)
            [
                r.Visit.Number, r.Visit.Title, t[VisitLabels.Of(r.Visit.State)], t[VisitLabels.Of(r.Visit.VipLevel)], r.Unit,
                r.Visit.ArrivalDate?.ToString("yyyy-MM-dd"), r.Visit.DepartureDate?.ToString("yyyy-MM-dd"),
                r.Members.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Organisations, r.Visit.Purpose,
            ])]);
        return ListExport.File(table, format, "visits");
    }

    private async Task<List<Row>> RowsAsync(IQueryable<Visit> query, CancellationToken ct)
    {
        var chinese = LocalizationSetup.IsChinese;
        var visits = await query.Include(v => v.Members).ToListAsync(ct);
        var units = await db.Set<OrgUnit>().AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        return [.. visits.Select(v => new Row(v,
            units.GetValueOrDefault(v.UnitId)?.Name(chinese) ?? "",
            v.Members.Count,
            string.Join("; ", v.Members.OrderBy(m => m.SortOrder).Select(m => m.Organisation).Where(o => o.Length > 0).Distinct())))];
    }
}
