using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Documents;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Visits.Letters;

/// <summary>
/// An invitation letter issued for a visit: for one member (<see cref="MemberId"/>) or for the whole
/// delegation (no member). Its number, code and validity are those of its <see cref="IssuedDocument"/>
/// (kind "invitation-letter", subject the member or, for the delegation, the visit). The texts are
/// the template filled in at issue, kept so that the PDF reads the same after the template changes.
/// </summary>
public sealed class VisitLetter : TenantEntity
{
    public Guid VisitId { get; set; }
    public Guid? MemberId { get; set; }
    public Guid DocumentId { get; set; }
    public string TitleZh { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string BodyZh { get; set; } = "";
    public string BodyEn { get; set; } = "";
    public Guid IssuedByUserId { get; set; }
    public DateTime IssuedUtc { get; set; }

    /// <summary>The register subject of a letter: the member, or the visit for the delegation.</summary>
    public static Guid SubjectOf(Guid visitId, Guid? memberId) => memberId ?? visitId;
}

internal sealed class VisitLetterConfiguration : IEntityTypeConfiguration<VisitLetter>
{
    public void Configure(EntityTypeBuilder<VisitLetter> b)
    {
        b.Property(x => x.TitleZh).HasMaxLength(200);
        b.Property(x => x.TitleEn).HasMaxLength(200);
        b.Property(x => x.BodyZh).HasMaxLength(12000);
        b.Property(x => x.BodyEn).HasMaxLength(12000);
        b.HasOne<Visit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<VisitMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<IssuedDocument>().WithOne().HasForeignKey<VisitLetter>(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.IssuedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
