using System.Security.Claims;

namespace Waishi.Web.Platform.Identity;

public static class WaishiClaims
{
    public const string UserId = ClaimTypes.NameIdentifier;
    public const string TenantId = "waishi:tenant";
    public const string TenantKind = "waishi:tenant-kind";
    /// <summary>A role held in the tenant; a unit-scoped role also appears as "role@unitId" in <see cref="UnitRole"/>.</summary>
    public const string Role = "waishi:role";
    public const string UnitRole = "waishi:unit-role";
    public const string Culture = "waishi:culture";
    public const string DisplayName = "waishi:name";
    /// <summary>The staff member of the account; absent when it has none.</summary>
    public const string StaffId = "waishi:staff";
    /// <summary>The tenant's names, read with the account on each request (for the page header).</summary>
    public const string TenantNameZh = "waishi:tenant-name-zh";
    public const string TenantNameEn = "waishi:tenant-name-en";
    /// <summary>Set on a principal built from the database for this request (<c>UserSession</c>): its
    /// claims are current, so a page may read the staff id or tenant name from them.</summary>
    public const string Loaded = "waishi:loaded";

    public static Guid? GetUserId(this ClaimsPrincipal p) =>
        Guid.TryParse(p.FindFirstValue(UserId), out var id) ? id : null;

    public static Guid? GetTenantId(this ClaimsPrincipal p) =>
        Guid.TryParse(p.FindFirstValue(TenantId), out var id) ? id : null;

    public static bool HasRole(this ClaimsPrincipal p, string role) => p.HasClaim(Role, role);

    /// <summary>Whether the principal was read from the database for this request (see <see cref="Loaded"/>).</summary>
    public static bool IsLoaded(this ClaimsPrincipal p) => p.HasClaim(Loaded, "1");

    /// <summary>The account's staff member as loaded for this request; null when it has none.</summary>
    public static Guid? GetStaffId(this ClaimsPrincipal p) =>
        Guid.TryParse(p.FindFirstValue(StaffId), out var id) ? id : null;

    public static bool HasAnyRole(this ClaimsPrincipal p, params string[] roles) =>
        roles.Any(r => p.HasClaim(Role, r));

    /// <summary>Unit ids for which the user holds <paramref name="role"/>.</summary>
    public static IEnumerable<Guid> UnitsFor(this ClaimsPrincipal p, string role) =>
        p.FindAll(UnitRole)
            .Select(c => c.Value.Split('@'))
            .Where(parts => parts.Length == 2 && parts[0] == role && Guid.TryParse(parts[1], out _))
            .Select(parts => Guid.Parse(parts[1]));
}
