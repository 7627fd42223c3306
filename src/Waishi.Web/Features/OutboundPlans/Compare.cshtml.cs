using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Localization;

namespace Waishi.Web.Features.OutboundPlans;

/// <summary>Plan versus actual per unit for a year; the export has one row per unit and a total.</summary>
public sealed class CompareModel(AppDbContext db, PlanLinks links, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Unit { get; set; }

    public PlanComparison.Result Result { get; private set; } = null!;
    public List<UnitNode> Units { get; private set; } = [];
    public PlanAccess Access { get; private set; } = null!;
    /// <summary>The lines of the shown unit's plan, to link a trip outside the plan to.</summary>
    public List<OutboundPlanLine> Lines { get; private set; } = [];
    /// <summary>Versions of the trips outside the plan, sent back with a link.</summary>
    public Dictionary<Guid, long> TripVersions { get; private set; } = [];

    public int TheYear => Year is >= 2000 and <= 2100 ? Year.Value : DateTime.UtcNow.Year;

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var access = Access = PlanAccess.For(User);
        Result = await PlanComparison.ComputeAsync(db, access, TheYear, Unit, ct);
        Units = await UnitTree.LoadAsync(db, ct);
        if (!access.SeesAll)
        {
            Units = [.. Units.Where(u => access.Units.Contains(u.Unit.Id)).Select(u => u with { Depth = 0 })];
        }
        if (Unit is { } unit && access.MayEnter(unit) && Result.Units.FirstOrDefault(u => u.UnitId == unit)?.PlanId is { } planId)
        {
            Lines = await db.Set<OutboundPlanLine>().AsNoTracking().Where(l => l.PlanId == planId).OrderBy(l => l.SortOrder).ToListAsync(ct);
            var ids = Result.Units.SelectMany(u => u.TripsOutsidePlan).Select(x => x.Id).ToList();
            TripVersions = await db.Set<Trips.Trip>().AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Version, ct);
        }
    }

    /// <summary>Links a trip outside the plan to a line of the unit's plan.</summary>
    public async Task<IActionResult> OnPostLinkAsync(Guid tripId, Guid? lineId, long version)
    {
        var (outcome, error) = await links.LinkAsync(tripId, lineId, version, PlanAccess.For(User), HttpContext.RequestAborted);
        switch (outcome)
        {
            case PlanLinks.Outcome.NotFound:
                return NotFound();
            case PlanLinks.Outcome.Forbidden:
                return Forbid();
            case PlanLinks.Outcome.Done:
                TempData["Status"] = t["The trip was linked to the plan line."].Value;
                return Redirect($"/OutboundPlans/Compare?Year={TheYear}&Unit={Unit}");
            default:
                ModelState.AddModelError("", error is null ? "" : People.FormErrors.Localize(error, t));
                db.ChangeTracker.Clear();
                await OnGetAsync();
                return Page();
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
