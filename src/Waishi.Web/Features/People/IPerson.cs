namespace Waishi.Web.Features.People;

/// <summary>What staff members and students have in common: names, a unit and whether they are active.</summary>
public interface IPerson
{
    string NameZh { get; }
    string? NameEn { get; }
    Guid? UnitId { get; }
    bool IsActive { get; }
}
