using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Identity;

public static class IdentitySetup
{
    public const string SignInRateLimit = "sign-in";
    /// <summary>The cookie or bearer scheme, chosen per request by the Authorization header.</summary>
    public const string SmartScheme = "cookie-or-bearer";

    public static IServiceCollection AddWaishiIdentity(this IServiceCollection services)
    {
        services.AddScoped<UserSession>();
        services.AddOptions<PasswordHasherOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            // PBKDF2 with HMAC-SHA512; at least the 210,000 iterations OWASP recommends.
            o.IterationCount = Math.Max(210_000, configuration.GetValue("Security:PasswordIterations", 210_000));
        });

        services.AddOptions<IdentityOptions>().Configure<IConfiguration>((o, configuration) =>
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Security:LockoutMinutes", 15)));
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.SignIn.RequireConfirmedAccount = false;
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version2;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? AccessTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = "waishi.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/Account/SignIn";
                o.LogoutPath = "/Account/SignOut";
                o.AccessDeniedPath = "/Account/Denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = ValidateAsync,
                    OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden),
                };
            })
            .AddScheme<AuthenticationSchemeOptions, AccessTokenHandler>(AccessTokenHandler.SchemeName, null);

        services.AddAuthorization(Policies.Add);

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only attempts count: showing the form is free.
            o.AddPolicy(SignInRateLimit, ctx => HttpMethods.IsGet(ctx.Request.Method) ? RateLimitPartition.GetNoLimiter("form") : RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = ctx.RequestServices.GetRequiredService<IConfiguration>().GetValue("Security:SignInAttemptsPerMinute", 10), Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        return services;
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var userId = context.Principal?.GetUserId();
        var session = context.HttpContext.RequestServices.GetRequiredService<UserSession>();
        var stamp = context.Principal?.FindFirst(UserSession.SecurityStampClaim)?.Value;
        var fresh = userId is null ? null : await session.LoadAsync(userId.Value, stamp, context.Scheme.Name, context.HttpContext.RequestAborted);
        if (fresh is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }
        context.ReplacePrincipal(fresh);
    }

    private static Task ApiAware<T>(Microsoft.AspNetCore.Authentication.RedirectContext<T> ctx, int status)
        where T : AuthenticationSchemeOptions
    {
        // Machine clients (the API and its OpenAPI document) get a status, not a sign-in page.
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/openapi"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
