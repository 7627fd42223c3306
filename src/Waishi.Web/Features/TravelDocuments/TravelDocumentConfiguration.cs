using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;

namespace Waishi.Web.Features.TravelDocuments;

internal sealed class TravelDocumentConfiguration : IEntityTypeConfiguration<TravelDocument>
{
    public void Configure(EntityTypeBuilder<TravelDocument> b)
    {
        b.Property(d => d.Type).HasMaxLength(24);
        b.Property(d => d.Number).HasMaxLength(32);
        b.Property(d => d.IssuedBy).HasMaxLength(200);
        b.Property(d => d.Notes).HasMaxLength(1000);
        b.Property(d => d.Status).HasMaxLength(16);
        b.Property(d => d.ClosedReason).HasMaxLength(500);
        b.HasIndex(d => new { d.TenantId, d.Type, d.Number }).IsUnique();
        b.HasIndex(d => new { d.TenantId, d.Status, d.ReturnDue });
        b.HasOne<StaffMember>().WithMany().HasForeignKey(d => d.HolderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Trip>().WithMany().HasForeignKey(d => d.TripId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CustodyEntryConfiguration : IEntityTypeConfiguration<CustodyEntry>
{
    public void Configure(EntityTypeBuilder<CustodyEntry> b)
    {
        b.Property(e => e.Action).HasMaxLength(16);
        b.Property(e => e.ByName).HasMaxLength(256);
        b.Property(e => e.Note).HasMaxLength(500);
        b.HasOne<TravelDocument>().WithMany().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Trip>().WithMany().HasForeignKey(e => e.TripId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.DocumentId, e.AtUtc });
    }
}
