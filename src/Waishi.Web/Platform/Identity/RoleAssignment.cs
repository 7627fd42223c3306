using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Identity;

/// <summary>A role held by a user in their tenant, optionally limited to one org unit
/// (a unit head heads one unit; a unit secretary files for one unit).</summary>
public sealed class RoleAssignment : TenantEntity
{
    public Guid UserId { get; set; }
    public required string Role { get; set; }
    public Guid? OrgUnitId { get; set; }
}
