using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Localization;

namespace Waishi.Web.Features.People.Pages;

/// <summary>The list of people: filtered, sorted and paged, with an export of every filtered row.</summary>
/// <param name="exportName">The file name of the export, without extension.</param>
public abstract class PersonIndexPage<TPerson, TFilter>(AppDbContext db, string exportName) : PageModel
    where TPerson : Entity, IPerson
    where TFilter : PersonFilter<TPerson>, new()
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public TFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public List<TPerson> Rows { get; private set; } = [];
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
        return ListExport.File(ToTable(rows), format, exportName);
    }

    /// <summary>The export's header and rows, in the reader's language.</summary>
    protected abstract ExportTable ToTable(List<TPerson> rows);

    /// <summary>The name of the person's unit, in the reader's language.</summary>
    protected string? UnitName(TPerson person) => person.UnitId is { } u ? UnitNames.GetValueOrDefault(u) : null;

    private async Task LoadUnitsAsync(CancellationToken ct)
    {
        Units = await UnitTree.LoadAsync(db, ct);
        UnitNames = Units.ToDictionary(n => n.Unit.Id, n => n.Unit.Name(LocalizationSetup.IsChinese));
    }
}
