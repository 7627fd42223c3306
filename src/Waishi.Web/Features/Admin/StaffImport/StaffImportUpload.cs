using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Admin.StaffImport;

/// <summary>
/// An uploaded staff directory waiting between its preview and the confirmation. Kept in the
/// database (not in the form, not on one server's disk) so that any instance can finish the import.
/// The file itself is not audited; the staff rows it writes are.
/// </summary>
[NotAudited]
public sealed class StaffImportUpload : TenantEntity
{
    public Guid UserId { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public DateTime CreatedUtc { get; set; }
}

internal sealed class StaffImportUploadConfiguration : IEntityTypeConfiguration<StaffImportUpload>
{
    public void Configure(EntityTypeBuilder<StaffImportUpload> b) => b.Property(u => u.FileName).HasMaxLength(260);
}
