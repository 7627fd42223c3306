using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Organisation;

public enum OrgUnitKind
{
    Leadership,
    Office,
    Section,
    College,
    Department,
    Institute,
    Hospital,
    Other,
}

/// <summary>A node of a tenant's organisation tree (office, section, college, department).</summary>
public sealed class OrgUnit : TenantEntity
{
    public Guid? ParentId { get; set; }
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public OrgUnitKind Kind { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;

    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}
