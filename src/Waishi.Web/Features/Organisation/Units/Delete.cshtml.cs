using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Features.People.Pages;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Organisation.Units;

/// <summary>Deletes a unit that nothing hangs on; otherwise says what still does (deactivate it instead).</summary>
[Authorize(Policy = Policies.PeopleEditor)]
public sealed class DeleteModel(AppDbContext db, IStringLocalizer<SharedResource> t)
    : EntityDeletePage<OrgUnit>(db, "/Organisation/Units")
{
    protected override string Deleted(OrgUnit unit) => t["Unit {0} was deleted.", unit.Code].Value;

    protected override async Task<string?> ReasonToKeepAsync(OrgUnit unit)
    {
        var id = unit.Id;
        var children = await Db.Set<OrgUnit>().CountAsync(u => u.ParentId == id);
        if (children > 0)
        {
            return t["This unit cannot be deleted: it has {0} sub-unit(s). Move or delete them first, or deactivate the unit.", children];
        }
        var people = await Db.Set<StaffMember>().CountAsync(s => s.UnitId == id) + await Db.Set<Student>().CountAsync(s => s.UnitId == id);
        if (people > 0)
        {
            return t["This unit cannot be deleted: {0} staff member(s) or student(s) belong to it. Move them to another unit first, or deactivate the unit.", people];
        }
        if (await Db.Set<RoleAssignment>().AnyAsync(r => r.OrgUnitId == id))
        {
            return t["This unit cannot be deleted: user roles are bound to it. Change those role assignments first, or deactivate the unit."];
        }
        return null;
    }
}
