using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;

namespace Waishi.Web.Platform.Ewp;

/// <summary>What is wrong at a place in a file that is not a usable IIA get-response.</summary>
public enum EwpProblem
{
    NotXml,
    NotAGetResponse,
    Schema,
    Missing,
    PartnerCount,
    NotAMobility,
    NotADate,
    NotAPositiveNumber,
    NotAWholeNumber,
    NotAnEqfLevel,
    NotABoolean,
    NoAgreement,
    NotOurAgreement,
    HashMismatch,
}

/// <summary>
/// Something in a file that is not a usable IIA get-response: where (line, element), what kind of
/// problem and its detail (the missing element, the bad value, the parser's or the schema
/// validator's own message). <see cref="Describe"/> says it in the reader's language.
/// </summary>
public sealed record EwpReadError(int Line, string? Element, EwpProblem Problem, string Detail = "")
{
    /// <summary>The message in English.</summary>
    public string Message => Describe(null);

    public string Describe(IStringLocalizer? localizer)
    {
        var L = localizer ?? English.Instance;
        return Problem switch
        {
            EwpProblem.NotXml => L["The file is not well-formed XML: {0}", Detail],
            EwpProblem.NotAGetResponse => L["Expected an IIAs v7 get-response (iias-get-response in namespace {0}), found {1} in namespace {2}.", EwpNs.Iia, Element ?? "", Detail],
            EwpProblem.Schema => L["Does not match the EWP schema: {0}", Detail],
            EwpProblem.Missing => L["The element {0} is missing here.", Detail],
            EwpProblem.PartnerCount => L["An IIA has exactly two partners; this one has {0}.", Detail],
            EwpProblem.NotAMobility => L["Not a mobility specification (student studies, student traineeship, staff teacher or staff training)."],
            EwpProblem.NotADate => L["The value {0} is not a date (YYYY-MM-DD).", Detail],
            EwpProblem.NotAPositiveNumber => L["The value {0} is not a number greater than zero.", Detail],
            EwpProblem.NotAWholeNumber => L["The value {0} is not a whole number greater than zero.", Detail],
            EwpProblem.NotAnEqfLevel => L["The value {0} is not an EQF level (1 to 8).", Detail],
            EwpProblem.NotABoolean => L["The value {0} is not true or false.", Detail],
            EwpProblem.NoAgreement => L["The file holds no agreement."],
            EwpProblem.NotOurAgreement => L["Our institution ({0}) is not a partner of this agreement.", Detail],
            EwpProblem.HashMismatch => L["The iia-hash does not match the agreement's content (it should be {0}): the file was changed or computed wrongly, and must not be approved.", Detail],
            _ => Detail,
        };
    }

    public override string ToString() => Element is null ? $"line {Line}: {Message}" : $"line {Line}, <{Element}>: {Message}";

    /// <summary>The messages as written, for when no localizer is at hand.</summary>
    sealed class English : IStringLocalizer
    {
        public static readonly English Instance = new();
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(CultureInfo.InvariantCulture, name, arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}

/// <summary>One IIA read from a response, with the check of the hash it carries and the line it starts on.</summary>
public sealed record ReadIia(Iia Model, IiaHashCheck Hash, int Line);

public sealed record IiaReadResult(IReadOnlyList<ReadIia> Iias, IReadOnlyList<EwpReadError> Errors)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>
/// Reads an IIAs API v7 get-response into <see cref="Iia"/> records. By default the document must be
/// valid against the v7 schema (checked offline first, each problem reported with its line); with
/// <c>partial: true</c> it also accepts the abridged fragments of the specification's examples (no
/// namespace, required elements left out), reading what is there.
/// </summary>
public static class IiaReader
{
    public static IiaReadResult Read(Stream xml, bool partial = false)
    {
        using var reader = new StreamReader(xml);
        return Read(reader.ReadToEnd(), partial);
    }

    public static IiaReadResult Read(string xml, bool partial = false)
    {
        XDocument document;
        try
        {
            // XDocument.Parse would accept a DTD (and expand its entities): an EWP file never has one.
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader, LoadOptions.PreserveWhitespace | LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            return new IiaReadResult([], [new EwpReadError(ex.LineNumber, null, EwpProblem.NotXml, ex.Message)]);
        }

        var root = document.Root!;
        if (root.Name.LocalName != "iias-get-response" || (root.Name.NamespaceName != EwpNs.Iia && !(partial && root.Name.Namespace == XNamespace.None)))
        {
            return new IiaReadResult([], [new EwpReadError(Line(root), root.Name.LocalName,
                EwpProblem.NotAGetResponse, root.Name.NamespaceName)]);
        }

        var schemaErrors = partial
            ? []
            : EwpSchemas.ValidateIiaGetResponse(xml).Select(m => new EwpReadError(m.Line, m.Element, EwpProblem.Schema, m.Message)).ToList();

        var readErrors = new List<EwpReadError>();
        var context = new Context(root.Name.Namespace, partial, readErrors);
        var iias = new List<ReadIia>();
        foreach (var element in root.Elements(context.Ns + "iia"))
        {
            var model = context.Iia(element);
            if (model is not null)
                iias.Add(new ReadIia(model, IiaHash.Check(element), Line(element)));
        }
        // A file that breaks the schema also breaks the reading of its values: the schema's messages
        // are the precise ones, so they are reported alone.
        return new IiaReadResult(iias, schemaErrors.Count > 0 ? schemaErrors : readErrors);
    }

    static int Line(XObject o) => o is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    sealed class Context(XNamespace ns, bool partial, List<EwpReadError> errors)
    {
        public XNamespace Ns => ns;
        static readonly XNamespace C = EwpNs.Contact;
        static readonly XNamespace P = EwpNs.Phone;
        static readonly XNamespace A = EwpNs.Address;

        public Iia? Iia(XElement iia)
        {
            var partners = iia.Elements(ns + "partner").ToList();
            if (partners.Count != 2)
            {
                Error(iia, EwpProblem.PartnerCount, partners.Count.ToString(CultureInfo.InvariantCulture));
                return null;
            }
            var first = Partner(partners[0]);
            var second = Partner(partners[1]);
            var conditionsElement = iia.Element(ns + "cooperation-conditions");
            CooperationConditions conditions;
            if (conditionsElement is null)
            {
                Error(iia, EwpProblem.Missing, "cooperation-conditions");
                conditions = new CooperationConditions([]);
            }
            else
            {
                var mobilities = new List<MobilitySpec>();
                foreach (var child in conditionsElement.Elements())
                {
                    var kind = child.Name.Namespace == ns ? MobilitySpec.KindOf(child.Name.LocalName) : null;
                    if (kind is null)
                    {
                        Error(child, EwpProblem.NotAMobility);
                        continue;
                    }
                    if (Mobility(child, kind.Value) is { } spec)
                        mobilities.Add(spec);
                }
                var terminated = (string?)conditionsElement.Attribute("terminated-as-a-whole");
                conditions = new CooperationConditions(mobilities, terminated is not null && Bool(conditionsElement, terminated));
            }

            var inEffect = Value(iia, "in-effect", required: !partial);
            return new Iia(
                first,
                second,
                inEffect is not null && Bool(iia.Element(ns + "in-effect")!, inEffect),
                conditions,
                Value(iia, "iia-hash", required: !partial),
                Value(iia, "pdf-file"));
        }

        IiaPartner Partner(XElement p)
        {
            var signing = p.Element(ns + "signing-contact");
            var date = Value(p, "signing-date");
            DateOnly? signingDate = null;
            if (date is not null)
            {
                // xs:date may carry a time zone (2024-05-01Z, 2024-05-01+08:00): the day is the first ten characters.
                if (date.Length >= 10 && DateOnly.TryParseExact(date[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    signingDate = d;
                else
                    Error(p.Element(ns + "signing-date")!, EwpProblem.NotADate, date);
            }
            return new IiaPartner(
                Value(p, "hei-id", required: true) ?? "",
                Value(p, "ounit-id"),
                Value(p, "iia-id"),
                Value(p, "iia-code"),
                signing is null ? null : Contact(signing),
                signingDate,
                p.Elements(C + "contact").Select(Contact).ToList());
        }

        MobilitySpec? Mobility(XElement m, MobilityKind kind)
        {
            var student = kind is MobilityKind.StudentStudies or MobilityKind.StudentTraineeship;
            var perYearElement = m.Element(ns + "mobilities-per-year");
            var perYear = Value(m, "mobilities-per-year", required: true);
            var blended = Value(m, "blended", required: student && !partial);
            return new MobilitySpec(
                kind,
                Value(m, "sending-hei-id", required: true) ?? "",
                Value(m, "receiving-hei-id", required: true) ?? "",
                Value(m, "receiving-first-academic-year-id", required: true) ?? "",
                Value(m, "receiving-last-academic-year-id", required: true) ?? "",
                perYear is null ? 0 : Int(perYearElement!, perYear, 1, int.MaxValue),
                SendingOunitId: Value(m, "sending-ounit-id"),
                ReceivingOunitId: Value(m, "receiving-ounit-id"),
                SendingContacts: m.Elements(ns + "sending-contact").Select(Contact).ToList(),
                ReceivingContacts: m.Elements(ns + "receiving-contact").Select(Contact).ToList(),
                MobilitiesPerYearNotYetDefined: perYearElement is not null && NotYetDefined(perYearElement),
                LanguageSkills: m.Elements(ns + "recommended-language-skill").Select(LanguageSkill).ToList(),
                SubjectAreas: m.Elements(ns + "subject-area").Select(SubjectArea).ToList(),
                OtherInfoTerms: Value(m, "other-info-terms"),
                TotalMonthsPerYear: Decimal(m, "total-months-per-year"),
                Blended: blended is null ? null : Bool(m.Element(ns + "blended")!, blended),
                EqfLevels: m.Elements(ns + "eqf-level").Select(e => Int(e, e.Value.Trim(), 1, 8)).ToList(),
                TotalDaysPerYear: Decimal(m, "total-days-per-year"));
        }

        LanguageSkill LanguageSkill(XElement s)
        {
            var area = s.Element(ns + "subject-area");
            return new LanguageSkill(
                Value(s, "language", required: true) ?? "",
                Value(s, "cefr-level"),
                area is null ? null : SubjectArea(area),
                NotYetDefined(s));
        }

        SubjectArea SubjectArea(XElement a)
        {
            var code = a.Element(ns + "isced-f-code");
            var v6 = (string?)code?.Attribute("v6-value");
            return new SubjectArea(
                Value(a, "isced-f-code", required: true) ?? "",
                Value(a, "isced-clarification"),
                string.IsNullOrEmpty(v6) ? null : v6);
        }

        EwpContact Contact(XElement c) => new(
            Texts(c, C + "contact-name"),
            Texts(c, C + "person-given-names"),
            Texts(c, C + "person-family-name"),
            (string?)c.Element(C + "person-gender") is { } g ? g.Trim() : null,
            c.Elements(P + "phone-number").Select(Phone).ToList(),
            c.Elements(P + "fax-number").Select(Phone).ToList(),
            c.Elements(C + "email").Select(e => e.Value.Trim()).ToList(),
            Texts(c, C + "role-description"),
            c.Element(A + "street-address") is { } street ? Address(street) : null,
            c.Element(A + "mailing-address") is { } mailing ? Address(mailing) : null);

        static EwpAddress Address(XElement a)
        {
            string? One(string name) => (string?)a.Element(A + name) is { } v ? v.Trim() : null;
            List<string> All(string name) => a.Elements(A + name).Select(e => e.Value.Trim()).ToList();
            return new EwpAddress(All("recipientName"), All("addressLine"), One("buildingNumber"), One("buildingName"),
                One("streetName"), One("unit"), One("floor"), One("postOfficeBox"), All("deliveryPointCode"),
                One("postalCode"), One("locality"), One("region"), One("country"));
        }

        static EwpPhone Phone(XElement p) => new(
            (string?)p.Element(P + "e164") is { } e ? e.Trim() : null,
            (string?)p.Element(P + "ext") is { } x ? x.Trim() : null,
            (string?)p.Element(P + "other-format") is { } o ? o.Trim() : null);

        static List<LangText> Texts(XElement parent, XName name) =>
            parent.Elements(name).Select(e => new LangText(e.Value.Trim(), (string?)e.Attribute(XNamespace.Xml + "lang"))).ToList();

        static bool NotYetDefined(XElement e) => (string?)e.Attribute("not-yet-defined") is "true" or "1";

        string? Value(XElement parent, string name, bool required = false)
        {
            var element = parent.Element(ns + name);
            if (element is null)
            {
                if (required)
                    Error(parent, EwpProblem.Missing, name);
                return null;
            }
            return element.Value.Trim();
        }

        decimal? Decimal(XElement parent, string name)
        {
            var value = Value(parent, name);
            if (value is null)
                return null;
            if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d > 0)
                return d;
            Error(parent.Element(ns + name)!, EwpProblem.NotAPositiveNumber, value);
            return null;
        }

        int Int(XElement element, string value, int min, int max)
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i >= min && i <= max)
                return i;
            Error(element, max == 8 ? EwpProblem.NotAnEqfLevel : EwpProblem.NotAWholeNumber, value);
            return 0;
        }

        bool Bool(XElement element, string value)
        {
            switch (value.Trim())
            {
                case "true" or "1": return true;
                case "false" or "0": return false;
                default:
                    Error(element, EwpProblem.NotABoolean, value);
                    return false;
            }
        }

        void Error(XElement element, EwpProblem problem, string detail = "") =>
            errors.Add(new EwpReadError(Line(element), element.Name.LocalName, problem, detail));
    }
}
