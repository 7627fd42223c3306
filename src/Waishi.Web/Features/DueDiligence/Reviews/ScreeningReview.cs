using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waishi.Web.Features.DueDiligence.Screening;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence.Reviews;

/// <summary>What a review of a screening hit came to.</summary>
public enum ScreeningReviewState
{
    /// <summary>Waiting for the security officer or the director.</summary>
    Open,
    /// <summary>The subject is the listed institution.</summary>
    TrueMatch,
    /// <summary>A namesake: the subject is not the listed institution.</summary>
    FalsePositive,
    /// <summary>Closed by the screening: the subject's names or the entries changed and the hit is gone.</summary>
    NoLongerHit,
}

/// <summary>The kinds of records that are screened.</summary>
public static class ScreeningSubjects
{
    public const string Partner = "partner";
    public const string Trip = "trip";
    public const string Visit = "visit";
    public const string Conference = "conference";
}

/// <summary>
/// One hit of a screened subject (a partner, the inviting organisation of a trip, ...) on a risk
/// profile or watchlist entry of the tenant, with the engine's explanation, and what the reviewer
/// decided about it.
/// </summary>
public sealed class ScreeningReview : TenantEntity
{
    public string SubjectType { get; set; } = "";
    public Guid SubjectId { get; set; }
    /// <summary>The subject's name that met the entry.</summary>
    public string ScreenedName { get; set; } = "";
    public string? CountryCode { get; set; }
    public ScreeningSourceKind EntryKind { get; set; }
    public Guid EntryId { get; set; }
    public string EntryName { get; set; } = "";
    public string? EntryCountryCode { get; set; }
    public string? ListName { get; set; }
    public double Score { get; set; }
    public ScreeningMatchKind MatchKind { get; set; }
    /// <summary>The entry's name or alias that matched.</summary>
    public string MatchedName { get; set; } = "";
    public int EditDistance { get; set; }
    public string? Branch { get; set; }
    public bool CountryDiffers { get; set; }
    /// <summary>The engine's explanation in English (pages show the localised one).</summary>
    public string Explanation { get; set; } = "";
    public ScreeningReviewState State { get; set; }
    public string? Note { get; set; }
    /// <summary>Set when the decision was taken from an earlier decision on the same name and entry.</summary>
    public bool Remembered { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public DateTime CreatedUtc { get; set; }

    public bool IsOpen => State == ScreeningReviewState.Open;

    /// <summary>The hit as the engine described it, to explain it in the reader's language.</summary>
    public ScreeningCandidate AsCandidate() => new(
        new ScreeningEntry(EntryKind, EntryId, EntryName, [], EntryCountryCode, ListName: ListName),
        Score, MatchedName, MatchKind, EditDistance, Branch, CountryDiffers);
}

/// <summary>
/// The memory of decisions: a name once decided against an entry keeps that decision, so a later hit
/// of the same (normalised) name on the same entry is not asked again.
/// </summary>
public sealed class ScreeningDecision : TenantEntity
{
    public string NormalisedName { get; set; } = "";
    public ScreeningSourceKind EntryKind { get; set; }
    public Guid EntryId { get; set; }
    public ScreeningReviewState Outcome { get; set; }
    public string? Note { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public string DecidedBy { get; set; } = "";
    public DateTime DecidedUtc { get; set; }
}

/// <summary>The entry-set stamp a tenant's subjects were last screened with (read by the screening job).</summary>
public sealed class ScreeningRun : TenantEntity
{
    public long Stamp { get; set; }
    public DateTime ScreenedUtc { get; set; }
}

internal sealed class ScreeningReviewConfiguration : IEntityTypeConfiguration<ScreeningReview>
{
    public void Configure(EntityTypeBuilder<ScreeningReview> b)
    {
        b.Property(r => r.SubjectType).HasMaxLength(16);
        b.Property(r => r.ScreenedName).HasMaxLength(500);
        b.Property(r => r.CountryCode).HasMaxLength(2);
        b.Property(r => r.EntryKind).HasMaxLength(16);
        b.Property(r => r.EntryName).HasMaxLength(500);
        b.Property(r => r.EntryCountryCode).HasMaxLength(2);
        b.Property(r => r.ListName).HasMaxLength(200);
        b.Property(r => r.MatchKind).HasMaxLength(24);
        b.Property(r => r.MatchedName).HasMaxLength(500);
        b.Property(r => r.Branch).HasMaxLength(200);
        b.Property(r => r.Explanation).HasMaxLength(1000);
        b.Property(r => r.State).HasMaxLength(16);
        b.Property(r => r.Note).HasMaxLength(2000);
        b.Property(r => r.DecidedBy).HasMaxLength(200);
        b.Ignore(r => r.IsOpen);
        b.HasIndex(r => new { r.TenantId, r.SubjectType, r.SubjectId });
        b.HasIndex(r => new { r.TenantId, r.State });
    }
}

internal sealed class ScreeningDecisionConfiguration : IEntityTypeConfiguration<ScreeningDecision>
{
    public void Configure(EntityTypeBuilder<ScreeningDecision> b)
    {
        b.Property(d => d.NormalisedName).HasMaxLength(500);
        b.Property(d => d.EntryKind).HasMaxLength(16);
        b.Property(d => d.Outcome).HasMaxLength(16);
        b.Property(d => d.Note).HasMaxLength(2000);
        b.Property(d => d.DecidedBy).HasMaxLength(200);
        b.HasIndex(d => new { d.TenantId, d.NormalisedName, d.EntryKind, d.EntryId }).IsUnique();
    }
}

internal sealed class ScreeningRunConfiguration : IEntityTypeConfiguration<ScreeningRun>
{
    public void Configure(EntityTypeBuilder<ScreeningRun> b) => b.HasIndex(r => r.TenantId).IsUnique();
}
