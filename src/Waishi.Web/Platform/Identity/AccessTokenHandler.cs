using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Identity;

/// <summary>Authenticates "Authorization: Bearer wsh_…" with a personal access token.</summary>
public sealed class AccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AppDbContext db, TenantContext tenant, UserSession session, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public const string TokenPrefix = "wsh_";

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A new random token: the prefix and 32 random bytes in base64url.</summary>
    public static string NewSecret() =>
        TokenPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("Not a Waishi access token.");
        }
        var hash = Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        PersonalAccessToken? token;
        using (tenant.AsSystem())
        {
            token = await db.Set<PersonalAccessToken>().AsNoTracking()
                .FirstOrDefaultAsync(t => t.SecretHash == hash, Context.RequestAborted);
        }
        if (token is null || token.RevokedUtc is not null || (token.ExpiresUtc is { } expires && expires <= now))
        {
            return AuthenticateResult.Fail("The access token is unknown, revoked or expired.");
        }
        var principal = await session.LoadAsync(token.UserId, token.SecurityStamp, SchemeName, Context.RequestAborted);
        if (principal is null)
        {
            return AuthenticateResult.Fail("The token's user is disabled or has changed their password.");
        }
        if (token.LastUsedUtc is null || now - token.LastUsedUtc > TimeSpan.FromMinutes(5))
        {
            // Throttled so that an API client does not turn every read into a write.
            using (tenant.AsSystem())
            {
                await db.Set<PersonalAccessToken>().Where(t => t.Id == token.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedUtc, now), Context.RequestAborted);
            }
        }
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
