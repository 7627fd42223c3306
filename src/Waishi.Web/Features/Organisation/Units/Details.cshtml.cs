using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Organisation.Units;

public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public OrgUnit Unit { get; private set; } = null!;
    public OrgUnit? Parent { get; private set; }
    public List<OrgUnit> Children { get; private set; } = [];
    public int StaffCount { get; private set; }
    public int StudentCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var unit = await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null)
        {
            return NotFound();
        }
        Unit = unit;
        Parent = unit.ParentId is { } p ? await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == p) : null;
        Children = await db.Set<OrgUnit>().AsNoTracking().Where(u => u.ParentId == id)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Code).ToListAsync();
        StaffCount = await db.Set<StaffMember>().CountAsync(s => s.UnitId == id);
        StudentCount = await db.Set<Student>().CountAsync(s => s.UnitId == id);
        return Page();
    }
}
