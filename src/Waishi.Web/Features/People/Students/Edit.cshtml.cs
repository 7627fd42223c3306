using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People.Pages;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.People.Students;

[Authorize(Policy = Policies.PeopleEditor)]
public sealed class EditModel(AppDbContext db, IStringLocalizer<SharedResource> t)
    : PersonFormPage<Student, StudentInput>(db, t, "/People/Students")
{
    public Task<IActionResult> OnGetAsync(Guid id) => ShowEditAsync(id);

    public Task<IActionResult> OnPostAsync(Guid id) => SaveEditAsync(id);
}
