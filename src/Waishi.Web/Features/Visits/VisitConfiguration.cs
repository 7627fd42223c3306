using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Partners;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Visits;

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.Property(v => v.Number).HasMaxLength(20);
        b.Property(v => v.Title).HasMaxLength(200);
        b.Property(v => v.Purpose).HasMaxLength(2000);
        b.Property(v => v.VipLevel).HasMaxLength(16);
        b.Property(v => v.State).HasMaxLength(16);
        b.Property(v => v.CancelledReason).HasMaxLength(2000);
        b.Property(v => v.ActualMembersNote).HasMaxLength(2000);
        b.Property(v => v.ClosureReport).HasMaxLength(8000);
        b.Property(v => v.SummaryTitle).HasMaxLength(200);
        b.Property(v => v.SummaryText).HasMaxLength(8000);
        b.HasIndex(v => new { v.TenantId, v.Number }).IsUnique();
        b.HasIndex(v => new { v.TenantId, v.State });
        b.HasIndex(v => new { v.TenantId, v.ArrivalDate });
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(v => v.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(v => v.FiledByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(v => v.OfficerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(v => v.ClosedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(v => v.HostContactId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partner>().WithMany().HasForeignKey(v => v.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(v => v.Members).WithOne().HasForeignKey(m => m.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Agenda).WithOne().HasForeignKey(a => a.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Budget).WithOne().HasForeignKey(l => l.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Gifts).WithOne().HasForeignKey(g => g.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(v => v.ClosureDueOn);
        b.Ignore(v => v.IsEditable);
    }
}

internal sealed class VisitMemberConfiguration : IEntityTypeConfiguration<VisitMember>
{
    public void Configure(EntityTypeBuilder<VisitMember> b)
    {
        b.Property(m => m.NameLatin).HasMaxLength(200);
        b.Property(m => m.NameZh).HasMaxLength(100);
        b.Property(m => m.Nationality).HasMaxLength(2);
        b.Property(m => m.PassportNumber).HasMaxLength(40);
        b.Property(m => m.Sex).HasMaxLength(8);
        b.Property(m => m.Title).HasMaxLength(200);
        b.Property(m => m.Organisation).HasMaxLength(300);
        b.HasOne<Partner>().WithMany().HasForeignKey(m => m.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VisitAgendaItemConfiguration : IEntityTypeConfiguration<VisitAgendaItem>
{
    public void Configure(EntityTypeBuilder<VisitAgendaItem> b)
    {
        b.Property(a => a.Kind).HasMaxLength(16);
        b.Property(a => a.Venue).HasMaxLength(200);
        b.Property(a => a.Description).HasMaxLength(1000);
        b.HasMany(a => a.Attendees).WithOne().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.TenantId, a.Date });
    }
}

internal sealed class VisitAgendaAttendeeConfiguration : IEntityTypeConfiguration<VisitAgendaAttendee>
{
    public void Configure(EntityTypeBuilder<VisitAgendaAttendee> b)
    {
        b.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.AgendaItemId, a.StaffMemberId }).IsUnique();
    }
}

internal sealed class VisitBudgetLineConfiguration : IEntityTypeConfiguration<VisitBudgetLine>
{
    public void Configure(EntityTypeBuilder<VisitBudgetLine> b)
    {
        b.Property(l => l.Category).HasMaxLength(24);
        b.Property(l => l.Description).HasMaxLength(200);
        b.Property(l => l.Currency).HasMaxLength(3);
    }
}

internal sealed class VisitGiftConfiguration : IEntityTypeConfiguration<VisitGift>
{
    public void Configure(EntityTypeBuilder<VisitGift> b)
    {
        b.Property(g => g.Description).HasMaxLength(300);
        b.Property(g => g.Recipient).HasMaxLength(200);
        b.Property(g => g.Currency).HasMaxLength(3);
    }
}
