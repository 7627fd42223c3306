using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.People.Students;

[Authorize(Policy = Policies.PeopleEditor)]
public sealed class CreateModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public StudentInput Form { get; set; } = new();

    public List<UnitNode> Units { get; private set; } = [];

    public async Task OnGetAsync() => Units = await UnitTree.LoadAsync(db);

    public async Task<IActionResult> OnPostAsync()
    {
        var student = new Student { StudentNumber = "", NameZh = "" };
        Form.ApplyTo(student);
        if (ModelState.IsValid)
        {
            ModelState.AddAll("Form", await PeopleRules.ValidateAsync(db, student), t);
        }
        if (!ModelState.IsValid)
        {
            Units = await UnitTree.LoadAsync(db);
            return Page();
        }
        db.Add(student);
        await db.SaveChangesAsync();
        TempData["Status"] = t["{0} was saved.", student.NameZh].Value;
        return Redirect($"/People/Students/Details/{student.Id}");
    }
}
