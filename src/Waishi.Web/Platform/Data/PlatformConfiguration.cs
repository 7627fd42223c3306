using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Auditing;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Jobs;
using Waishi.Web.Platform.Notifications;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Data;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> b)
    {
        b.Property(t => t.Code).HasMaxLength(32);
        b.HasIndex(t => t.Code).IsUnique();
        b.Property(t => t.NameEn).HasMaxLength(200);
        b.Property(t => t.NameZh).HasMaxLength(200);
        b.Property(t => t.Kind).HasMaxLength(16);
    }
}

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.Property(u => u.Code).HasMaxLength(32);
        b.HasIndex(u => new { u.TenantId, u.Code }).IsUnique();
        b.Property(u => u.NameZh).HasMaxLength(200);
        b.Property(u => u.NameEn).HasMaxLength(200);
        b.Property(u => u.Kind).HasMaxLength(16);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> b)
    {
        b.Property(s => s.StaffNumber).HasMaxLength(32);
        b.HasIndex(s => new { s.TenantId, s.StaffNumber }).IsUnique();
        b.Property(s => s.NameZh).HasMaxLength(100);
        b.Property(s => s.NameEn).HasMaxLength(200);
        b.Property(s => s.Title).HasMaxLength(100);
        b.Property(s => s.CadreLevel).HasMaxLength(16);
        b.Property(s => s.ClassifiedLevel).HasMaxLength(16);
        b.Property(s => s.Email).HasMaxLength(256);
        b.Property(s => s.Phone).HasMaxLength(40);
        b.Property(s => s.Mobile).HasMaxLength(40);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(s => s.IsSeniorCadre);
    }
}

internal sealed class StudentConfiguration : IEntityTypeConfiguration<Student>
{
    public void Configure(EntityTypeBuilder<Student> b)
    {
        b.Property(s => s.StudentNumber).HasMaxLength(32);
        b.HasIndex(s => new { s.TenantId, s.StudentNumber }).IsUnique();
        b.Property(s => s.NameZh).HasMaxLength(100);
        b.Property(s => s.NameEn).HasMaxLength(200);
        b.Property(s => s.DegreeLevel).HasMaxLength(16);
        b.Property(s => s.Nationality).HasMaxLength(2);
        b.Property(s => s.Email).HasMaxLength(256);
        b.Property(s => s.Phone).HasMaxLength(40);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.PreferredCulture).HasMaxLength(10);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(u => u.StaffMemberId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Student>().WithMany().HasForeignKey(u => u.StudentId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> b)
    {
        b.Property(r => r.Role).HasMaxLength(32);
        b.HasIndex(r => new { r.UserId, r.Role, r.OrgUnitId });
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> b)
    {
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Prefix).HasMaxLength(16);
        b.Property(t => t.SecretHash).HasMaxLength(64);
        b.HasIndex(t => t.SecretHash).IsUnique();
        b.HasIndex(t => t.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(e => e.Sequence);
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.EntityType).HasMaxLength(100);
        b.Property(e => e.EntityId).HasMaxLength(200);
        b.Property(e => e.Action).HasMaxLength(16);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => new { e.TenantId, e.AtUtc });
        b.HasIndex(e => new { e.EntityType, e.EntityId });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(m => m.RecipientEmail).HasMaxLength(256);
        b.Property(m => m.Subject).HasMaxLength(400);
        b.Property(m => m.Link).HasMaxLength(400);
        b.Property(m => m.DeduplicationKey).HasMaxLength(200);
        b.Property(m => m.LockedBy).HasMaxLength(100);
        b.HasIndex(m => m.DeduplicationKey).IsUnique();
        b.HasIndex(m => new { m.CompletedUtc, m.NextAttemptUtc });
    }
}

internal sealed class InboxItemConfiguration : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> b)
    {
        b.Property(m => m.Subject).HasMaxLength(400);
        b.Property(m => m.Link).HasMaxLength(400);
        b.HasIndex(m => new { m.UserId, m.MessageId }).IsUnique();
        b.HasIndex(m => new { m.UserId, m.ReadUtc });
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.HasKey(j => j.Name);
        b.Property(j => j.Name).HasMaxLength(100);
        b.Property(j => j.Holder).HasMaxLength(100);
    }
}
