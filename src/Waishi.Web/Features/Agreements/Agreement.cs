using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Ewp;

namespace Waishi.Web.Features.Agreements;

/// <summary>The kinds of agreement the office signs; each has its own review chain.</summary>
public enum AgreementType
{
    FrameworkMou,
    StudentExchange,
    StaffExchange,
    JointDegree,
    CooperativeEducation,
    ResearchCooperation,
    SummerSchool,
}

/// <summary>
/// The lifecycle: draft → in review → approved for signing → active → expiring → expired,
/// terminated or renewed. A review can return the draft (back to <see cref="Returned"/>, edited and
/// resubmitted) or reject it.
/// </summary>
public enum AgreementState
{
    Draft,
    InReview,
    Returned,
    Rejected,
    ApprovedForSigning,
    Active,
    Expiring,
    Expired,
    Terminated,
    Renewed,
}

/// <summary>Which way a mobility goes, seen from the tenant: out to a partner or in from one.</summary>
public enum MobilityDirection
{
    Outgoing,
    Incoming,
}

/// <summary>An agreement of the tenant with one or more partner institutions.</summary>
[Stamped(ChangeStamps.Partners)]
public sealed class Agreement : TenantEntity
{
    /// <summary>The filing number given at first submission (AGR-2026-0001).</summary>
    public string? Number { get; set; }
    public string Title { get; set; } = "";
    public AgreementType Type { get; set; }
    public AgreementState State { get; set; }
    /// <summary>The tenant's org unit that signs (the university itself or a college).</summary>
    public Guid? SigningUnitId { get; set; }
    /// <summary>The user of the office who is responsible for the agreement.</summary>
    public Guid? OfficerUserId { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DateOnly? EffectiveOn { get; set; }
    /// <summary>The last day the agreement is in force; null for an open-ended agreement.</summary>
    public DateOnly? ExpiresOn { get; set; }
    /// <summary>Renews itself for <see cref="RenewalMonths"/> at expiry unless terminated.</summary>
    public bool AutoRenew { get; set; }
    public int? RenewalMonths { get; set; }
    /// <summary>ISCED-F codes with optional clarification, one per line ("0610 Computer science").</summary>
    public string? SubjectAreas { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedUtc { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateTime? SubmittedUtc { get; set; }
    public DateTime? ApprovedUtc { get; set; }
    /// <summary>The approval case of the current review, if any.</summary>
    public Guid? CaseId { get; set; }
    /// <summary>The agreement this one renews (its terms were carried over).</summary>
    public Guid? RenewsAgreementId { get; set; }
    public DateOnly? TerminatedOn { get; set; }
    public string? TerminationReason { get; set; }
    /// <summary>Set by the nightly check: active with no mobility recorded under it for two years.</summary>
    public bool Dormant { get; set; }
    /// <summary>Our iia-id for Erasmus Without Paper (given at first export or import).</summary>
    public string? EwpIiaId { get; set; }
    /// <summary>The partner's iia-id of its copy of this agreement, once linked.</summary>
    public string? EwpPartnerIiaId { get; set; }

    public List<AgreementParty> Parties { get; set; } = [];
    public List<AgreementSignatory> Signatories { get; set; } = [];
    public List<AgreementQuota> Quotas { get; set; } = [];

    /// <summary>States in which the agreement is in force.</summary>
    public static readonly IReadOnlyList<AgreementState> InForce = [AgreementState.Active, AgreementState.Expiring];

    public bool IsInForce => InForce.Contains(State);

    /// <summary>States in which the terms can still be edited.</summary>
    public bool IsEditable => State is AgreementState.Draft or AgreementState.Returned;
}

/// <summary>A partner institution that is a party to an agreement (one or more per agreement).</summary>
[Stamped(ChangeStamps.Partners)]
public sealed class AgreementParty : TenantEntity
{
    public Guid AgreementId { get; set; }
    public Guid PartnerId { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A person who signs (or signed) an agreement, on our side or for a partner.</summary>
public sealed class AgreementSignatory : TenantEntity
{
    public Guid AgreementId { get; set; }
    /// <summary>The partner the signatory signs for; null for our own side.</summary>
    public Guid? PartnerId { get; set; }
    public string Name { get; set; } = "";
    public string? Title { get; set; }
    public DateOnly? SignedOn { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>
/// A quota of an agreement: places per year for one kind of mobility in one direction with one
/// partner, over a range of academic years, with the cooperation conditions Erasmus Without Paper
/// exchanges (months or days per year, subject areas, EQF levels, language skills).
/// </summary>
public sealed class AgreementQuota : TenantEntity
{
    public Guid AgreementId { get; set; }
    /// <summary>The partner at the other end; must be one of the agreement's parties.</summary>
    public Guid PartnerId { get; set; }
    public MobilityDirection Direction { get; set; }
    public MobilityKind Kind { get; set; }
    /// <summary>The start year of the first academic year (2026 for 2026/2027).</summary>
    public int FirstYear { get; set; }
    /// <summary>The start year of the last academic year.</summary>
    public int LastYear { get; set; }
    public int PlacesPerYear { get; set; }
    /// <summary>Total months per year (student mobilities).</summary>
    public decimal? MonthsPerYear { get; set; }
    /// <summary>Total days per year (staff mobilities).</summary>
    public decimal? DaysPerYear { get; set; }
    /// <summary>Student mobilities only: may be blended.</summary>
    public bool Blended { get; set; }
    /// <summary>ISCED-F codes with optional clarification, one per line; empty means any.</summary>
    public string? SubjectAreas { get; set; }
    /// <summary>EQF levels (5 to 8) separated by commas, for student mobilities.</summary>
    public string? EqfLevels { get; set; }
    /// <summary>Recommended language skills, one per line: "en B2" or "de B1 0610".</summary>
    public string? LanguageSkills { get; set; }
    public string? OtherTerms { get; set; }
    public int SortOrder { get; set; }

    public static string AcademicYear(int startYear) => $"{startYear}/{startYear + 1}";
}

/// <summary>
/// One mobility counted against an agreement's quota: entered by hand for now, later recorded by
/// student exchange and trips (<see cref="SourceType"/>/<see cref="SourceId"/> then say which).
/// </summary>
public sealed class AgreementMobility : TenantEntity
{
    public Guid AgreementId { get; set; }
    public Guid PartnerId { get; set; }
    public MobilityDirection Direction { get; set; }
    public MobilityKind Kind { get; set; }
    /// <summary>The start year of the academic year the mobility counts in.</summary>
    public int Year { get; set; }
    public string PersonName { get; set; } = "";
    public DateOnly? StartOn { get; set; }
    public DateOnly? EndOn { get; set; }
    public string? Notes { get; set; }
    /// <summary>"trip", "exchange" or null when entered by hand.</summary>
    public string? SourceType { get; set; }
    public Guid? SourceId { get; set; }
    public DateTime RecordedUtc { get; set; }
    public Guid RecordedByUserId { get; set; }
}

public enum AgreementDocumentKind
{
    Draft,
    Signed,
    Other,
}

/// <summary>A file of an agreement (drafts, the signed PDF), kept in the database with its bytes.</summary>
public sealed class AgreementDocument : TenantEntity
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public Guid AgreementId { get; set; }
    public AgreementDocumentKind Kind { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTime UploadedUtc { get; set; }
    public Guid UploadedByUserId { get; set; }
}

/// <summary>A tenant's settings for agreements (one row; defaults when there is none).</summary>
public sealed class AgreementPolicy : TenantEntity
{
    /// <summary>The institution's Erasmus Without Paper HEI id (SCHAC code), used in agreement exchange.</summary>
    public string? EwpHeiId { get; set; }
    /// <summary>An active agreement becomes "expiring" this many days before its expiry date.</summary>
    public int ExpiringDays { get; set; } = 180;
    /// <summary>Days before expiry at which the officer is reminded, separated by commas.</summary>
    public string ReminderDays { get; set; } = "180,90,30";
    /// <summary>An active agreement with no mobility for this many years is flagged dormant.</summary>
    public int DormantYears { get; set; } = 2;

    public IReadOnlyList<int> ReminderDayList =>
        ReminderDays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.TryParse(d, out var n) ? n : -1).Where(n => n >= 0).Distinct().OrderDescending().ToList();

    public static async Task<AgreementPolicy> LoadAsync(AppDbContext db, CancellationToken ct = default) =>
        await db.Set<AgreementPolicy>().AsNoTracking().FirstOrDefaultAsync(ct) ?? new AgreementPolicy();
}

internal sealed class AgreementPolicyConfiguration : IEntityTypeConfiguration<AgreementPolicy>
{
    public void Configure(EntityTypeBuilder<AgreementPolicy> b)
    {
        b.Property(p => p.EwpHeiId).HasMaxLength(100);
        b.Property(p => p.ReminderDays).HasMaxLength(50);
        b.HasIndex(p => p.TenantId).IsUnique();
    }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> b)
    {
        b.Property(a => a.Number).HasMaxLength(20);
        b.Property(a => a.Title).HasMaxLength(300);
        b.Property(a => a.Type).HasMaxLength(24);
        b.Property(a => a.State).HasMaxLength(24);
        b.Property(a => a.SubjectAreas).HasMaxLength(2000);
        b.Property(a => a.Notes).HasMaxLength(4000);
        b.Property(a => a.TerminationReason).HasMaxLength(1000);
        b.Property(a => a.EwpIiaId).HasMaxLength(64);
        b.Property(a => a.EwpPartnerIiaId).HasMaxLength(64);
        b.HasIndex(a => new { a.TenantId, a.State, a.ExpiresOn });
        b.HasIndex(a => new { a.TenantId, a.Number }).IsUnique();
        b.HasIndex(a => a.CaseId);
        b.HasIndex(a => a.RenewsAgreementId);
        b.HasMany(a => a.Parties).WithOne().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Signatories).WithOne().HasForeignKey(s => s.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Quotas).WithOne().HasForeignKey(q => q.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementPartyConfiguration : IEntityTypeConfiguration<AgreementParty>
{
    public void Configure(EntityTypeBuilder<AgreementParty> b)
    {
        b.HasOne<Partners.Partner>().WithMany().HasForeignKey(p => p.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.AgreementId, p.PartnerId }).IsUnique();
        b.HasIndex(p => p.PartnerId);
        b.HasIndex(p => p.TenantId);
    }
}

internal sealed class AgreementSignatoryConfiguration : IEntityTypeConfiguration<AgreementSignatory>
{
    public void Configure(EntityTypeBuilder<AgreementSignatory> b)
    {
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Title).HasMaxLength(200);
        b.HasIndex(s => s.AgreementId);
        b.HasIndex(s => s.TenantId);
    }
}

internal sealed class AgreementQuotaConfiguration : IEntityTypeConfiguration<AgreementQuota>
{
    public void Configure(EntityTypeBuilder<AgreementQuota> b)
    {
        b.Property(q => q.Direction).HasMaxLength(16);
        b.Property(q => q.Kind).HasMaxLength(24);
        b.Property(q => q.MonthsPerYear).HasPrecision(6, 2);
        b.Property(q => q.DaysPerYear).HasPrecision(6, 2);
        b.Property(q => q.SubjectAreas).HasMaxLength(2000);
        b.Property(q => q.EqfLevels).HasMaxLength(20);
        b.Property(q => q.LanguageSkills).HasMaxLength(1000);
        b.Property(q => q.OtherTerms).HasMaxLength(2000);
        b.HasIndex(q => q.AgreementId);
        b.HasIndex(q => q.TenantId);
    }
}

internal sealed class AgreementMobilityConfiguration : IEntityTypeConfiguration<AgreementMobility>
{
    public void Configure(EntityTypeBuilder<AgreementMobility> b)
    {
        b.Property(m => m.Direction).HasMaxLength(16);
        b.Property(m => m.Kind).HasMaxLength(24);
        b.Property(m => m.PersonName).HasMaxLength(200);
        b.Property(m => m.Notes).HasMaxLength(1000);
        b.Property(m => m.SourceType).HasMaxLength(16);
        b.HasOne<Agreement>().WithMany().HasForeignKey(m => m.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.AgreementId, m.Year });
        b.HasIndex(m => new { m.SourceType, m.SourceId });
        b.HasIndex(m => m.TenantId);
    }
}

internal sealed class AgreementDocumentConfiguration : IEntityTypeConfiguration<AgreementDocument>
{
    public void Configure(EntityTypeBuilder<AgreementDocument> b)
    {
        b.Property(d => d.Kind).HasMaxLength(16);
        b.Property(d => d.FileName).HasMaxLength(260);
        b.Property(d => d.ContentType).HasMaxLength(100);
        b.HasOne<Agreement>().WithMany().HasForeignKey(d => d.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => d.AgreementId);
        b.HasIndex(d => d.TenantId);
    }
}
