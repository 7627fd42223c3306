using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Conferences;

/// <summary>
/// A unit's plan of the international conferences it means to hold in <see cref="Year"/> (年度国际会议计划),
/// handed in by the end of the policy's due month (November) of the year before.
/// </summary>
public sealed class ConferencePlan : TenantEntity
{
    public Guid UnitId { get; set; }
    public int Year { get; set; }
    public bool Submitted { get; set; }
    public DateTime? SubmittedUtc { get; set; }
    public Guid? SubmittedByUserId { get; set; }
    public string? Notes { get; set; }
    public List<ConferencePlanItem> Items { get; set; } = [];

    /// <summary>The last day to hand in the plan for <paramref name="year"/>: the end of the due month of the year before.</summary>
    public static DateOnly DueDate(int year, ConferencePolicy policy) =>
        new DateOnly(year - 1, policy.PlanDueMonth, 1).AddMonths(1).AddDays(-1);
}

/// <summary>One planned conference.</summary>
public sealed class ConferencePlanItem : TenantEntity
{
    public Guid PlanId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>"May 2027", "second half of October": plans are approximate.</summary>
    public string? ApproximateDates { get; set; }
    public int ExpectedParticipants { get; set; }
    public int ForeignParticipants { get; set; }
    public string? CoOrganisers { get; set; }
    public int SortOrder { get; set; }
}

internal sealed class ConferencePlanConfiguration : IEntityTypeConfiguration<ConferencePlan>
{
    public void Configure(EntityTypeBuilder<ConferencePlan> b)
    {
        b.Property(p => p.Notes).HasMaxLength(2000);
        b.HasIndex(p => new { p.TenantId, p.Year, p.UnitId }).IsUnique();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.UnitId);
        b.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConferencePlanItemConfiguration : IEntityTypeConfiguration<ConferencePlanItem>
{
    public void Configure(EntityTypeBuilder<ConferencePlanItem> b)
    {
        b.Property(i => i.Title).HasMaxLength(300);
        b.Property(i => i.ApproximateDates).HasMaxLength(100);
        b.Property(i => i.CoOrganisers).HasMaxLength(1000);
        b.HasIndex(i => i.PlanId);
        b.HasIndex(i => i.TenantId);
    }
}
