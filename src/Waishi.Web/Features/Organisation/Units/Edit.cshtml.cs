using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Organisation.Units;

[Authorize(Policy = Policies.PeopleEditor)]
public sealed class EditModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public UnitInput Form { get; set; } = new();

    public List<UnitNode> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var unit = await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null)
        {
            return NotFound();
        }
        Form = UnitInput.From(unit);
        await LoadParentsAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var unit = await db.Set<OrgUnit>().FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null)
        {
            return NotFound();
        }
        if (unit.Version != Form.Version)
        {
            ModelState.AddModelError("", t[FormErrors.StaleEdit]);
        }
        Form.ApplyTo(unit);
        if (ModelState.IsValid)
        {
            ModelState.AddAll("Form", await PeopleRules.ValidateAsync(db, unit), t);
        }
        if (ModelState.IsValid)
        {
            db.ExpectVersion(unit, Form.Version);
            try
            {
                await db.SaveChangesAsync();
                TempData["Status"] = t["Unit {0} was saved.", unit.Code].Value;
                return Redirect($"/Organisation/Units/Details/{unit.Id}");
            }
            catch (DbUpdateException e) when (e.IsConcurrencyConflict())
            {
                ModelState.AddModelError("", t[FormErrors.StaleEdit]);
            }
        }
        db.ChangeTracker.Clear();
        await LoadParentsAsync(id);
        return Page();
    }

    /// <summary>Deactivates or reactivates the unit from its details page (the version guards a stale page).</summary>
    public async Task<IActionResult> OnPostActiveAsync(Guid id, bool active, long version)
    {
        var unit = await db.Set<OrgUnit>().FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null)
        {
            return NotFound();
        }
        if (unit.Version != version)
        {
            TempData["Error"] = t[FormErrors.StaleEdit].Value;
            return Redirect($"/Organisation/Units/Details/{id}");
        }
        unit.IsActive = active;
        db.ExpectVersion(unit, version);
        try
        {
            await db.SaveChangesAsync();
            TempData["Status"] = (active ? t["Unit {0} was reactivated.", unit.Code] : t["Unit {0} was deactivated.", unit.Code]).Value;
        }
        catch (DbUpdateException e) when (e.IsConcurrencyConflict())
        {
            TempData["Error"] = t[FormErrors.StaleEdit].Value;
        }
        return Redirect($"/Organisation/Units/Details/{id}");
    }

    private async Task LoadParentsAsync(Guid id)
    {
        // A unit cannot move under itself or its own sub-units, so those are not offered.
        var all = await UnitTree.LoadAsync(db);
        var below = UnitTree.WithDescendants(all.Select(n => n.Unit), id);
        Parents = [.. all.Where(n => !below.Contains(n.Unit.Id))];
    }
}
