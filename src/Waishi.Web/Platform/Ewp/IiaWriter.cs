using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Waishi.Web.Platform.Ewp;

/// <summary>
/// Writes IIAs as an IIAs API v7 get-response, in the element order of the schema (mobility specs
/// grouped by kind, each kind keeping the order it was given in). The iia-hash is always computed
/// from what is written; a hash on the model is ignored.
/// </summary>
public static class IiaWriter
{
    static readonly XNamespace I = EwpNs.Iia;
    static readonly XNamespace C = EwpNs.Contact;
    static readonly XNamespace P = EwpNs.Phone;
    static readonly XNamespace A = EwpNs.Address;

    public static XDocument Document(IEnumerable<Iia> iias)
    {
        var root = new XElement(I + "iias-get-response",
            new XAttribute("xmlns", EwpNs.Iia),
            new XAttribute(XNamespace.Xmlns + "c", EwpNs.Contact),
            new XAttribute(XNamespace.Xmlns + "p", EwpNs.Phone),
            new XAttribute(XNamespace.Xmlns + "a", EwpNs.Address),
            iias.Select(Element));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), root);
    }

    /// <summary>The response as UTF-8 XML text, indented.</summary>
    public static string ToXml(IEnumerable<Iia> iias)
    {
        var document = Document(iias);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
            document.Save(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string ToXml(Iia iia) => ToXml([iia]);

    /// <summary>The iia element with its computed iia-hash.</summary>
    public static XElement Element(Iia iia)
    {
        var hash = new XElement(I + "iia-hash");
        var element = new XElement(I + "iia",
            Partner(iia.Partner1),
            Partner(iia.Partner2),
            new XElement(I + "in-effect", Bool(iia.InEffect)),
            new XElement(I + "cooperation-conditions",
                iia.Conditions.TerminatedAsAWhole ? new XAttribute("terminated-as-a-whole", "true") : null,
                iia.Conditions.Mobilities.OrderBy(m => m.Kind).Select(Mobility)),
            hash,
            Optional(I + "pdf-file", iia.PdfFile));
        hash.Value = IiaHash.Compute(element);
        return element;
    }

    /// <summary>The iia-hash the model's get-response would carry.</summary>
    public static string HashOf(Iia iia) => IiaHash.Compute(Element(iia));

    static XElement Partner(IiaPartner p) => new(I + "partner",
        new XElement(I + "hei-id", p.HeiId),
        Optional(I + "ounit-id", p.OunitId),
        Optional(I + "iia-id", p.IiaId),
        Optional(I + "iia-code", p.IiaCode),
        p.SigningContact is null ? null : Contact(I + "signing-contact", p.SigningContact),
        p.SigningDate is { } date ? new XElement(I + "signing-date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null,
        p.Contacts.Select(c => Contact(C + "contact", c)));

    static XElement Mobility(MobilitySpec m) => new(I + MobilitySpec.ElementName(m.Kind),
        new XElement(I + "sending-hei-id", m.SendingHeiId),
        Optional(I + "sending-ounit-id", m.SendingOunitId),
        m.SendingContacts.Select(c => Contact(I + "sending-contact", c)),
        new XElement(I + "receiving-hei-id", m.ReceivingHeiId),
        Optional(I + "receiving-ounit-id", m.ReceivingOunitId),
        m.ReceivingContacts.Select(c => Contact(I + "receiving-contact", c)),
        new XElement(I + "receiving-first-academic-year-id", m.FirstAcademicYear),
        new XElement(I + "receiving-last-academic-year-id", m.LastAcademicYear),
        new XElement(I + "mobilities-per-year",
            m.MobilitiesPerYearNotYetDefined ? new XAttribute("not-yet-defined", "true") : null,
            m.MobilitiesPerYear.ToString(CultureInfo.InvariantCulture)),
        m.LanguageSkills.Select(LanguageSkill),
        m.SubjectAreas.Select(s => SubjectArea(I + "subject-area", s)),
        Optional(I + "other-info-terms", m.OtherInfoTerms),
        m.IsStudent ? StudentPart(m) : StaffPart(m));

    static object[] StudentPart(MobilitySpec m) =>
    [
        Optional(I + "total-months-per-year", Number(m.TotalMonthsPerYear))!,
        new XElement(I + "blended", Bool(m.Blended ?? false)),
        m.EqfLevels.Select(l => new XElement(I + "eqf-level", l.ToString(CultureInfo.InvariantCulture))),
    ];

    static object? StaffPart(MobilitySpec m) => Optional(I + "total-days-per-year", Number(m.TotalDaysPerYear));

    static XElement LanguageSkill(LanguageSkill s) => new(I + "recommended-language-skill",
        s.NotYetDefined ? new XAttribute("not-yet-defined", "true") : null,
        new XElement(I + "language", s.Language),
        Optional(I + "cefr-level", s.CefrLevel),
        s.SubjectArea is null ? null : SubjectArea(I + "subject-area", s.SubjectArea));

    static XElement SubjectArea(XName name, SubjectArea s) => new(name,
        new XElement(I + "isced-f-code",
            string.IsNullOrEmpty(s.V6Value) ? null : new XAttribute("v6-value", s.V6Value),
            s.IscedFCode),
        Optional(I + "isced-clarification", s.Clarification));

    static XElement Contact(XName name, EwpContact c) => new(name,
        c.Names.Select(n => Lang(C + "contact-name", n)),
        c.GivenNames.Select(n => Lang(C + "person-given-names", n)),
        c.FamilyNames.Select(n => Lang(C + "person-family-name", n)),
        Optional(C + "person-gender", c.Gender),
        c.Phones.Select(p => Phone(P + "phone-number", p)),
        c.Faxes.Select(p => Phone(P + "fax-number", p)),
        c.Emails.Select(e => new XElement(C + "email", e)),
        c.StreetAddress is null ? null : Address(A + "street-address", c.StreetAddress),
        c.MailingAddress is null ? null : Address(A + "mailing-address", c.MailingAddress),
        c.RoleDescriptions.Select(n => Lang(C + "role-description", n)));

    static XElement Address(XName name, EwpAddress a) => new(name,
        a.RecipientNames.Select(n => new XElement(A + "recipientName", n)),
        a.AddressLines.Select(l => new XElement(A + "addressLine", l)),
        Optional(A + "buildingNumber", a.BuildingNumber),
        Optional(A + "buildingName", a.BuildingName),
        Optional(A + "streetName", a.StreetName),
        Optional(A + "unit", a.Unit),
        Optional(A + "floor", a.Floor),
        Optional(A + "postOfficeBox", a.PostOfficeBox),
        a.DeliveryPointCodes.Select(c => new XElement(A + "deliveryPointCode", c)),
        Optional(A + "postalCode", a.PostalCode),
        Optional(A + "locality", a.Locality),
        Optional(A + "region", a.Region),
        Optional(A + "country", a.Country));

    static XElement Phone(XName name, EwpPhone p) => new(name,
        Optional(P + "e164", p.E164),
        Optional(P + "ext", p.Ext),
        Optional(P + "other-format", p.OtherFormat));

    static XElement Lang(XName name, LangText t) => new(name,
        t.Lang is null ? null : new XAttribute(XNamespace.Xml + "lang", t.Lang),
        t.Text);

    static XElement? Optional(XName name, string? value) => value is null ? null : new XElement(name, value);

    static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    static string Bool(bool value) => value ? "true" : "false";
}
