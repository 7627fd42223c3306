using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.People.Students;

[Authorize(Policy = Policies.PeopleEditor)]
public sealed class EditModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public StudentInput Form { get; set; } = new();

    public List<UnitNode> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var student = await db.Set<Student>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        if (student is null)
        {
            return NotFound();
        }
        Form = StudentInput.From(student);
        Units = await UnitTree.LoadAsync(db);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var student = await db.Set<Student>().FirstOrDefaultAsync(s => s.Id == id);
        if (student is null)
        {
            return NotFound();
        }
        // The form carries the version it was read at: a save by someone else since then wins,
        // and this edit is shown back (not saved) with the notice.
        if (student.Version != Form.Version)
        {
            ModelState.AddModelError("", t[FormErrors.StaleEdit]);
        }
        Form.ApplyTo(student);
        if (ModelState.IsValid)
        {
            ModelState.AddAll("Form", await PeopleRules.ValidateAsync(db, student), t);
        }
        if (ModelState.IsValid)
        {
            db.ExpectVersion(student, Form.Version);
            try
            {
                await db.SaveChangesAsync();
                TempData["Status"] = t["{0} was saved.", student.NameZh].Value;
                return Redirect($"/People/Students/Details/{student.Id}");
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
