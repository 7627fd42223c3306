using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Identity;

/// <summary>A bearer token for the JSON API. Only the SHA-256 of the secret is stored; the secret
/// is shown once when the token is created.</summary>
public sealed class PersonalAccessToken : TenantEntity
{
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>The first characters of the token, to recognise it in the list.</summary>
    public required string Prefix { get; set; }
    [AuditRedacted]
    public required string SecretHash { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ExpiresUtc { get; set; }
    /// <summary>Stamped on use (at most every five minutes) outside the unit of work, so not part of the
    /// audited state: <c>audit verify</c> would otherwise report every used token as changed.</summary>
    [AuditRedacted]
    public DateTime? LastUsedUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
    /// <summary>The account's security stamp when the token was made: a new password renews the
    /// stamp and so ends the token.</summary>
    [AuditRedacted]
    [System.ComponentModel.DataAnnotations.MaxLength(256)]
    public string? SecurityStamp { get; set; }
}
