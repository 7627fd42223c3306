using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Documents;

/// <summary>The kinds of document the system issues; each is also the English key of its name.</summary>
public static class DocumentKinds
{
    public const string TripApproval = "trip-approval";
    public const string InvitationLetter = "invitation-letter";

    public static string Label(string kind) => kind switch
    {
        TripApproval => "Approval of an official trip abroad",
        InvitationLetter => "Invitation letter",
        _ => kind,
    };
}

/// <summary>
/// One document the institution issued (a trip's 批件, later invitation letters). The verification
/// code printed on it lets anyone check at /Public/Verify that it exists and is still valid; the
/// public fields are a copy of what was printed, so that the check reads nothing else.
/// </summary>
public sealed class IssuedDocument : TenantEntity
{
    public required string Kind { get; set; }
    /// <summary>The document number printed on it, unique per tenant and kind.</summary>
    public required string Number { get; set; }
    /// <summary>Twelve characters of Crockford base32, stored without separators (see <see cref="VerificationCode"/>).</summary>
    public required string Code { get; set; }
    /// <summary>The record the document is about (a trip).</summary>
    public Guid SubjectId { get; set; }
    public required string IssuerZh { get; set; }
    public required string IssuerEn { get; set; }
    /// <summary>The people named in the document, as printed ("张三 Zhang San; 李四 Li Si").</summary>
    public required string Names { get; set; }
    public string? Destination { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public DateTime IssuedUtc { get; set; }
    public bool Revoked { get; set; }
    public DateTime? RevokedUtc { get; set; }
}

internal sealed class IssuedDocumentConfiguration : IEntityTypeConfiguration<IssuedDocument>
{
    public void Configure(EntityTypeBuilder<IssuedDocument> b)
    {
        b.Property(d => d.Kind).HasMaxLength(32);
        b.Property(d => d.Number).HasMaxLength(40);
        b.Property(d => d.Code).HasMaxLength(VerificationCode.Length);
        b.Property(d => d.IssuerZh).HasMaxLength(200);
        b.Property(d => d.IssuerEn).HasMaxLength(200);
        b.Property(d => d.Names).HasMaxLength(2000);
        b.Property(d => d.Destination).HasMaxLength(500);
        // The code is looked up without a tenant (the public check), so it is unique across tenants.
        b.HasIndex(d => d.Code).IsUnique();
        b.HasIndex(d => new { d.TenantId, d.Kind, d.Number }).IsUnique();
        b.HasIndex(d => new { d.TenantId, d.Kind, d.SubjectId });
    }
}
