using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Organisation.Units;

[Authorize(Policy = Policies.PeopleEditor)]
public sealed class CreateModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public UnitInput Form { get; set; } = new();

    public List<UnitNode> Parents { get; private set; } = [];

    public async Task OnGetAsync(Guid? parent)
    {
        Form.ParentId = parent;
        Parents = await UnitTree.LoadAsync(db);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var unit = new OrgUnit { Code = "", NameZh = "", NameEn = "" };
        Form.ApplyTo(unit);
        if (ModelState.IsValid)
        {
            ModelState.AddAll("Form", await PeopleRules.ValidateAsync(db, unit), t);
        }
        if (!ModelState.IsValid)
        {
            Parents = await UnitTree.LoadAsync(db);
            return Page();
        }
        db.Add(unit);
        await db.SaveChangesAsync();
        TempData["Status"] = t["Unit {0} was created.", unit.Code].Value;
        return Redirect($"/Organisation/Units/Details/{unit.Id}");
    }
}
