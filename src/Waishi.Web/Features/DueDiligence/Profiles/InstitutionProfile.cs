using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence.Profiles;

/// <summary>The risk an institution poses, set by a reviewer; imported profiles stay unrated until then.</summary>
public enum RiskLevel
{
    Unrated,
    None,
    Low,
    Medium,
    High,
    VeryHigh,
}

/// <summary>The categories of the ASPI tracker.</summary>
[Flags]
public enum InstitutionCategory
{
    None = 0,
    Civilian = 1,
    Military = 2,
    Security = 4,
    DefenceIndustryConglomerate = 8,
    SevenSons = 16,
}

/// <summary>
/// The tenant's due diligence on one institution: its names, what links it to defence and security,
/// the risk level a reviewer gave it and the sources behind it. List-like fields are text, one item a line.
/// </summary>
public sealed class InstitutionProfile : TenantEntity
{
    public string NameEn { get; set; } = "";
    public string? NameZh { get; set; }
    /// <summary>Other names and acronyms, one per line.</summary>
    public string? Aliases { get; set; }
    /// <summary>Every name normalised, joined with "|", for search.</summary>
    public string SearchText { get; set; } = "";
    public string? CountryCode { get; set; }
    public string? City { get; set; }
    public RiskLevel RiskLevel { get; set; }
    public string? RiskRationale { get; set; }
    /// <summary>The source row that backs the current risk level.</summary>
    public Guid? RiskSourceId { get; set; }
    public InstitutionCategory Categories { get; set; }
    public string? Summary { get; set; }
    public string? SupervisingAgencies { get; set; }
    public string? DefenceLaboratories { get; set; }
    public string? DefenceResearchAreas { get; set; }
    public string? SecurityCredentials { get; set; }
    public string? DefenceLinks { get; set; }
    public string? InternationalCollaborations { get; set; }
    public string? ResearchTopics { get; set; }
    public string? Subsidiaries { get; set; }
    public DateOnly? LastReviewedOn { get; set; }
    public string? ReviewerName { get; set; }
    public Guid? PartnerId { get; set; }
    /// <summary>The uuid of the imported entry (the ASPI tracker's), the key of a re-import.</summary>
    public string? ExternalUuid { get; set; }
    /// <summary>SHA-256 of the imported entry, so that a re-import of the same entry changes nothing.</summary>
    public string? ContentHash { get; set; }
    public DateTime CreatedUtc { get; set; }
    public List<ProfileAddress> Addresses { get; set; } = [];
    public List<ProfileSource> Sources { get; set; } = [];

    public string DisplayName(bool chinese) => chinese && !string.IsNullOrWhiteSpace(NameZh) ? NameZh! : NameEn;

    public static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IEnumerable<string> AllNames() =>
        new[] { NameEn, NameZh }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).Concat(Lines(Aliases));

    public void Index() =>
        SearchText = "|" + string.Join("|", AllNames().Select(Partners.NameNormaliser.Normalise).Where(n => n.Length > 0).Distinct()) + "|";
}

public sealed class ProfileAddress : TenantEntity
{
    public Guid ProfileId { get; set; }
    public string Text { get; set; } = "";
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public int SortOrder { get; set; }
}

public sealed class ProfileSource : TenantEntity
{
    public Guid ProfileId { get; set; }
    public string Title { get; set; } = "";
    public string? Url { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>
/// The per-tenant "profiles or lists changed" stamp: bumped by every change of a profile's names,
/// country or risk and by every watchlist import. The screening cache rebuilds when it moves.
/// </summary>
[NotAudited]
public sealed class DueDiligenceStamp : TenantEntity
{
    public long Value { get; set; }
    public DateTime ChangedUtc { get; set; }
}

internal sealed class InstitutionProfileConfiguration : IEntityTypeConfiguration<InstitutionProfile>
{
    public void Configure(EntityTypeBuilder<InstitutionProfile> b)
    {
        b.Property(p => p.NameEn).HasMaxLength(300);
        b.Property(p => p.NameZh).HasMaxLength(300);
        b.Property(p => p.Aliases).HasMaxLength(4000);
        b.Property(p => p.SearchText).HasMaxLength(8000);
        b.Property(p => p.CountryCode).HasMaxLength(2);
        b.Property(p => p.City).HasMaxLength(200);
        b.Property(p => p.RiskLevel).HasMaxLength(16);
        b.Property(p => p.RiskRationale).HasMaxLength(500);
        b.Property(p => p.Categories).HasConversion<int>();
        b.Property(p => p.ReviewerName).HasMaxLength(200);
        b.Property(p => p.ExternalUuid).HasMaxLength(36);
        b.Property(p => p.ContentHash).HasMaxLength(64);
        b.HasIndex(p => new { p.TenantId, p.ExternalUuid }).IsUnique();
        b.HasIndex(p => new { p.TenantId, p.RiskLevel });
        b.HasIndex(p => p.PartnerId);
        b.HasOne<Partners.Partner>().WithMany().HasForeignKey(p => p.PartnerId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(p => p.Addresses).WithOne().HasForeignKey(a => a.ProfileId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Sources).WithOne().HasForeignKey(s => s.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProfileAddressConfiguration : IEntityTypeConfiguration<ProfileAddress>
{
    public void Configure(EntityTypeBuilder<ProfileAddress> b)
    {
        b.Property(a => a.Text).HasMaxLength(500);
        b.HasIndex(a => a.ProfileId);
        b.HasIndex(a => a.TenantId);
    }
}

internal sealed class ProfileSourceConfiguration : IEntityTypeConfiguration<ProfileSource>
{
    public void Configure(EntityTypeBuilder<ProfileSource> b)
    {
        b.Property(s => s.Title).HasMaxLength(300);
        b.Property(s => s.Url).HasMaxLength(1000);
        b.HasIndex(s => s.ProfileId);
        b.HasIndex(s => s.TenantId);
    }
}

internal sealed class DueDiligenceStampConfiguration : IEntityTypeConfiguration<DueDiligenceStamp>
{
    public void Configure(EntityTypeBuilder<DueDiligenceStamp> b) => b.HasIndex(s => s.TenantId).IsUnique();
}

/// <summary>Children added to a loaded profile carry their key already, so EF would take them for
/// existing rows; this marks the new ones as added before a save.</summary>
public static class ProfileChildren
{
    public static void Track(Platform.Data.AppDbContext db, InstitutionProfile profile)
    {
        // Must run before anything makes the context detect changes (which would find them first);
        // detection stays off here so that looking at one child does not discover the others.
        var auto = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var child in profile.Addresses.Cast<object>().Concat(profile.Sources))
            {
                if (db.Entry(child).State == EntityState.Detached)
                {
                    db.Add(child);
                }
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = auto;
        }
    }
}
