using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.People.Students;

public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public Student Student { get; private set; } = null!;
    public OrgUnit? Unit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var student = await db.Set<Student>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        if (student is null)
        {
            return NotFound();
        }
        Student = student;
        Unit = student.UnitId is { } u ? await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == u) : null;
        return Page();
    }
}
