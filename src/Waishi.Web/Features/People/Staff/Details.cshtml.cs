using Waishi.Web.Features.People.Pages;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.People.Staff;

public sealed class DetailsModel(AppDbContext db) : PersonDetailsPage<StaffMember>(db)
{
    public StaffMember Staff => Person;
}
