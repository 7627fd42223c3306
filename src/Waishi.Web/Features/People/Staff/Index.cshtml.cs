using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People.Pages;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;

namespace Waishi.Web.Features.People.Staff;

public sealed class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> t)
    : PersonIndexPage<StaffMember, StaffFilter>(db, "staff")
{
    protected override ExportTable ToTable(List<StaffMember> rows) => new(
        [t["Staff number"], t["Chinese name"], t["English name"], t["Unit"], t["Title"], t["Cadre level"],
             t["Classified"], t["Classified level"], t["E-mail"], t["Phone"], t["Mobile"], t["Active"]],
        [.. rows.Select(s => (IReadOnlyList<string?>)
        [
                s.StaffNumber, s.NameZh, s.NameEn, UnitName(s), s.Title,
                t["cadre:" + s.CadreLevel], s.IsClassified ? t["Yes"] : t["No"], t["classified:" + s.ClassifiedLevel],
                s.Email, s.Phone, s.Mobile, s.IsActive ? t["Yes"] : t["No"],
        ])]);
}
