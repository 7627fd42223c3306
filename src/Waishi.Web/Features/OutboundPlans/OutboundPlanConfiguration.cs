using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Trips;

namespace Waishi.Web.Features.OutboundPlans;

internal sealed class OutboundPlanConfiguration : IEntityTypeConfiguration<OutboundPlan>
{
    public void Configure(EntityTypeBuilder<OutboundPlan> b)
    {
        b.Property(p => p.State).HasMaxLength(16);
        b.Property(p => p.Note).HasMaxLength(2000);
        b.HasIndex(p => new { p.TenantId, p.Year, p.UnitId }).IsUnique();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Lines).WithOne().HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboundPlanLineConfiguration : IEntityTypeConfiguration<OutboundPlanLine>
{
    public void Configure(EntityTypeBuilder<OutboundPlanLine> b)
    {
        b.Property(l => l.Purpose).HasMaxLength(500);
        b.Property(l => l.Countries).HasMaxLength(100);
        b.Ignore(l => l.CountryCodes);
        // A line that a trip links to cannot be deleted (the plan form says so); the trip keeps its link.
        b.HasMany<Trip>().WithOne().HasForeignKey(t => t.PlanItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
