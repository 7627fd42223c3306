using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Localization;

namespace Waishi.Web.Features.People.Students;

public sealed class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public StudentFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public List<Student> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<UnitNode> Units { get; private set; } = [];
    public Dictionary<Guid, string> UnitNames { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        await LoadUnitsAsync(ct);
        var query = await Filter.ApplyAsync(db, ct);
        Total = await query.CountAsync(ct);
        PageNo = Math.Clamp(PageNo, 1, PageCount);
        Rows = await query.Skip((PageNo - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var ct = HttpContext.RequestAborted;
        await LoadUnitsAsync(ct);
        var rows = await (await Filter.ApplyAsync(db, ct)).ToListAsync(ct);
        var table = new ExportTable(
            [t["Student number"], t["Chinese name"], t["English name"], t["Unit"], t["Degree level"], t["Nationality"],
             t["E-mail"], t["Phone"], t["Active"]],
            [.. rows.Select(s => (IReadOnlyList<string?>)
            [
                s.StudentNumber, s.NameZh, s.NameEn, s.UnitId is { } u ? UnitNames.GetValueOrDefault(u) : null,
                t["degree:" + s.DegreeLevel], s.Nationality, s.Email, s.Phone, s.IsActive ? t["Yes"] : t["No"],
            ])]);
        return ListExport.File(table, format, "students");
    }

    private async Task LoadUnitsAsync(CancellationToken ct)
    {
        Units = await UnitTree.LoadAsync(db, ct);
        UnitNames = Units.ToDictionary(n => n.Unit.Id, n => n.Unit.Name(LocalizationSetup.IsChinese));
    }
}
