using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.People.Pages;

/// <summary>Deletes a person; one that other records (a trip, an application...) refer to is kept.</summary>
public abstract class PersonDeletePage<TPerson>(AppDbContext db, IStringLocalizer t, string folder)
    : EntityDeletePage<TPerson>(db, folder)
    where TPerson : Entity, IPerson
{
    protected override string StillReferred =>
        t["This person cannot be deleted because other records refer to them. Mark them inactive instead."].Value;

    protected override string Deleted(TPerson person) => t["{0} was deleted.", person.NameZh].Value;
}

/// <summary>The details page of a person, with the unit they belong to.</summary>
public abstract class PersonDetailsPage<TPerson>(AppDbContext db) : PageModel
    where TPerson : Entity, IPerson
{
    protected TPerson Person { get; private set; } = null!;
    public OrgUnit? Unit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var person = await db.Set<TPerson>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
        if (person is null)
        {
            return NotFound();
        }
        Person = person;
        Unit = person.UnitId is { } u ? await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == u) : null;
        return Page();
    }
}
