using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.People.Pages;

/// <summary>The create or edit page of a person: the form offers the tenant's units.</summary>
public abstract class PersonFormPage<TPerson, TInput>(AppDbContext db, IStringLocalizer t, string folder)
    : EntityFormPage<TPerson, TInput>(db, t, folder)
    where TPerson : Entity, IPerson
    where TInput : class, IEntityForm<TPerson, TInput>, new()
{
    public List<UnitNode> Units { get; private set; } = [];

    protected override async Task LoadChoicesAsync(Guid? id) => Units = await UnitTree.LoadAsync(Db);

    protected override string Saved(TPerson person, bool created) => Localizer["{0} was saved.", person.NameZh].Value;
}
