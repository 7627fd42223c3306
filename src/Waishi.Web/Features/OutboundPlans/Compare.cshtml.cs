using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Localization;

namespace Waishi.Web.Features.OutboundPlans;

/// <summary>Plan versus actual per unit for a year; the export has one row per unit and a total.</summary>
public sealed class CompareModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Unit { get; set; }

    public PlanComparison.Result Result { get; private set; } = null!;
    public List<UnitNode> Units { get; private set; } = [];

    public int TheYear => Year is >= 2000 and <= 2100 ? Year.Value : DateTime.UtcNow.Year;

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var access = PlanAccess.For(User);
        Result = await PlanComparison.ComputeAsync(db, access, TheYear, Unit, ct);
        Units = await UnitTree.LoadAsync(db, ct);
        if (!access.SeesAll)
        {
            Units = [.. Units.Where(u => access.Units.Contains(u.Unit.Id)).Select(u => u with { Depth = 0 })];
        }
    }

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var result = await PlanComparison.ComputeAsync(db, PlanAccess.For(User), TheYear, Unit, HttpContext.RequestAborted);
        var chinese = LocalizationSetup.IsChinese;
        static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
        IReadOnlyList<string?> Line(string unit, string state, PlanComparison.Figures p, PlanComparison.Figures f, PlanComparison.Figures a, int without, int outside) =>
        [
            TheYear.ToString(CultureInfo.InvariantCulture), unit, state,
            p.Trips.ToString(CultureInfo.InvariantCulture), p.People.ToString(CultureInfo.InvariantCulture), p.Countries.ToString(CultureInfo.InvariantCulture), Money(p.Budget),
            f.Trips.ToString(CultureInfo.InvariantCulture), f.People.ToString(CultureInfo.InvariantCulture), f.Countries.ToString(CultureInfo.InvariantCulture), Money(f.Budget),
            a.Trips.ToString(CultureInfo.InvariantCulture), without.ToString(CultureInfo.InvariantCulture), outside.ToString(CultureInfo.InvariantCulture),
        ];
        var rows = result.Units.Select(u => Line(u.Unit(chinese), u.PlanState is { } s ? t[PlanLabels.Of(s)] : t["No plan"],
            u.Planned, u.Filed, u.Approved, u.LinesWithoutTrip.Count, u.TripsOutsidePlan.Count)).ToList();
        rows.Add(Line(t["Total"], "", result.Planned, result.Filed, result.Approved, result.LinesWithoutTrip, result.TripsOutsidePlan));
        var table = new ExportTable(
            [t["Year"], t["Unit"], t["Plan"], t["Planned trips"], t["Planned people"], t["Planned countries"], t["Planned budget (CNY)"],
             t["Filed trips"], t["Filed people"], t["Filed countries"], t["Filed budget (CNY)"], t["Approved trips"],
             t["Lines without a trip"], t["Trips outside the plan"]],
            rows);
        return ListExport.File(table, format, $"plan-vs-actual-{TheYear}");
    }
}
