using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Trips;

internal sealed class TripConfiguration : IEntityTypeConfiguration<Trip>
{
    public void Configure(EntityTypeBuilder<Trip> b)
    {
        b.Property(t => t.Type).HasMaxLength(24);
        b.Property(t => t.State).HasMaxLength(16);
        b.Property(t => t.Title).HasMaxLength(200);
        b.Property(t => t.Purpose).HasMaxLength(2000);
        b.Property(t => t.Tasks).HasMaxLength(4000);
        b.Property(t => t.InvitingOrganisation).HasMaxLength(300);
        b.Property(t => t.FundingSource).HasMaxLength(200);
        b.Property(t => t.LateJustification).HasMaxLength(2000);
        b.Property(t => t.Number).HasMaxLength(16);
        b.Property(t => t.WithdrawnReason).HasMaxLength(2000);
        b.HasIndex(t => new { t.TenantId, t.Number }).IsUnique();
        // The Id makes it covering: a filtered count (state plus a destination or a member) is read from the index alone.
        b.HasIndex(t => new { t.TenantId, t.State, t.Id });
        // A list filtered by state walks its trips already in the list's order and stops at the page.
        b.HasIndex(t => new { t.TenantId, t.State, t.DepartureDate, t.CreatedUtc });
        b.HasOne<StaffMember>().WithMany().HasForeignKey(t => t.ApplicantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.FiledByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TripId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Destinations).WithOne().HasForeignKey(d => d.TripId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Itinerary).WithOne().HasForeignKey(d => d.TripId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Budget).WithOne().HasForeignKey(l => l.TripId).OnDelete(DeleteBehavior.Cascade);
        // The list's order (migration TenantFirstListIndexes).
        b.HasIndex(t => new { t.TenantId, t.DepartureDate, t.CreatedUtc });
        b.Ignore(t => t.Days);
    }
}

internal sealed class TripMemberConfiguration : IEntityTypeConfiguration<TripMember>
{
    public void Configure(EntityTypeBuilder<TripMember> b)
    {
        b.Property(m => m.Role).HasMaxLength(16);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(m => m.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        // "Travels on this trip" probes (trip visibility, the Person and Mine filters): see the TripIndexes migration.
        b.HasIndex(m => new { m.StaffMemberId, m.TripId });
    }
}

internal sealed class TripDestinationConfiguration : IEntityTypeConfiguration<TripDestination>
{
    public void Configure(EntityTypeBuilder<TripDestination> b)
    {
        b.Property(d => d.CountryCode).HasMaxLength(2);
        b.Property(d => d.City).HasMaxLength(100);
        b.HasIndex(d => new { d.CountryCode, d.TripId });
        // A tenant's trips to a country, read from the index alone (the list's country filter).
        b.HasIndex(d => new { d.TenantId, d.CountryCode, d.TripId });
    }
}

internal sealed class TripItineraryDayConfiguration : IEntityTypeConfiguration<TripItineraryDay>
{
    public void Configure(EntityTypeBuilder<TripItineraryDay> b)
    {
        b.Property(d => d.City).HasMaxLength(100);
        b.Property(d => d.Activity).HasMaxLength(500);
    }
}

internal sealed class TripBudgetLineConfiguration : IEntityTypeConfiguration<TripBudgetLine>
{
    public void Configure(EntityTypeBuilder<TripBudgetLine> b)
    {
        b.Property(l => l.Category).HasMaxLength(24);
        b.Property(l => l.Note).HasMaxLength(200);
    }
}

internal sealed class TripLetterConfiguration : IEntityTypeConfiguration<TripLetter>
{
    public void Configure(EntityTypeBuilder<TripLetter> b)
    {
        b.Property(l => l.FileName).HasMaxLength(260);
        b.Property(l => l.ContentType).HasMaxLength(100);
        b.HasOne<Trip>().WithMany().HasForeignKey(l => l.TripId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.TripId).IsUnique();
    }
}

internal sealed class TripPolicyConfiguration : IEntityTypeConfiguration<TripPolicy>
{
    public void Configure(EntityTypeBuilder<TripPolicy> b)
    {
        b.HasIndex(p => p.TenantId).IsUnique();
        b.HasMany(p => p.Limits).WithOne().HasForeignKey(l => l.TripPolicyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TripTypeLimitConfiguration : IEntityTypeConfiguration<TripTypeLimit>
{
    public void Configure(EntityTypeBuilder<TripTypeLimit> b)
    {
        b.Property(l => l.Type).HasMaxLength(24);
        b.HasIndex(l => new { l.TripPolicyId, l.Type }).IsUnique();
    }
}

internal sealed class TripAmendmentConfiguration : IEntityTypeConfiguration<TripAmendment>
{
    public void Configure(EntityTypeBuilder<TripAmendment> b)
    {
        b.Property(a => a.State).HasMaxLength(16);
        b.Property(a => a.Reason).HasMaxLength(2000);
        b.HasOne<Trip>().WithMany().HasForeignKey(a => a.TripId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.RequestedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.TripId, a.Sequence }).IsUnique();
    }
}
