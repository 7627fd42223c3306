using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;

namespace Waishi.Web.Features.Visas;

internal sealed class VisaConfiguration : IEntityTypeConfiguration<Visa>
{
    public void Configure(EntityTypeBuilder<Visa> b)
    {
        b.Property(v => v.CountryCode).HasMaxLength(2);
        b.Property(v => v.VisaType).HasMaxLength(100);
        b.Property(v => v.Status).HasMaxLength(16);
        b.Property(v => v.Result).HasMaxLength(500);
        b.Property(v => v.Notes).HasMaxLength(1000);
        b.HasOne<Trip>().WithMany().HasForeignKey(v => v.TripId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(v => v.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(v => new { v.TripId, v.StaffMemberId, v.CountryCode }).IsUnique();
        b.HasIndex(v => new { v.TenantId, v.Status });
    }
}
