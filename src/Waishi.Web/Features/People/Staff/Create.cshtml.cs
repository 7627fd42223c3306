using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.People.Staff;

[Authorize(Policy = Policies.PeopleEditor)]
public sealed class CreateModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public StaffInput Form { get; set; } = new();

    public List<UnitNode> Units { get; private set; } = [];

    public async Task OnGetAsync() => Units = await UnitTree.LoadAsync(db);

    public async Task<IActionResult> OnPostAsync()
    {
        var staff = new StaffMember { StaffNumber = "", NameZh = "" };
        Form.ApplyTo(staff);
        if (ModelState.IsValid)
        {
            ModelState.AddAll("Form", await PeopleRules.ValidateAsync(db, staff), t);
        }
        if (!ModelState.IsValid)
        {
            Units = await UnitTree.LoadAsync(db);
            return Page();
        }
        db.Add(staff);
        await db.SaveChangesAsync();
        TempData["Status"] = t["{0} was saved.", staff.NameZh].Value;
        return Redirect($"/People/Staff/Details/{staff.Id}");
    }
}
