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
        var user = await Session(db, userId, ct);
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

    // Compiled once: this runs before every signed-in request, and translating the expression
    // anew (funcletizing it and finding it in the query cache) cost as much as running it.
    // One round trip: the account, its tenant and its roles.
    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<SessionRow?>> Session =
        EF.CompileAsyncQuery((AppDbContext db, Guid userId, CancellationToken ct) => db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Join(db.Set<Tenant>(), u => u.TenantId, t => t.Id, (u, t) => new SessionRow
            {
                Id = u.Id, UserName = u.UserName, DisplayName = u.DisplayName, TenantId = u.TenantId, IsDisabled = u.IsDisabled,
                SecurityStamp = u.SecurityStamp, PreferredCulture = u.PreferredCulture, StaffMemberId = u.StaffMemberId,
                StudentId = u.StudentId, TenantKind = t.Kind, TenantActive = t.IsActive, TenantNameZh = t.NameZh, TenantNameEn = t.NameEn,
                Roles = db.Set<RoleAssignment>().Where(r => r.UserId == u.Id).Select(r => new SessionRole { Role = r.Role, OrgUnitId = r.OrgUnitId }).ToList(),
            })
            .FirstOrDefault());

    private sealed class SessionRow
    {
        public Guid Id { get; init; }
        public string? UserName { get; init; }
        public required string DisplayName { get; init; }
        public Guid TenantId { get; init; }
        public bool IsDisabled { get; init; }
        public string? SecurityStamp { get; init; }
        public string? PreferredCulture { get; init; }
        public Guid? StaffMemberId { get; init; }
        public Guid? StudentId { get; init; }
        public TenantKind TenantKind { get; init; }
        public bool TenantActive { get; init; }
        public required string TenantNameZh { get; init; }
        public required string TenantNameEn { get; init; }
        public required List<SessionRole> Roles { get; init; }
    }

    private sealed class SessionRole
    {
        public required string Role { get; init; }
        public Guid? OrgUnitId { get; init; }
    }
}
