namespace Waishi.Web.Platform.Ewp;

/// <summary>XML namespaces of the IIAs API v7 get-response and the common types it uses.</summary>
public static class EwpNs
{
    public const string Iia = "https://github.com/erasmus-without-paper/ewp-specs-api-iias/blob/stable-v7/endpoints/get-response.xsd";
    public const string Contact = "https://github.com/erasmus-without-paper/ewp-specs-types-contact/tree/stable-v1";
    public const string Phone = "https://github.com/erasmus-without-paper/ewp-specs-types-phonenumber/tree/stable-v1";
    public const string Common = "https://github.com/erasmus-without-paper/ewp-specs-architecture/blob/stable-v1/common-types.xsd";
    public const string AcademicTerm = "https://github.com/erasmus-without-paper/ewp-specs-types-academic-term/tree/stable-v1";
    public const string Address = "https://github.com/erasmus-without-paper/ewp-specs-types-address/tree/stable-v1";
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Where the get-response schema is published (the value a response puts in xsi:schemaLocation).</summary>
    public const string IiaSchemaUrl = "https://raw.githubusercontent.com/erasmus-without-paper/ewp-specs-api-iias/stable-v7/endpoints/get-response.xsd";
}

/// <summary>
/// One inter-institutional agreement as the IIAs API v7 get-response carries it. The first partner is
/// the institution that serves the response; its <see cref="IiaPartner.IiaId"/> is that side's id.
/// </summary>
public sealed record Iia(
    IiaPartner Partner1,
    IiaPartner Partner2,
    bool InEffect,
    CooperationConditions Conditions,
    string? IiaHash = null,
    string? PdfFile = null)
{
    public IEnumerable<IiaPartner> Partners => [Partner1, Partner2];

    /// <summary>The partner with this HEI id (case-insensitive, as HEI ids are domain names), or null.</summary>
    public IiaPartner? PartnerByHeiId(string heiId) =>
        Partners.FirstOrDefault(p => string.Equals(p.HeiId, heiId, StringComparison.OrdinalIgnoreCase));
}

public sealed record IiaPartner(
    string HeiId,
    string? OunitId = null,
    string? IiaId = null,
    string? IiaCode = null,
    EwpContact? SigningContact = null,
    DateOnly? SigningDate = null,
    IReadOnlyList<EwpContact>? Contacts = null)
{
    public IReadOnlyList<EwpContact> Contacts { get; init; } = Contacts ?? [];
}

/// <summary>A text with an optional xml:lang.</summary>
public sealed record LangText(string Text, string? Lang = null);

/// <summary>A phone or fax number: E.164 with an optional extension, or free text.</summary>
public sealed record EwpPhone(string? E164 = null, string? Ext = null, string? OtherFormat = null);

/// <summary>
/// The EWP FlexibleAddress: free address lines, or the parts of a street address (the schema allows
/// one or the other), then postal code, locality, region and ISO country code.
/// </summary>
public sealed record EwpAddress(
    IReadOnlyList<string>? RecipientNames = null,
    IReadOnlyList<string>? AddressLines = null,
    string? BuildingNumber = null,
    string? BuildingName = null,
    string? StreetName = null,
    string? Unit = null,
    string? Floor = null,
    string? PostOfficeBox = null,
    IReadOnlyList<string>? DeliveryPointCodes = null,
    string? PostalCode = null,
    string? Locality = null,
    string? Region = null,
    string? Country = null)
{
    public IReadOnlyList<string> RecipientNames { get; init; } = RecipientNames ?? [];
    public IReadOnlyList<string> AddressLines { get; init; } = AddressLines ?? [];
    public IReadOnlyList<string> DeliveryPointCodes { get; init; } = DeliveryPointCodes ?? [];
}

/// <summary>The EWP Contact type.</summary>
public sealed record EwpContact(
    IReadOnlyList<LangText> Names,
    IReadOnlyList<LangText>? GivenNames = null,
    IReadOnlyList<LangText>? FamilyNames = null,
    string? Gender = null,
    IReadOnlyList<EwpPhone>? Phones = null,
    IReadOnlyList<EwpPhone>? Faxes = null,
    IReadOnlyList<string>? Emails = null,
    IReadOnlyList<LangText>? RoleDescriptions = null,
    EwpAddress? StreetAddress = null,
    EwpAddress? MailingAddress = null)
{
    public IReadOnlyList<LangText> GivenNames { get; init; } = GivenNames ?? [];
    public IReadOnlyList<LangText> FamilyNames { get; init; } = FamilyNames ?? [];
    public IReadOnlyList<EwpPhone> Phones { get; init; } = Phones ?? [];
    public IReadOnlyList<EwpPhone> Faxes { get; init; } = Faxes ?? [];
    public IReadOnlyList<string> Emails { get; init; } = Emails ?? [];
    public IReadOnlyList<LangText> RoleDescriptions { get; init; } = RoleDescriptions ?? [];

    /// <summary>A contact with a name and, if given, an e-mail address.</summary>
    public static EwpContact Of(string name, string? email = null) =>
        new([new LangText(name)], Emails: email is null ? [] : [email]);
}

public sealed record CooperationConditions(IReadOnlyList<MobilitySpec> Mobilities, bool TerminatedAsAWhole = false);

/// <summary>The four kinds of mobility, in the order the schema wants them.</summary>
public enum MobilityKind
{
    StudentStudies,
    StudentTraineeship,
    StaffTeacher,
    StaffTraining,
}

/// <summary>
/// One direction of one kind of mobility. Students have months, blended and EQF levels; staff have
/// days. Academic years are ids of the form 2024/2025.
/// </summary>
public sealed record MobilitySpec(
    MobilityKind Kind,
    string SendingHeiId,
    string ReceivingHeiId,
    string FirstAcademicYear,
    string LastAcademicYear,
    int MobilitiesPerYear,
    string? SendingOunitId = null,
    string? ReceivingOunitId = null,
    IReadOnlyList<EwpContact>? SendingContacts = null,
    IReadOnlyList<EwpContact>? ReceivingContacts = null,
    bool MobilitiesPerYearNotYetDefined = false,
    IReadOnlyList<LanguageSkill>? LanguageSkills = null,
    IReadOnlyList<SubjectArea>? SubjectAreas = null,
    string? OtherInfoTerms = null,
    decimal? TotalMonthsPerYear = null,
    bool? Blended = null,
    IReadOnlyList<int>? EqfLevels = null,
    decimal? TotalDaysPerYear = null)
{
    public IReadOnlyList<EwpContact> SendingContacts { get; init; } = SendingContacts ?? [];
    public IReadOnlyList<EwpContact> ReceivingContacts { get; init; } = ReceivingContacts ?? [];
    public IReadOnlyList<LanguageSkill> LanguageSkills { get; init; } = LanguageSkills ?? [];
    public IReadOnlyList<SubjectArea> SubjectAreas { get; init; } = SubjectAreas ?? [];
    public IReadOnlyList<int> EqfLevels { get; init; } = EqfLevels ?? [];

    public bool IsStudent => Kind is MobilityKind.StudentStudies or MobilityKind.StudentTraineeship;

    public static string ElementName(MobilityKind kind) => kind switch
    {
        MobilityKind.StudentStudies => "student-studies-mobility-spec",
        MobilityKind.StudentTraineeship => "student-traineeship-mobility-spec",
        MobilityKind.StaffTeacher => "staff-teacher-mobility-spec",
        MobilityKind.StaffTraining => "staff-training-mobility-spec",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static MobilityKind? KindOf(string elementName) => elementName switch
    {
        "student-studies-mobility-spec" => MobilityKind.StudentStudies,
        "student-traineeship-mobility-spec" => MobilityKind.StudentTraineeship,
        "staff-teacher-mobility-spec" => MobilityKind.StaffTeacher,
        "staff-training-mobility-spec" => MobilityKind.StaffTraining,
        _ => null,
    };
}

/// <summary>A recommended language skill: language (xs:language), CEFR level, optionally for one subject area.</summary>
public sealed record LanguageSkill(string Language, string? CefrLevel = null, SubjectArea? SubjectArea = null, bool NotYetDefined = false);

/// <summary>An ISCED-F code (four digits), the IIA v6 value it replaced if any, and a clarification.</summary>
public sealed record SubjectArea(string IscedFCode, string? Clarification = null, string? V6Value = null);
