using Microsoft.AspNetCore.Identity;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Identity;

/// <summary>A sign-in account. User names are unique across the deployment; the account belongs
/// to one tenant and may stand for a staff member or a student of it.</summary>
public sealed class AppUser : IdentityUser<Guid>, ITenantOwned, IVersioned
{
    public AppUser() => Id = Guid.CreateVersion7();

    public Guid TenantId { get; set; }
    public long Version { get; set; }
    public required string DisplayName { get; set; }
    public Guid? StaffMemberId { get; set; }
    public Guid? StudentId { get; set; }
    /// <summary>"zh-CN" or "en"; null follows the browser.</summary>
    public string? PreferredCulture { get; set; }
    public bool IsDisabled { get; set; }
    public DateTime CreatedUtc { get; set; }
}
