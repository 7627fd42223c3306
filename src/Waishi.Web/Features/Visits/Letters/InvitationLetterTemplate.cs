using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Visits.Letters;

/// <summary>
/// A tenant's wording of the invitation letter for visa applications, in Chinese and English. The
/// texts carry placeholders (see <see cref="LetterText.Placeholders"/>) that are filled from the
/// visit and the visitor when a letter is issued. A tenant without a row uses <see cref="Default"/>.
/// </summary>
public sealed class InvitationLetterTemplate : TenantEntity
{
    public string TitleZh { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string BodyZh { get; set; } = "";
    public string BodyEn { get; set; } = "";
    public DateTime UpdatedUtc { get; set; }

    public static InvitationLetterTemplate Default(Guid tenantId) => new()
    {
        TenantId = tenantId,
        TitleZh = "邀请函",
        TitleEn = "Letter of Invitation",
        BodyZh = """
            尊敬的{name}：

            {institution}{unit}诚挚邀请{name}（国籍：{nationality}，护照号码：{passport}，出生日期：{birth_date}），{organisation}{title}，于{arrival}至{departure}来我校访问。

            访问目的：{purpose}

            访问期间的接待工作由{unit}负责。请持本函向中华人民共和国驻外使领馆申请签证。

            {institution}
            {date}
            """,
        BodyEn = """
            Dear {name},

            On behalf of {unit} of {institution}, it is our pleasure to invite {name} (nationality: {nationality}; passport number: {passport}; date of birth: {birth_date}), {title}, {organisation}, to visit our university from {arrival} to {departure}.

            Purpose of the visit: {purpose}

            {unit} will host the visit. Please present this letter to the Embassy or Consulate of the People's Republic of China when applying for a visa.

            Yours sincerely,
            {institution}
            {date}
            """,
    };
}

internal sealed class InvitationLetterTemplateConfiguration : IEntityTypeConfiguration<InvitationLetterTemplate>
{
    public void Configure(EntityTypeBuilder<InvitationLetterTemplate> b)
    {
        b.Property(x => x.TitleZh).HasMaxLength(200);
        b.Property(x => x.TitleEn).HasMaxLength(200);
        b.Property(x => x.BodyZh).HasMaxLength(8000);
        b.Property(x => x.BodyEn).HasMaxLength(8000);
        // One template per tenant.
        b.HasIndex(x => x.TenantId).IsUnique();
    }
}
