using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People.Pages;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Organisation.Units;

[Authorize(Policy = Policies.PeopleEditor)]
public sealed class CreateModel(AppDbContext db, IStringLocalizer<SharedResource> t)
    : UnitFormPage(db, t)
{
    public async Task OnGetAsync(Guid? parent)
    {
        Form.ParentId = parent;
        await LoadChoicesAsync(null);
    }

    public Task<IActionResult> OnPostAsync() => CreateAsync(new OrgUnit { Code = "", NameZh = "", NameEn = "" });
}
