using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Organisation.Units;

[Authorize(Policy = Policies.PeopleEditor)]
public sealed class EditModel(AppDbContext db, IStringLocalizer<SharedResource> t)
    : UnitFormPage(db, t)
{
    public Task<IActionResult> OnGetAsync(Guid id) => ShowEditAsync(id);

    public Task<IActionResult> OnPostAsync(Guid id) => SaveEditAsync(id);

    /// <summary>Deactivates or reactivates the unit from its details page (the version guards a stale page).</summary>
    public async Task<IActionResult> OnPostActiveAsync(Guid id, bool active, long version)
    {
        var unit = await Db.Set<OrgUnit>().FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null)
        {
            return NotFound();
        }
        if (unit.Version != version)
        {
            TempData["Error"] = Localizer[FormErrors.StaleEdit].Value;
            return Redirect($"/Organisation/Units/Details/{id}");
        }
        unit.IsActive = active;
        Db.ExpectVersion(unit, version);
        try
        {
            await Db.SaveChangesAsync();
            TempData["Status"] = (active ? Localizer["Unit {0} was reactivated.", unit.Code] : Localizer["Unit {0} was deactivated.", unit.Code]).Value;
        }
        catch (DbUpdateException e) when (e.IsConcurrencyConflict())
        {
            TempData["Error"] = Localizer[FormErrors.StaleEdit].Value;
        }
        return Redirect($"/Organisation/Units/Details/{id}");
    }
}
