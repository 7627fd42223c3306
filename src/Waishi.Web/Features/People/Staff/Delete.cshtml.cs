using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.People.Staff;

[Authorize(Policy = Policies.PeopleEditor)]
public sealed class DeleteModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public IActionResult OnGet(Guid id) => Redirect($"/People/Staff/Details/{id}");

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var staff = await db.Set<StaffMember>().FirstOrDefaultAsync(s => s.Id == id);
        if (staff is null)
        {
            return NotFound();
        }
        db.Remove(staff);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another record still points at this person (a trip, an application...): keep them.
            TempData["Error"] = t["This person cannot be deleted because other records refer to them. Mark them inactive instead."].Value;
            return Redirect($"/People/Staff/Details/{id}");
        }
        TempData["Status"] = t["{0} was deleted.", staff.NameZh].Value;
        return Redirect("/People/Staff");
    }
}
