using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Partners;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Projects;

public enum ProjectKind
{
    JointResearch,
    JointLaboratory,
    JointCentre,
    Other,
}

public enum ProjectStatus
{
    Planned,
    Active,
    Completed,
    Suspended,
    Terminated,
}

/// <summary>Which side a principal investigator is on.</summary>
public enum InvestigatorSide
{
    Ours,
    Partner,
}

public enum ProjectOutputKind
{
    Publication,
    Patent,
    Event,
    Other,
}

public enum ProjectDocumentKind
{
    Contract,
    Report,
    Other,
}

/// <summary>A joint research project or platform (joint laboratory, joint centre) of the tenant with one or more partners.</summary>
public sealed class CooperationProject : TenantEntity
{
    public ProjectKind Kind { get; set; }
    public string TitleEn { get; set; } = "";
    public string? TitleZh { get; set; }
    /// <summary>The tenant's org unit that runs the project.</summary>
    public Guid? UnitId { get; set; }
    /// <summary>Free text; the form suggests <see cref="ProjectLabels.FundingSuggestions"/>.</summary>
    public string? FundingSource { get; set; }
    public decimal? Amount { get; set; }
    /// <summary>ISO 4217 code of <see cref="Amount"/>.</summary>
    public string? Currency { get; set; }
    public DateOnly StartOn { get; set; }
    /// <summary>The last day; null for an open-ended platform.</summary>
    public DateOnly? EndOn { get; set; }
    public ProjectStatus Status { get; set; }
    public string? Summary { get; set; }
    public string? Notes { get; set; }
    /// <summary>The user of the office who looks after the project.</summary>
    public Guid? OfficerUserId { get; set; }
    /// <summary>The agreement the project runs under, if any.</summary>
    public Guid? AgreementId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public Guid CreatedByUserId { get; set; }

    public List<ProjectPartner> Partners { get; set; } = [];
    public List<ProjectInvestigator> Investigators { get; set; } = [];
    public List<ProjectOutput> Outputs { get; set; } = [];

    public string Title(bool chinese) => chinese && !string.IsNullOrWhiteSpace(TitleZh) ? TitleZh! : TitleEn;

    /// <summary>
    /// The partner ids in order, each once. Merging two partners that are both on a project leaves
    /// two rows for the kept one (there is deliberately no unique index to collide); they read as one
    /// and collapse at the next save.
    /// </summary>
    public List<Guid> PartnerIds() => [.. Partners.OrderBy(p => p.SortOrder).Select(p => p.PartnerId).Distinct()];
}

/// <summary>A partner institution of a project.</summary>
public sealed class ProjectPartner : TenantEntity
{
    public Guid ProjectId { get; set; }
    public Guid PartnerId { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A principal investigator: ours (a staff member or a free name) or a partner's (name, title, e-mail, which partner).</summary>
public sealed class ProjectInvestigator : TenantEntity
{
    public Guid ProjectId { get; set; }
    public InvestigatorSide Side { get; set; }
    public Guid? StaffMemberId { get; set; }
    public string Name { get; set; } = "";
    public string? Title { get; set; }
    public string? Email { get; set; }
    public Guid? PartnerId { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A result of a project: a publication, patent, event or other output.</summary>
public sealed class ProjectOutput : TenantEntity
{
    public Guid ProjectId { get; set; }
    public ProjectOutputKind Kind { get; set; }
    public string Title { get; set; } = "";
    public DateOnly? Date { get; set; }
    /// <summary>DOI, patent number, URL or any other reference.</summary>
    public string? Reference { get; set; }
}

/// <summary>A file of a project (contract, reports), kept in the database with its bytes.</summary>
public sealed class ProjectDocument : TenantEntity
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public Guid ProjectId { get; set; }
    public ProjectDocumentKind Kind { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTime UploadedUtc { get; set; }
    public Guid UploadedByUserId { get; set; }
}

internal sealed class CooperationProjectConfiguration : IEntityTypeConfiguration<CooperationProject>
{
    public void Configure(EntityTypeBuilder<CooperationProject> b)
    {
        b.Property(p => p.Kind).HasMaxLength(24);
        b.Property(p => p.TitleEn).HasMaxLength(300);
        b.Property(p => p.TitleZh).HasMaxLength(300);
        b.Property(p => p.FundingSource).HasMaxLength(200);
        b.Property(p => p.Currency).HasMaxLength(3);
        b.Property(p => p.Status).HasMaxLength(16);
        b.Property(p => p.Summary).HasMaxLength(4000);
        b.Property(p => p.Notes).HasMaxLength(4000);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(p => p.OfficerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agreement>().WithMany().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(p => new { p.TenantId, p.Status, p.StartOn });
        b.HasMany(p => p.Partners).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Investigators).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Outputs).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectPartnerConfiguration : IEntityTypeConfiguration<ProjectPartner>
{
    public void Configure(EntityTypeBuilder<ProjectPartner> b)
    {
        // Not unique on (ProjectId, PartnerId): a partner merge may briefly leave two rows for one partner.
        b.HasOne<Partner>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ProjectId);
        b.HasIndex(x => x.PartnerId);
        b.HasIndex(x => x.TenantId);
    }
}

internal sealed class ProjectInvestigatorConfiguration : IEntityTypeConfiguration<ProjectInvestigator>
{
    public void Configure(EntityTypeBuilder<ProjectInvestigator> b)
    {
        b.Property(x => x.Side).HasMaxLength(16);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(256);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partner>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ProjectId);
        b.HasIndex(x => x.StaffMemberId);
        b.HasIndex(x => x.PartnerId);
        b.HasIndex(x => x.TenantId);
    }
}

internal sealed class ProjectOutputConfiguration : IEntityTypeConfiguration<ProjectOutput>
{
    public void Configure(EntityTypeBuilder<ProjectOutput> b)
    {
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Reference).HasMaxLength(500);
        b.HasIndex(x => x.ProjectId);
        b.HasIndex(x => x.TenantId);
    }
}

internal sealed class ProjectDocumentConfiguration : IEntityTypeConfiguration<ProjectDocument>
{
    public void Configure(EntityTypeBuilder<ProjectDocument> b)
    {
        b.Property(d => d.Kind).HasMaxLength(16);
        b.Property(d => d.FileName).HasMaxLength(260);
        b.Property(d => d.ContentType).HasMaxLength(100);
        b.HasOne<CooperationProject>().WithMany().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => d.ProjectId);
        b.HasIndex(d => d.TenantId);
    }
}
