using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Ror;

/// <summary>
/// One organisation of the Research Organization Registry. The registry is one copy per deployment
/// (not tenant-owned): every tenant reads it, only the authority's tenant admin imports it. The
/// repeating parts (names, locations, links, external ids, relationships) are kept as JSON columns;
/// the first location, the display name and a normalised text of all names are columns for search.
/// It is reference data replaced by imports, so its rows do not go into the audit log.
/// </summary>
[NotAudited]
public sealed class RorOrganisation : Entity
{
    /// <summary>The 9-character ROR id (the part after https://ror.org/).</summary>
    public string RorId { get; set; } = "";
    public string Status { get; set; } = "";
    /// <summary>The types joined with commas (education, funder, healthcare, company, ...).</summary>
    public string Types { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>Every name normalised (see <see cref="Partners.NameNormaliser"/>) and joined with " | ".</summary>
    public string SearchText { get; set; } = "";
    public string? CountryCode { get; set; }
    public string? CountryName { get; set; }
    public string? City { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Website { get; set; }
    public string? Wikipedia { get; set; }
    public int? Established { get; set; }
    public DateOnly? LastModified { get; set; }
    public string NamesJson { get; set; } = "[]";
    public string LocationsJson { get; set; } = "[]";
    public string LinksJson { get; set; } = "[]";
    public string ExternalIdsJson { get; set; } = "[]";
    public string RelationshipsJson { get; set; } = "[]";
    /// <summary>SHA-256 of the imported content: a re-import of the same record changes nothing.</summary>
    public string ContentHash { get; set; } = "";
    public DateTime ImportedUtc { get; set; }

    public const string UrlPrefix = "https://ror.org/";
    public string Url => UrlPrefix + RorId;
}

internal sealed class RorOrganisationConfiguration : IEntityTypeConfiguration<RorOrganisation>
{
    public void Configure(EntityTypeBuilder<RorOrganisation> b)
    {
        b.Property(r => r.RorId).HasMaxLength(9);
        b.Property(r => r.Status).HasMaxLength(16);
        b.Property(r => r.Types).HasMaxLength(200);
        b.Property(r => r.DisplayName).HasMaxLength(500);
        b.Property(r => r.CountryCode).HasMaxLength(2);
        b.Property(r => r.CountryName).HasMaxLength(100);
        b.Property(r => r.City).HasMaxLength(200);
        b.Property(r => r.Website).HasMaxLength(500);
        b.Property(r => r.Wikipedia).HasMaxLength(500);
        b.Property(r => r.ContentHash).HasMaxLength(64);
        b.Ignore(r => r.Url);
        b.HasIndex(r => r.RorId).IsUnique();
        b.HasIndex(r => new { r.CountryCode, r.Status });
    }
}
