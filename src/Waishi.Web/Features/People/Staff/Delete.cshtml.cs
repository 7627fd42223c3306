using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People.Pages;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.People.Staff;

[Authorize(Policy = Policies.PeopleEditor)]
public sealed class DeleteModel(AppDbContext db, IStringLocalizer<SharedResource> t)
    : PersonDeletePage<StaffMember>(db, t, "/People/Staff");
