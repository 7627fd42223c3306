using System.Globalization;
using Waishi.Web.Platform.Documents;

namespace Waishi.Web.Features.Trips;

/// <summary>The layout of a trip's approval document (因公出国(境)任务批件), in Chinese and English.</summary>
public static class ApprovalDocumentPdf
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static byte[] Render(ApprovalContent c, string fontFamily, Bilingual L)
    {
        var trip = c.Trip;
        var doc = c.Document;
        var title = L["Approval of an official trip abroad"];
        using var pdf = new PdfComposer(fontFamily, $"{title.Zh} {doc.Number}", c.Tenant.NameEn,
            $"{c.Tenant.NameZh} · {L["Verification code"].Zh} {VerificationCode.Format(doc.Code)}");

        pdf.Title(title.Zh, title.En);
        pdf.Subtitle($"{c.Tenant.NameZh}  {c.Tenant.NameEn}");
        pdf.Subtitle($"{L["Document number"]}: {doc.Number}    {L["Date of issue"]}: {Date(doc.IssuedUtc)}");

        var section = L["The trip"];
        pdf.Heading(section.Zh, section.En);
        Field(pdf, L["Trip title"], trip.Title);
        Field(pdf, L["Trip type"], L[TripLabels.Of(trip.Type)].ToString());
        Field(pdf, L["Applying unit"], c.Unit.ToString());
        Field(pdf, L["Destinations and cities"], string.Join("\n", c.Destinations));
        Field(pdf, L["Dates"], trip.DepartureDate is { } from && trip.ReturnDate is { } to
            ? $"{Iso(from)} — {Iso(to)} ({L["{0} days", trip.Days ?? 0].Zh} / {L["{0} days", trip.Days ?? 0].En})" : null);
        Field(pdf, L["Purpose"], trip.Purpose);
        Field(pdf, L["Tasks"], trip.Tasks);
        Field(pdf, L["Inviting organisation"], trip.InvitingOrganisation);
        var budget = trip.Budget.Sum(b => b.Amount);
        Field(pdf, L["Funding source"], trip.FundingSource);
        Field(pdf, L["Budget (CNY)"], trip.Budget.Count == 0 ? null : budget.ToString("N2", CultureInfo.InvariantCulture));

        section = L["Delegation"];
        pdf.Heading(section.Zh, section.En);
        pdf.Table(
            [Column(L["Full name"], 3), Column(L["Unit"], 4), Column(L["Position"], 2.5), Column(L["Role in the delegation"], 2)],
            c.Members.Select(m => (IReadOnlyList<string>)[Two(m.Name), Two(m.Unit), m.Title ?? "", Two(m.Role)]));

        section = L["Approval history"];
        pdf.Heading(section.Zh, section.En);
        if (c.History.Count == 0)
        {
            pdf.Paragraph(L["The approval was recorded outside the system."].ToString());
        }
        else
        {
            pdf.Table(
                [Column(L["Step"], 4), Column(L["By"], 2.5), Column(L["Decision"], 2), Column(L["Time (China)"], 3)],
                c.History.Select(h => (IReadOnlyList<string>)[Two(h.Step), h.By, Two(h.Action), Time(h.AtUtc)]));
        }
        if (trip.PublicityEndsOn is { } publicity)
        {
            Field(pdf, L["Public notice until"], Iso(publicity));
        }
        if (trip.ApprovedUtc is { } approved)
        {
            Field(pdf, L["Final approval"], Time(approved));
        }

        section = L["Verification"];
        pdf.Heading(section.Zh, section.En);
        var check = L["Scan the code or open the address to check that this document is genuine and still valid."];
        pdf.QrBlock(c.VerifyUrl,
        [
            $"{L["Verification code"]}: {VerificationCode.Format(doc.Code)}",
            c.VerifyUrl,
            check.Zh,
            check.En,
        ]);
        return pdf.Save();
    }

    private static void Field(PdfComposer pdf, BiText label, string? value) => pdf.Field(label.Zh, label.En, value);

    private static PdfColumn Column(BiText header, double width) => new(header.Zh, header.En, width);

    /// <summary>Chinese on one line, English under it (one line when they are the same or one is missing).</summary>
    private static string Two(BiText text) =>
        string.IsNullOrEmpty(text.En) || text.Zh == text.En ? text.Zh : string.IsNullOrEmpty(text.Zh) ? text.En : $"{text.Zh}\n{text.En}";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Date(DateTime utc) => Iso(DateOnly.FromDateTime(utc + ChinaOffset));

    private static string Time(DateTime utc) => (utc + ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
