using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.People.Staff;

public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public StaffMember Staff { get; private set; } = null!;
    public OrgUnit? Unit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var staff = await db.Set<StaffMember>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        if (staff is null)
        {
            return NotFound();
        }
        Staff = staff;
        Unit = staff.UnitId is { } u ? await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == u) : null;
        return Page();
    }
}
