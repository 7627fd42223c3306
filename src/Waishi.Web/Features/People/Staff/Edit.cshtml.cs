using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.People.Staff;

[Authorize(Policy = Policies.PeopleEditor)]
public sealed class EditModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public StaffInput Form { get; set; } = new();

    public List<UnitNode> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var staff = await db.Set<StaffMember>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        if (staff is null)
        {
            return NotFound();
        }
        Form = StaffInput.From(staff);
        Units = await UnitTree.LoadAsync(db);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var staff = await db.Set<StaffMember>().FirstOrDefaultAsync(s => s.Id == id);
        if (staff is null)
        {
            return NotFound();
        }
        // The form carries the version it was read at: a save by someone else since then wins,
        // and this edit is shown back (not saved) with the notice.
        if (staff.Version != Form.Version)
        {
            ModelState.AddModelError("", t[FormErrors.StaleEdit]);
        }
        Form.ApplyTo(staff);
        if (ModelState.IsValid)
        {
            ModelState.AddAll("Form", await PeopleRules.ValidateAsync(db, staff), t);
        }
        if (ModelState.IsValid)
        {
            db.ExpectVersion(staff, Form.Version);
            try
            {
                await db.SaveChangesAsync();
                TempData["Status"] = t["{0} was saved.", staff.NameZh].Value;
                return Redirect($"/People/Staff/Details/{staff.Id}");
            }
            catch (DbUpdateException e) when (e.IsConcurrencyConflict())
            {
                ModelState.AddModelError("", t[FormErrors.StaleEdit]);
            }
        }
        db.ChangeTracker.Clear();
        Units = await UnitTree.LoadAsync(db);
        return Page();
    }
}
