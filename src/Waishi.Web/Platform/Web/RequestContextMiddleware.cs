using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Web;

/// <summary>Sets the tenant and the actor of the request from the authenticated principal.
/// An anonymous request has no tenant and sees no tenant-owned rows.</summary>
public sealed class RequestContextMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, TenantContext tenant, Actor actor)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && user.GetTenantId() is { } tenantId
            && Enum.TryParse<TenantKind>(user.FindFirst(WaishiClaims.TenantKind)?.Value, out var kind))
        {
            tenant.Set(tenantId, kind);
            actor.Set(user.GetUserId(), user.Identity.Name ?? "");
        }
        else
        {
            actor.Set(null, "anonymous");
        }
        return next(context);
    }
}
