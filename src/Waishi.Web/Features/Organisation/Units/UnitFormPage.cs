using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People.Pages;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Organisation.Units;

/// <summary>The create or edit page of a unit: the form offers the units it may hang under.</summary>
public abstract class UnitFormPage(AppDbContext db, IStringLocalizer t)
    : EntityFormPage<OrgUnit, UnitInput>(db, t, "/Organisation/Units")
{
    public List<UnitNode> Parents { get; private set; } = [];

    protected override async Task LoadChoicesAsync(Guid? id)
    {
        var all = await UnitTree.LoadAsync(Db);
        if (id is not { } self)
        {
            Parents = all;
            return;
        }
        // A unit cannot move under itself or its own sub-units, so those are not offered.
        var below = UnitTree.WithDescendants(all.Select(n => n.Unit), self);
        Parents = [.. all.Where(n => !below.Contains(n.Unit.Id))];
    }

    protected override string Saved(OrgUnit unit, bool created) =>
        (created ? Localizer["Unit {0} was created.", unit.Code] : Localizer["Unit {0} was saved.", unit.Code]).Value;
}
