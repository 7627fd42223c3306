using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waishi.Web.Platform.Workflow;

internal sealed class WorkflowChainConfiguration : IEntityTypeConfiguration<WorkflowChain>
{
    public void Configure(EntityTypeBuilder<WorkflowChain> b)
    {
        b.Property(c => c.CaseType).HasMaxLength(32);
        b.HasIndex(c => new { c.TenantId, c.CaseType }).IsUnique();
    }
}

internal sealed class WorkflowChainVersionConfiguration : IEntityTypeConfiguration<WorkflowChainVersion>
{
    public void Configure(EntityTypeBuilder<WorkflowChainVersion> b)
    {
        b.Property(v => v.CreatedBy).HasMaxLength(256);
        b.HasIndex(v => new { v.ChainId, v.Number }).IsUnique();
        b.HasOne<WorkflowChain>().WithMany().HasForeignKey(v => v.ChainId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkflowStepConfiguration : IEntityTypeConfiguration<WorkflowStep>
{
    public void Configure(EntityTypeBuilder<WorkflowStep> b)
    {
        b.Property(s => s.Role).HasMaxLength(32);
        b.Property(s => s.Scope).HasMaxLength(16);
        b.Property(s => s.Condition).HasMaxLength(40);
        b.HasIndex(s => new { s.ChainVersionId, s.Position }).IsUnique();
        b.HasOne<WorkflowChainVersion>().WithMany().HasForeignKey(s => s.ChainVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkflowCaseConfiguration : IEntityTypeConfiguration<WorkflowCase>
{
    public void Configure(EntityTypeBuilder<WorkflowCase> b)
    {
        b.Property(c => c.CaseType).HasMaxLength(32);
        b.Property(c => c.Title).HasMaxLength(400);
        b.Property(c => c.Summary).HasMaxLength(4000);
        b.Property(c => c.Link).HasMaxLength(400);
        b.Property(c => c.State).HasMaxLength(16);
        b.Ignore(c => c.Facts);
        b.Ignore(c => c.IsClosed);
        // "Awaiting me" in its order, holding every column its test reads, so that counting a
        // tenant's cases in progress never reads the wide case rows (migrations
        // TenantFirstListIndexes, AwaitingCovering); the city-wide overdue reminders.
        b.HasIndex(c => new { c.TenantId, c.State, c.StepStartedUtc, c.ChainVersionId, c.Step, c.ApplicantUserId, c.DelegateUserId, c.ApplicantUnitId })
            .HasDatabaseName("IX_WorkflowCase_Awaiting");
        b.HasIndex(c => new { c.State, c.StepDueUtc });
        b.HasIndex(c => c.ApplicantUserId);
        b.HasIndex(c => c.SubjectId);
        b.HasOne<WorkflowChainVersion>().WithMany().HasForeignKey(c => c.ChainVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkflowEntryConfiguration : IEntityTypeConfiguration<WorkflowEntry>
{
    public void Configure(EntityTypeBuilder<WorkflowEntry> b)
    {
        b.Property(e => e.Action).HasMaxLength(16);
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.Comment).HasMaxLength(2000);
        b.Property(e => e.Transition).HasMaxLength(120);
        b.HasIndex(e => e.Transition).IsUnique();
        b.HasOne<WorkflowCase>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkflowRequestConfiguration : IEntityTypeConfiguration<WorkflowRequest>
{
    public void Configure(EntityTypeBuilder<WorkflowRequest> b)
    {
        b.Property(r => r.Key).HasMaxLength(100);
        b.Property(r => r.State).HasMaxLength(16);
        b.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
    }
}

internal sealed class WorkflowReferralConfiguration : IEntityTypeConfiguration<WorkflowReferral>
{
    public void Configure(EntityTypeBuilder<WorkflowReferral> b)
    {
        b.Property(r => r.SourceTenantName).HasMaxLength(200);
        b.Property(r => r.CaseType).HasMaxLength(32);
        b.Property(r => r.Title).HasMaxLength(400);
        b.Property(r => r.Summary).HasMaxLength(4000);
        b.Property(r => r.Role).HasMaxLength(32);
        b.Property(r => r.CaseState).HasMaxLength(16);
        b.HasIndex(r => r.CaseId).IsUnique();
        b.HasIndex(r => new { r.TenantId, r.IsOpen });
    }
}
