using Waishi.Web.Features.People.Pages;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.People.Students;

public sealed class DetailsModel(AppDbContext db) : PersonDetailsPage<Student>(db)
{
    public Student Student => Person;
}
