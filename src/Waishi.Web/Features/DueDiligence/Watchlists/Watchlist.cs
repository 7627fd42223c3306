using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence.Watchlists;

/// <summary>A named screening list of the tenant (e.g. the US Consolidated Screening List), imported in versions.</summary>
public sealed class Watchlist : TenantEntity
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string? Source { get; set; }
    /// <summary>The column mapping last used to import it (JSON of <see cref="WatchlistMapping"/>), remembered for the next import.</summary>
    public string? MappingJson { get; set; }
    /// <summary>The version whose entries screen; older versions are kept for the record.</summary>
    public Guid? CurrentVersionId { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>One import of a watchlist file, with what changed against the version before it.</summary>
public sealed class WatchlistVersion : TenantEntity
{
    public Guid WatchlistId { get; set; }
    public int Number { get; set; }
    public DateTime ImportedUtc { get; set; }
    public string ImportedBy { get; set; } = "";
    public string FileName { get; set; } = "";
    public int EntryCount { get; set; }
    public int Added { get; set; }
    public int Removed { get; set; }
    public int Changed { get; set; }
    public int BadRows { get; set; }
    /// <summary>The rows that could not be read, one "line N: reason" a line.</summary>
    public string? Problems { get; set; }
}

/// <summary>One listed party of a watchlist version.</summary>
public sealed class WatchlistEntry : TenantEntity
{
    public Guid WatchlistId { get; set; }
    public Guid VersionId { get; set; }
    /// <summary>What identifies the entry across versions: the list's id column, or name + source + programs.</summary>
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Other names, one per line.</summary>
    public string? Aliases { get; set; }
    public string? CountryCode { get; set; }
    public string? Addresses { get; set; }
    public string? Source { get; set; }
    public string? Programs { get; set; }
    public DateOnly? StartOn { get; set; }
    public DateOnly? EndOn { get; set; }
    public string? Remarks { get; set; }
    /// <summary>The row as read (JSON object of column → value).</summary>
    public string RawRow { get; set; } = "";
    /// <summary>SHA-256 of the mapped fields, to tell a changed entry from an unchanged one.</summary>
    public string ContentHash { get; set; } = "";
    public int LineNumber { get; set; }

    public bool IsExpired(DateOnly today) => EndOn is { } end && end < today;
}

internal sealed class WatchlistConfiguration : IEntityTypeConfiguration<Watchlist>
{
    public void Configure(EntityTypeBuilder<Watchlist> b)
    {
        b.Property(w => w.Name).HasMaxLength(200);
        b.Property(w => w.Description).HasMaxLength(2000);
        b.Property(w => w.Source).HasMaxLength(500);
        b.HasIndex(w => new { w.TenantId, w.Name }).IsUnique();
    }
}

internal sealed class WatchlistVersionConfiguration : IEntityTypeConfiguration<WatchlistVersion>
{
    public void Configure(EntityTypeBuilder<WatchlistVersion> b)
    {
        b.Property(v => v.ImportedBy).HasMaxLength(200);
        b.Property(v => v.FileName).HasMaxLength(300);
        b.HasOne<Watchlist>().WithMany().HasForeignKey(v => v.WatchlistId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.WatchlistId, v.Number }).IsUnique();
        b.HasIndex(v => v.TenantId);
    }
}

internal sealed class WatchlistEntryConfiguration : IEntityTypeConfiguration<WatchlistEntry>
{
    public void Configure(EntityTypeBuilder<WatchlistEntry> b)
    {
        b.Property(e => e.Key).HasMaxLength(1000);
        b.Property(e => e.Name).HasMaxLength(500);
        b.Property(e => e.CountryCode).HasMaxLength(2);
        b.Property(e => e.Source).HasMaxLength(300);
        b.Property(e => e.Programs).HasMaxLength(1000);
        b.Property(e => e.ContentHash).HasMaxLength(64);
        b.HasOne<Watchlist>().WithMany().HasForeignKey(e => e.WatchlistId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<WatchlistVersion>().WithMany().HasForeignKey(e => e.VersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => e.VersionId);
        b.HasIndex(e => e.WatchlistId);
        b.HasIndex(e => e.TenantId);
    }
}
