using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Conferences;

/// <summary>Where an application stands; <see cref="Submitted"/> is in review on its chain.</summary>
public enum ConferenceState
{
    Draft,
    Submitted,
    Returned,
    Approved,
    Rejected,
}

public enum ConferenceDocumentKind
{
    Agenda,
    ParticipantList,
    Budget,
    Other,
}

/// <summary>
/// An application to hold an international conference (举办国际会议). The organising unit decides who
/// reviews it first; the tenant's <see cref="ConferencePolicy"/> decides whether it is late and
/// whether the city (the FAO) must approve it. After the conference the organisers record what
/// actually happened (<see cref="SummarySubmittedUtc"/>).
/// </summary>
public sealed class Conference : TenantEntity
{
    /// <summary>CONF-2026-0001, given at first submission; runs per tenant and year of filing.</summary>
    public string? Number { get; set; }
    public string TitleEn { get; set; } = "";
    public string? TitleZh { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public string Venue { get; set; } = "";
    public string City { get; set; } = "";
    public Guid UnitId { get; set; }
    public Guid FiledByUserId { get; set; }
    /// <summary>The global relations officer who looks after the conference.</summary>
    public Guid? OfficerUserId { get; set; }
    public int ExpectedParticipants { get; set; }
    public int ExpectedForeign { get; set; }
    public string? Topics { get; set; }
    /// <summary>The organisers say the topics touch sensitive matters: the city decides.</summary>
    public bool SensitiveTopics { get; set; }
    public decimal? BudgetTotal { get; set; }
    public string? BudgetCurrency { get; set; }
    public string? BudgetNote { get; set; }
    public bool ForeignNgo { get; set; }
    public string? NgoName { get; set; }
    /// <summary>The NGO's registration or temporary-activity filing (境外非政府组织临时活动备案).</summary>
    public string? NgoFilingNote { get; set; }
    public string? LateJustification { get; set; }
    /// <summary>Filed later than the lead time of the policy: needs <see cref="LateJustification"/>.</summary>
    public bool IsLate { get; set; }
    /// <summary>The city's rules apply (size, foreign participants or topics): the FAO decides last.</summary>
    public bool CityApproval { get; set; }
    public ConferenceState State { get; set; }
    public Guid? CaseId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? SubmittedUtc { get; set; }
    public DateTime? ApprovedUtc { get; set; }

    public int? ActualParticipants { get; set; }
    public string? Outcomes { get; set; }
    public DateTime? SummarySubmittedUtc { get; set; }

    public List<ConferenceCoOrganiser> CoOrganisers { get; set; } = [];
    /// <summary>Foreign participants by country: expected (filed) and actual (summary) rows.</summary>
    public List<ConferenceCountry> Countries { get; set; } = [];

    public IEnumerable<ConferenceCountry> Expected => Countries.Where(c => !c.Actual).OrderBy(c => c.SortOrder);
    public IEnumerable<ConferenceCountry> ActualByCountry => Countries.Where(c => c.Actual).OrderBy(c => c.SortOrder);

    public string Title(bool chinese) => chinese && !string.IsNullOrWhiteSpace(TitleZh) ? TitleZh! : TitleEn;

    public DateOnly SummaryDue(ConferencePolicy policy) => EndDate.AddDays(policy.SummaryDueDays);
}

/// <summary>A foreign co-organiser: a partner institution, or a name where it is not one.</summary>
public sealed class ConferenceCoOrganiser : TenantEntity
{
    public Guid ConferenceId { get; set; }
    public Guid? PartnerId { get; set; }
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
}

public sealed class ConferenceCountry : TenantEntity
{
    public Guid ConferenceId { get; set; }
    /// <summary>False: expected when filed; true: counted in the summary.</summary>
    public bool Actual { get; set; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string CountryCode { get; set; } = "";
    public int Count { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>An attachment of an application (agenda, participant list, budget), kept with its bytes.
/// These and the application are what the FAO sees.</summary>
public sealed class ConferenceDocument : TenantEntity
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public Guid ConferenceId { get; set; }
    public ConferenceDocumentKind Kind { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTime UploadedUtc { get; set; }
    public Guid UploadedByUserId { get; set; }
}

internal sealed class ConferenceConfiguration : IEntityTypeConfiguration<Conference>
{
    public void Configure(EntityTypeBuilder<Conference> b)
    {
        b.Property(c => c.Number).HasMaxLength(16);
        b.Property(c => c.TitleEn).HasMaxLength(300);
        b.Property(c => c.TitleZh).HasMaxLength(300);
        b.Property(c => c.Venue).HasMaxLength(300);
        b.Property(c => c.City).HasMaxLength(100);
        b.Property(c => c.Topics).HasMaxLength(2000);
        b.Property(c => c.BudgetCurrency).HasMaxLength(3);
        b.Property(c => c.BudgetNote).HasMaxLength(2000);
        b.Property(c => c.NgoName).HasMaxLength(300);
        b.Property(c => c.NgoFilingNote).HasMaxLength(2000);
        b.Property(c => c.LateJustification).HasMaxLength(2000);
        b.Property(c => c.State).HasMaxLength(16);
        b.Property(c => c.Outcomes).HasMaxLength(4000);
        b.HasIndex(c => new { c.TenantId, c.Number }).IsUnique();
        b.HasIndex(c => new { c.TenantId, c.StartDate });
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.FiledByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.OfficerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.CoOrganisers).WithOne().HasForeignKey(x => x.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Countries).WithOne().HasForeignKey(x => x.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(c => c.Expected);
        b.Ignore(c => c.ActualByCountry);
    }
}

internal sealed class ConferenceCoOrganiserConfiguration : IEntityTypeConfiguration<ConferenceCoOrganiser>
{
    public void Configure(EntityTypeBuilder<ConferenceCoOrganiser> b)
    {
        b.Property(x => x.Name).HasMaxLength(300);
        // A partner removed or merged away leaves the co-organiser's name.
        b.HasOne<Partner>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.ConferenceId);
        b.HasIndex(x => x.PartnerId);
        b.HasIndex(x => x.TenantId);
    }
}

internal sealed class ConferenceCountryConfiguration : IEntityTypeConfiguration<ConferenceCountry>
{
    public void Configure(EntityTypeBuilder<ConferenceCountry> b)
    {
        b.Property(x => x.CountryCode).HasMaxLength(2);
        b.HasIndex(x => x.ConferenceId);
        b.HasIndex(x => x.TenantId);
    }
}

internal sealed class ConferenceDocumentConfiguration : IEntityTypeConfiguration<ConferenceDocument>
{
    public void Configure(EntityTypeBuilder<ConferenceDocument> b)
    {
        b.Property(d => d.Kind).HasMaxLength(16);
        b.Property(d => d.FileName).HasMaxLength(260);
        b.Property(d => d.ContentType).HasMaxLength(100);
        b.HasOne<Conference>().WithMany().HasForeignKey(d => d.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => d.ConferenceId);
        b.HasIndex(d => d.TenantId);
    }
}
