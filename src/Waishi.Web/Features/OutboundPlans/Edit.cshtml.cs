using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.OutboundPlans;

/// <summary>Enters a unit's annual plan (new without an id) or changes a draft. "Add line" and
/// "Remove" post the form back with one line more or less, keeping what was typed.</summary>
public sealed class EditModel(AppDbContext db, PlanWriter writer, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public PlanInput Form { get; set; } = new();

    /// <summary>"save", "add" or "remove:N".</summary>
    [BindProperty]
    public string? Action { get; set; }

    public OutboundPlan? Plan { get; private set; }
    public List<UnitNode> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        var ct = HttpContext.RequestAborted;
        var access = PlanAccess.For(User);
        if (id is null)
        {
            if (!access.Reviews && access.Units.Count == 0)
            {
                return Forbid();
            }
            Form = new PlanInput { Year = DateTime.UtcNow.Year + 1, UnitId = access.Units.Count > 0 ? access.Units[0] : null, Lines = [new()] };
            return await ShowAsync(access, ct);
        }
        var plan = await LoadAsync(db, access, id.Value, ct);
        if (plan is null)
        {
            return NotFound();
        }
        if (!access.CanEdit(plan))
        {
            return Forbid();
        }
        Plan = plan;
        Form = new PlanInput
        {
            Year = plan.Year, UnitId = plan.UnitId, Note = plan.Note, Version = plan.Version,
            Lines = [.. plan.Lines.OrderBy(l => l.SortOrder).Select(l => new PlanInput.LineInput
            {
                Id = l.Id, Purpose = l.Purpose, Countries = l.Countries.Replace(",", ", "), People = l.People, Month = l.Month, Budget = l.Budget,
            })],
        };
        return await ShowAsync(access, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        var ct = HttpContext.RequestAborted;
        var access = PlanAccess.For(User);
        OutboundPlan? plan = null;
        if (id is not null)
        {
            plan = await LoadAsync(db, access, id.Value, ct);
            if (plan is null)
            {
                return NotFound();
            }
            if (!access.CanEdit(plan))
            {
                return Forbid();
            }
            Plan = plan;
        }
        if (Action == "add")
        {
            ModelState.Clear();
            Form.Lines.Add(new PlanInput.LineInput());
            return await ShowAsync(access, ct);
        }
        if (Action?.StartsWith("remove:", StringComparison.Ordinal) == true && int.TryParse(Action[7..], out var index)
            && index >= 0 && index < Form.Lines.Count)
        {
            ModelState.Clear();
            Form.Lines.RemoveAt(index);
            return await ShowAsync(access, ct);
        }
        if (!ModelState.IsValid)
        {
            return await ShowAsync(access, ct);
        }
        if (plan is not null && plan.Version != Form.Version)
        {
            ModelState.AddModelError("", t[FormErrors.StaleEdit]);
            return await ShowAsync(access, ct);
        }
        var target = plan ?? new OutboundPlan { CreatedUtc = clock.GetUtcNow().UtcDateTime };
        var errors = await writer.ApplyAsync(target, Form, access, ct);
        if (errors.Count > 0)
        {
            ModelState.AddAll("Form", errors, t);
            return await ShowAsync(access, ct);
        }
        if (plan is null)
        {
            db.Add(target);
            await db.SaveChangesAsync(ct);
        }
        else if (await writer.SaveAsync(target, Form.Version, ct) is not null)
        {
            ModelState.AddModelError("", t[FormErrors.StaleEdit]);
            return await ShowAsync(access, ct);
        }
        TempData["Status"] = t["The plan was saved."].Value;
        return Redirect($"/OutboundPlans/Details/{target.Id}");
    }

    public static Task<OutboundPlan?> LoadAsync(AppDbContext db, PlanAccess access, Guid id, CancellationToken ct) =>
        access.Visible(db).Include(p => p.Lines).FirstOrDefaultAsync(p => p.Id == id, ct);

    private async Task<IActionResult> ShowAsync(PlanAccess access, CancellationToken ct)
    {
        Units = await UnitTree.LoadAsync(db, ct);
        if (!access.Reviews)
        {
            Units = [.. Units.Where(u => access.Units.Contains(u.Unit.Id)).Select(u => u with { Depth = 0 })];
        }
        return Page();
    }
}
