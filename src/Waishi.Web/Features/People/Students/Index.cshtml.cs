using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People.Pages;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;

namespace Waishi.Web.Features.People.Students;

public sealed class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> t)
    : PersonIndexPage<Student, StudentFilter>(db, "students")
{
    protected override ExportTable ToTable(List<Student> rows) => new(
        [t["Student number"], t["Chinese name"], t["English name"], t["Unit"], t["Degree level"], t["Nationality"],
             t["E-mail"], t["Phone"], t["Active"]],
        [.. rows.Select(s => (IReadOnlyList<string?>)
        [
                s.StudentNumber, s.NameZh, s.NameEn, UnitName(s),
                t["degree:" + s.DegreeLevel], s.Nationality, s.Email, s.Phone, s.IsActive ? t["Yes"] : t["No"],
        ])]);
}
