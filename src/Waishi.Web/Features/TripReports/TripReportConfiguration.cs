using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waishi.Web.Features.Trips;

namespace Waishi.Web.Features.TripReports;

internal sealed class TripReportConfiguration : IEntityTypeConfiguration<TripReport>
{
    public void Configure(EntityTypeBuilder<TripReport> b)
    {
        b.Property(r => r.State).HasMaxLength(16);
        b.Property(r => r.Results).HasMaxLength(TripReportRules.MaxText);
        b.Property(r => r.FollowUp).HasMaxLength(TripReportRules.MaxText);
        b.Property(r => r.ReviewComment).HasMaxLength(1000);
        b.HasOne<Trip>().WithMany().HasForeignKey(r => r.TripId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.TripId).IsUnique();
        b.HasIndex(r => new { r.TenantId, r.State });
        b.HasMany(r => r.Days).WithOne().HasForeignKey(d => d.TripReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TripReportDayConfiguration : IEntityTypeConfiguration<TripReportDay>
{
    public void Configure(EntityTypeBuilder<TripReportDay> b)
    {
        b.Property(d => d.City).HasMaxLength(100);
        b.Property(d => d.Activity).HasMaxLength(500);
    }
}
