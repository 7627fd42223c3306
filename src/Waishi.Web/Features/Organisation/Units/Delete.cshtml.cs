using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Organisation.Units;

/// <summary>Deletes a unit that nothing hangs on; otherwise says what still does (deactivate it instead).</summary>
[Authorize(Policy = Policies.PeopleEditor)]
public sealed class DeleteModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public IActionResult OnGet(Guid id) => Redirect($"/Organisation/Units/Details/{id}");

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var unit = await db.Set<OrgUnit>().FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null)
        {
            return NotFound();
        }
        var reason = await ReasonToKeepAsync(id);
        if (reason is not null)
        {
            TempData["Error"] = reason;
            return Redirect($"/Organisation/Units/Details/{id}");
        }
        db.Remove(unit);
        await db.SaveChangesAsync();
        TempData["Status"] = t["Unit {0} was deleted.", unit.Code].Value;
        return Redirect("/Organisation/Units");
    }

    private async Task<string?> ReasonToKeepAsync(Guid id)
    {
        var children = await db.Set<OrgUnit>().CountAsync(u => u.ParentId == id);
        if (children > 0)
        {
            return t["This unit cannot be deleted: it has {0} sub-unit(s). Move or delete them first, or deactivate the unit.", children];
        }
        var people = await db.Set<StaffMember>().CountAsync(s => s.UnitId == id) + await db.Set<Student>().CountAsync(s => s.UnitId == id);
        if (people > 0)
        {
            return t["This unit cannot be deleted: {0} staff member(s) or student(s) belong to it. Move them to another unit first, or deactivate the unit.", people];
        }
        if (await db.Set<RoleAssignment>().AnyAsync(r => r.OrgUnitId == id))
        {
            return t["This unit cannot be deleted: user roles are bound to it. Change those role assignments first, or deactivate the unit."];
        }
        return null;
    }
}
