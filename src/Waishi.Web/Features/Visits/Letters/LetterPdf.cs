using System.Globalization;
using Waishi.Web.Platform.Documents;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.Visits.Letters;

/// <summary>The layout of an invitation letter: the Chinese text, the English text, the delegation
/// (for a delegation letter) and the verification block.</summary>
public static class LetterPdf
{
    public static byte[] Render(VisitLetter letter, IssuedDocument doc, Tenant tenant, IReadOnlyList<IReadOnlyList<string>> members,
        string verifyUrl, string fontFamily, Bilingual L)
    {
        using var pdf = new PdfComposer(fontFamily, $"{letter.TitleZh} {doc.Number}", tenant.NameEn,
            $"{tenant.NameZh} · {L["Verification code"].Zh} {VerificationCode.Format(doc.Code)}");
        pdf.Title(letter.TitleZh, letter.TitleEn);
        pdf.Subtitle($"{tenant.NameZh}  {tenant.NameEn}");
        pdf.Subtitle($"{L["Document number"]}: {doc.Number}    {L["Date of issue"]}: {DateOnly.FromDateTime(doc.IssuedUtc.AddHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        pdf.Paragraph(letter.BodyZh);
        pdf.Paragraph("");
        pdf.Paragraph(letter.BodyEn);
        if (members.Count > 0)
        {
            var section = L["Members of the delegation"];
            pdf.Heading(section.Zh, section.En);
            pdf.Table([Column(L["Full name"], 3), Column(L["Nationality"], 2), Column(L["Passport number"], 2.5), Column(L["Date of birth"], 2), Column(L["Position"], 2.5)],
                members);
        }
        var heading = L["Verification"];
        pdf.Heading(heading.Zh, heading.En);
        var check = L["Scan the code or open the address to check that this document is genuine and still valid."];
        pdf.QrBlock(verifyUrl, [$"{L["Verification code"]}: {VerificationCode.Format(doc.Code)}", verifyUrl, check.Zh, check.En]);
        return pdf.Save();
    }

    private static PdfColumn Column(BiText header, double width) => new(header.Zh, header.En, width);
}
