using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waishi.Web.Features.Ror;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Partners;

public enum PartnerType
{
    University,
    ResearchInstitute,
    Company,
    Government,
    City,
    Ngo,
}

/// <summary>Foreign, or one of the three regions whose affairs the HMT section handles.</summary>
public enum PartnerRegion
{
    Foreign,
    HongKong,
    Macao,
    Taiwan,
}

/// <summary>A partner institution of the tenant, optionally linked to its ROR record.</summary>
[Stamped(ChangeStamps.Partners)]
public sealed class Partner : TenantEntity
{
    public string NameEn { get; set; } = "";
    public string? NameZh { get; set; }
    public string? NameLocal { get; set; }
    /// <summary>Acronyms, one per line.</summary>
    public string? Acronyms { get; set; }
    /// <summary>Former names, one per line.</summary>
    public string? FormerNames { get; set; }
    /// <summary>Every name normalised and joined with " | ", for search and duplicate detection.</summary>
    public string SearchText { get; set; } = "";
    public string CountryCode { get; set; } = "";
    public string? City { get; set; }
    public PartnerType Type { get; set; }
    public PartnerRegion Region { get; set; }
    /// <summary>The 9-character ROR id, if linked.</summary>
    public string? RorId { get; set; }
    /// <summary>The Erasmus Without Paper HEI id (SCHAC code, e.g. uw.edu.pl), for exchanging agreements.</summary>
    public string? EwpHeiId { get; set; }
    public string? Website { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedUtc { get; set; }
    public List<PartnerContact> Contacts { get; set; } = [];

    public string DisplayName(bool chinese) => chinese && !string.IsNullOrWhiteSpace(NameZh) ? NameZh! : NameEn;

    /// <summary>The region a country code implies: HK, MO and TW are the regions, anything else is foreign.</summary>
    public static PartnerRegion RegionOf(string? countryCode) => countryCode?.Trim().ToUpperInvariant() switch
    {
        "HK" => PartnerRegion.HongKong,
        "MO" => PartnerRegion.Macao,
        "TW" => PartnerRegion.Taiwan,
        _ => PartnerRegion.Foreign,
    };

    public static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split(['\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>All names of the partner (English, Chinese, local, acronyms, former names).</summary>
    public IEnumerable<string> AllNames() =>
        new[] { NameEn, NameZh, NameLocal }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim())
            .Concat(Lines(Acronyms)).Concat(Lines(FormerNames));

    /// <summary>Recomputes <see cref="SearchText"/> from the names.</summary>
    public void Index() =>
        SearchText = "|" + string.Join("|", AllNames().Select(NameNormaliser.Normalise).Where(n => n.Length > 0).Distinct()) + "|";
}

/// <summary>A person at a partner institution.</summary>
public sealed class PartnerContact : TenantEntity
{
    public Guid PartnerId { get; set; }
    public string Name { get; set; } = "";
    public string? Role { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Notes { get; set; }
    public int SortOrder { get; set; }
}

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> b)
    {
        b.Property(p => p.NameEn).HasMaxLength(300);
        b.Property(p => p.NameZh).HasMaxLength(300);
        b.Property(p => p.NameLocal).HasMaxLength(300);
        b.Property(p => p.Acronyms).HasMaxLength(500);
        b.Property(p => p.FormerNames).HasMaxLength(2000);
        b.Property(p => p.SearchText).HasMaxLength(4000);
        b.Property(p => p.CountryCode).HasMaxLength(2);
        b.Property(p => p.City).HasMaxLength(200);
        b.Property(p => p.Type).HasMaxLength(24);
        b.Property(p => p.Region).HasMaxLength(16);
        b.Property(p => p.RorId).HasMaxLength(9);
        b.Property(p => p.EwpHeiId).HasMaxLength(100);
        b.Property(p => p.Website).HasMaxLength(500);
        b.Property(p => p.Notes).HasMaxLength(2000);
        b.HasIndex(p => new { p.TenantId, p.RorId });
        // The Id makes it covering: the statistics group and join partners by country from the index alone.
        b.HasIndex(p => new { p.TenantId, p.CountryCode, p.Id });
        b.HasMany(p => p.Contacts).WithOne().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartnerContactConfiguration : IEntityTypeConfiguration<PartnerContact>
{
    public void Configure(EntityTypeBuilder<PartnerContact> b)
    {
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Role).HasMaxLength(200);
        b.Property(c => c.Email).HasMaxLength(256);
        b.Property(c => c.Phone).HasMaxLength(64);
        b.Property(c => c.Notes).HasMaxLength(1000);
        b.HasIndex(c => c.PartnerId);
        b.HasIndex(c => c.TenantId);
    }
}
