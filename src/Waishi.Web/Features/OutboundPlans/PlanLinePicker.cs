using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.OutboundPlans;

/// <summary>
/// The "link to the annual outbound plan" field of the trip form: a select of the lines of the
/// unit's plans (the departure year's first), posted as <c>{Prefix}.PlanItemId</c>. Place it in the
/// trip form with <c>@await Component.InvokeAsync("PlanLinePicker", new { unitId, year, selected })</c>.
/// </summary>
public sealed class PlanLinePickerViewComponent(AppDbContext db) : ViewComponent
{
    public sealed record Choice(Guid Id, int Year, string Text);

    public sealed record Model(string Name, Guid? Selected, IReadOnlyList<Choice> Choices);

    public async Task<IViewComponentResult> InvokeAsync(Guid? unitId, int? year, Guid? selected, string prefix = "Form")
    {
        var choices = new List<Choice>();
        if (unitId is { } unit)
        {
            var lines = await db.Set<OutboundPlanLine>().AsNoTracking()
                .Join(db.Set<OutboundPlan>().Where(p => p.UnitId == unit && (year == null || p.Year == year || p.Year == year + 1 || p.Year == year - 1)),
                    l => l.PlanId, p => p.Id, (l, p) => new { l.Id, p.Year, l.Purpose, l.Countries, l.Month, l.SortOrder })
                .ToListAsync(HttpContext.RequestAborted);
            choices = [.. lines.OrderBy(l => l.Year != year).ThenBy(l => l.Year).ThenBy(l => l.SortOrder)
                .Select(l => new Choice(l.Id, l.Year, $"{l.Year}-{l.Month:00} · {l.Purpose} ({l.Countries.Replace(",", ", ")})"))];
        }
        return View("/Features/OutboundPlans/_PlanLinePicker.cshtml", new Model($"{prefix}.PlanItemId", selected, choices));
    }
}
