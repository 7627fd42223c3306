using Waishi.Web.Features.People.Pages;

namespace Waishi.Web.Features.Organisation.Units;

/// <summary>What the create and edit forms of a unit post.</summary>
public sealed class UnitInput : IEntityForm<OrgUnit, UnitInput>
{
    public string? Code { get; set; }
    public string? NameZh { get; set; }
    public string? NameEn { get; set; }
    public OrgUnitKind Kind { get; set; } = OrgUnitKind.Department;
    public Guid? ParentId { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
    public long Version { get; set; }

    public static UnitInput From(OrgUnit u) => new()
    {
        Code = u.Code, NameZh = u.NameZh, NameEn = u.NameEn, Kind = u.Kind, ParentId = u.ParentId,
        SortOrder = u.SortOrder, IsActive = u.IsActive, Version = u.Version,
    };

    public void ApplyTo(OrgUnit u)
    {
        u.Code = Code?.Trim() ?? "";
        u.NameZh = NameZh?.Trim() ?? "";
        u.NameEn = NameEn?.Trim() ?? "";
        u.Kind = Kind;
        u.ParentId = ParentId;
        u.SortOrder = SortOrder;
        u.IsActive = IsActive;
    }
}
