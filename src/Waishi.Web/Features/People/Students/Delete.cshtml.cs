using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.People.Students;

[Authorize(Policy = Policies.PeopleEditor)]
public sealed class DeleteModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public IActionResult OnGet(Guid id) => Redirect($"/People/Students/Details/{id}");

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var student = await db.Set<Student>().FirstOrDefaultAsync(s => s.Id == id);
        if (student is null)
        {
            return NotFound();
        }
        db.Remove(student);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another record still points at this person (a trip, an application...): keep them.
            TempData["Error"] = t["This person cannot be deleted because other records refer to them. Mark them inactive instead."].Value;
            return Redirect($"/People/Students/Details/{id}");
        }
        TempData["Status"] = t["{0} was deleted.", student.NameZh].Value;
        return Redirect("/People/Students");
    }
}
