using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Localization;

namespace Waishi.Web.Features.Conferences.Plans;

/// <summary>A unit's conference plan for a year: the planned conferences as rows; saved as a draft or handed in.</summary>
[Authorize(Policy = Policies.Conferences)]
public sealed class EditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public PlanInput Form { get; set; } = new();

    [BindProperty]
    public string? Then { get; set; }

    public OrgUnit Unit { get; private set; } = null!;
    public int Year { get; private set; }
    public ConferencePlan? Plan { get; private set; }
    public DateOnly Due { get; private set; }
    public bool Keeps { get; private set; }

    public List<PlanInput.ItemRow> ItemRows => [.. Form.Items ?? [], new(), new(), new()];

    private async Task<IActionResult?> LoadAsync(Guid unit, int year, bool tracking)
    {
        var ct = HttpContext.RequestAborted;
        var access = new PlanAccess(User);
        var found = await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == unit, ct);
        if (found is null || year is < 2000 or > 2200 || !access.Sees(unit))
        {
            return NotFound();
        }
        Unit = found;
        Year = year;
        Keeps = access.Keeps(unit);
        var plans = db.Set<ConferencePlan>().Include(p => p.Items);
        Plan = await (tracking ? plans : plans.AsNoTracking()).FirstOrDefaultAsync(p => p.UnitId == unit && p.Year == year, ct);
        Due = ConferencePlan.DueDate(year, await ConferencePolicy.LoadAsync(db, ct));
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid unit, int year)
    {
        if (await LoadAsync(unit, year, false) is { } refused)
        {
            return refused;
        }
        Form = Plan is null ? new PlanInput() : PlanInput.From(Plan);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid unit, int year)
    {
        if (await LoadAsync(unit, year, true) is { } refused)
        {
            return refused;
        }
        if (!Keeps)
        {
            return Forbid();
        }
        var ct = HttpContext.RequestAborted;
        if ((Plan?.Version ?? 0) != Form.Version)
        {
            ModelState.AddModelError("", t[StaleEdit.Message]);
            return Page();
        }
        ModelState.Clear();
        ModelState.AddAll("Form", Form.Validate(), t);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var plan = Plan;
        if (plan is null)
        {
            plan = new ConferencePlan { UnitId = unit, Year = year };
            db.Add(plan);
        }
        else
        {
            db.ExpectVersion(plan, Form.Version);
        }
        Form.ApplyTo(db, plan);
        if (Then == "submit")
        {
            plan.Submitted = true;
            plan.SubmittedUtc = clock.GetUtcNow().UtcDateTime;
            plan.SubmittedByUserId = User.GetUserId();
        }
        try
        {
            if (await db.TrySaveAsync(ct) is not null)
            {
                ModelState.AddModelError("", t[StaleEdit.Message]);
                return Page();
            }
        }
        catch (DbUpdateException)
        {
            // Another user started the unit's plan for the year at the same time.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", t[StaleEdit.Message]);
            return Page();
        }
        TempData["Status"] = Then == "submit"
            ? t["The conference plan of {0} for {1} was handed in.", Unit.Name(LocalizationSetup.IsChinese), year].Value
            : t["The conference plan was saved."].Value;
        return Redirect($"/Conferences/Plans?Year={year}");
    }
}
