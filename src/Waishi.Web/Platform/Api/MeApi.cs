using System.Security.Claims;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Platform.Api;

public static class MeApi
{
    public sealed record Me(Guid Id, string UserName, string DisplayName, Guid TenantId, string TenantKind, string[] Roles);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/me", (ClaimsPrincipal user) => new Me(
                user.GetUserId()!.Value,
                user.Identity!.Name!,
                user.FindFirstValue(WaishiClaims.DisplayName) ?? "",
                user.GetTenantId()!.Value,
                user.FindFirstValue(WaishiClaims.TenantKind) ?? "",
                [.. user.FindAll(WaishiClaims.Role).Select(c => c.Value)]))
            .WithName("GetMe")
            .WithSummary("The signed-in user, tenant and roles.");
    }
}
