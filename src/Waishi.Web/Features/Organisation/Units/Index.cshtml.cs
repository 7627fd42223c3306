using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Localization;

namespace Waishi.Web.Features.Organisation.Units;

public sealed class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool ShowInactive { get; set; }

    public List<UnitNode> Nodes { get; private set; } = [];

    public async Task OnGetAsync() => Nodes = await LoadAsync();

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var chinese = LocalizationSetup.IsChinese;
        var nodes = await LoadAsync();
        var names = nodes.ToDictionary(n => n.Unit.Id, n => n.Unit.Name(chinese));
        var table = new ExportTable(
            [t["Code"], t["Chinese name"], t["English name"], t["Kind"], t["Parent unit"], t["Active"]],
            [.. nodes.Select(n => (IReadOnlyList<string?>)
            [
                n.Unit.Code, n.Unit.NameZh, n.Unit.NameEn, t["unit-kind:" + n.Unit.Kind],
                n.Unit.ParentId is { } p ? names.GetValueOrDefault(p) : null, n.Unit.IsActive ? t["Yes"] : t["No"],
            ])]);
        return ListExport.File(table, format, "units");
    }

    private async Task<List<UnitNode>> LoadAsync()
    {
        var nodes = await UnitTree.LoadAsync(db, HttpContext.RequestAborted);
        return ShowInactive ? nodes : [.. nodes.Where(n => n.Unit.IsActive)];
    }
}
