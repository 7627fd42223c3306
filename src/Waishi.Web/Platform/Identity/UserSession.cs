using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Identity;

/// <summary>
/// Builds the principal of a request from the database, on every request: a disabled account, a
/// removed role or a changed password takes effect on the user's next request.
/// </summary>
public sealed class UserSession(AppDbContext db, TenantContext tenant)
{
    public const string SecurityStampClaim = "AspNet.Identity.SecurityStamp";

    public async Task<ClaimsPrincipal?> LoadAsync(Guid userId, string? securityStamp, string scheme, CancellationToken ct)
    {
        using var _ = tenant.AsSystem();
        // One round trip: the account, its tenant and its roles.
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Join(db.Set<Tenant>(), u => u.TenantId, t => t.Id, (u, t) => new
            {
                u.Id, u.UserName, u.DisplayName, u.TenantId, u.IsDisabled, u.SecurityStamp, u.PreferredCulture,
                u.StaffMemberId, u.StudentId, TenantKind = t.Kind, TenantActive = t.IsActive, TenantNameZh = t.NameZh, TenantNameEn = t.NameEn,
                Roles = db.Set<RoleAssignment>().Where(r => r.UserId == u.Id).Select(r => new { r.Role, r.OrgUnitId }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (user is null || user.IsDisabled || !user.TenantActive
            || (securityStamp is not null && securityStamp != user.SecurityStamp))
        {
            return null;
        }
        var roles = user.Roles;

        var claims = new List<Claim>
        {
            new(WaishiClaims.UserId, user.Id.ToString()),
            new(ClaimTypes.Name, user.UserName ?? ""),
            new(WaishiClaims.DisplayName, user.DisplayName),
            new(WaishiClaims.TenantId, user.TenantId.ToString()),
            new(WaishiClaims.TenantKind, user.TenantKind.ToString()),
            new(WaishiClaims.TenantNameZh, user.TenantNameZh),
            new(WaishiClaims.TenantNameEn, user.TenantNameEn),
            new(WaishiClaims.Loaded, "1"),
        };
        if (user.SecurityStamp is not null)
        {
            claims.Add(new Claim(SecurityStampClaim, user.SecurityStamp));
        }
        if (user.PreferredCulture is not null)
        {
            claims.Add(new Claim(WaishiClaims.Culture, user.PreferredCulture));
        }
        if (user.StaffMemberId is { } staff)
        {
            claims.Add(new Claim(WaishiClaims.StaffId, staff.ToString()));
        }
        if (user.StudentId is { } student)
        {
            claims.Add(new Claim("waishi:student", student.ToString()));
        }
        foreach (var role in roles.Select(r => r.Role).Distinct())
        {
            claims.Add(new Claim(WaishiClaims.Role, role));
        }
        foreach (var scoped in roles.Where(r => r.OrgUnitId is not null))
        {
            claims.Add(new Claim(WaishiClaims.UnitRole, $"{scoped.Role}@{scoped.OrgUnitId}"));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, WaishiClaims.Role));
    }
}
