using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence.Watchlists;

public enum WatchlistImportState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>
/// A large list upload waiting for, or going through, the background import: the file (dropped when the
/// import ends), its mapping, how far the import got and how it ended. The queue is this table, so an
/// upload survives a restart until an instance takes it.
/// </summary>
[NotAudited]
public sealed class WatchlistImport : TenantEntity
{
    public Guid WatchlistId { get; set; }
    public string FileName { get; set; } = "";
    public byte[]? Content { get; set; }
    public string MappingJson { get; set; } = "";
    public WatchlistImportState State { get; set; }
    /// <summary>Rows of the file (entries and bad rows), counted at upload.</summary>
    public int RowsTotal { get; set; }
    /// <summary>Entries saved so far (all of them once done).</summary>
    public int RowsSaved { get; set; }
    public Guid? QueuedByUserId { get; set; }
    public string QueuedBy { get; set; } = "";
    public DateTime QueuedUtc { get; set; }
    public DateTime? StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
    /// <summary>The version the import created.</summary>
    public Guid? VersionId { get; set; }
    public string? Error { get; set; }

    public bool IsFinished => State is WatchlistImportState.Done or WatchlistImportState.Failed;
}

internal sealed class WatchlistImportConfiguration : IEntityTypeConfiguration<WatchlistImport>
{
    public void Configure(EntityTypeBuilder<WatchlistImport> b)
    {
        b.Property(i => i.FileName).HasMaxLength(300);
        b.Property(i => i.State).HasMaxLength(16);
        b.Property(i => i.QueuedBy).HasMaxLength(200);
        b.Property(i => i.Error).HasMaxLength(2000);
        b.Ignore(i => i.IsFinished);
        b.HasOne<Watchlist>().WithMany().HasForeignKey(i => i.WatchlistId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => i.WatchlistId);
        b.HasIndex(i => i.State);
        b.HasIndex(i => i.TenantId);
    }
}
