using System.Xml.Linq;
using Waishi.Web.Platform.Ewp;

namespace Waishi.Tests.Platform.Ewp;

/// <summary>The EWP example files copied next to the tests (see Data/README.md).</summary>
static class EwpFiles
{
    public const string ExampleHash = "e950faa83a799cf45839e7915db88ed51575babe7845c1219dfde54ce30a61e4";
    public const string XsltKitHash = "87b33170d7a6c6d894215641f39e7b7de36501265479e5ab3922f32d5b225033";

    public static string Text(string relative) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Platform", "Ewp", "Data", relative));

    public static string Example => Text("examples/get-response-example-v7.xml");
    public static string XsltKit => Text("examples/get-response-xsltkit-v7.xml");
    public static string WrongHash => Text("examples/get-response-wrong-hash-v7.xml");

    /// <summary>The first iia element of a response, parsed as the hash needs it (whitespace kept).</summary>
    public static XElement FirstIia(string xml) =>
        XDocument.Parse(xml, LoadOptions.PreserveWhitespace).Root!.Elements().First(e => e.Name.LocalName == "iia");

    /// <summary>An agreement with every field the model carries, all four kinds of mobility.</summary>
    public static Iia FullModel() => new(
        new IiaPartner("bfsu.edu.cn", "intl", "waishi-7f3c", "BFSU/2025/E+/001",
            new EwpContact([new LangText("王芳", "zh"), new LangText("Wang Fang", "en")],
                GivenNames: [new LangText("Fang", "en")], FamilyNames: [new LangText("Wang", "en")], Gender: "2",
                Phones: [new EwpPhone("+861088816000", "12")], Faxes: [new EwpPhone(OtherFormat: "010 8881 6001")],
                Emails: ["wangfang@example.edu.cn"], RoleDescriptions: [new LangText("Director of international office", "en")],
                StreetAddress: new EwpAddress(BuildingNumber: "2", StreetName: "Xisanhuan North Road", PostalCode: "100089", Locality: "Beijing", Country: "CN"),
                MailingAddress: new EwpAddress(["International Office"], ["Beijing Foreign Studies University", "2 Xisanhuan North Road"], PostalCode: "100089", Locality: "Haidian, Beijing", Country: "CN")),
            new DateOnly(2025, 3, 14),
            [EwpContact.Of("Li Lei", "lilei@example.edu.cn")]),
        new IiaPartner("uw.edu.pl", IiaId: "1954991", SigningContact: EwpContact.Of("Sylwia Nowak", "s.nowak@example.pl")),
        InEffect: true,
        new CooperationConditions(
        [
            new MobilitySpec(MobilityKind.StudentStudies, "bfsu.edu.cn", "uw.edu.pl", "2025/2026", "2028/2029", 3,
                SendingOunitId: "intl",
                SendingContacts: [EwpContact.Of("Zhang Wei", "zw@example.edu.cn")],
                ReceivingContacts: [EwpContact.Of("Jan Kowalski")],
                LanguageSkills: [new LanguageSkill("en", "B2"), new LanguageSkill("pl", "A2", new SubjectArea("0231", "Language acquisition"))],
                SubjectAreas: [new SubjectArea("0232", "Literature and linguistics"), new SubjectArea("0314")],
                OtherInfoTerms: "Tuition waived & housing offered",
                TotalMonthsPerYear: 15.5m, Blended: false, EqfLevels: [6, 7]),
            new MobilitySpec(MobilityKind.StudentTraineeship, "uw.edu.pl", "bfsu.edu.cn", "2025/2026", "2026/2027", 1,
                ReceivingOunitId: "intl", LanguageSkills: [new LanguageSkill("zh", "B1")], TotalMonthsPerYear: 3m, Blended: true, EqfLevels: [6]),
            new MobilitySpec(MobilityKind.StaffTeacher, "bfsu.edu.cn", "uw.edu.pl", "2025/2026", "2027/2028", 2,
                LanguageSkills: [new LanguageSkill("en", "C1")], SubjectAreas: [new SubjectArea("0231")], TotalDaysPerYear: 10m),
            new MobilitySpec(MobilityKind.StaffTraining, "uw.edu.pl", "bfsu.edu.cn", "2025/2026", "2027/2028", 2,
                TotalDaysPerYear: 5.25m),
        ], TerminatedAsAWhole: false),
        PdfFile: "3b8e4c1a-2a9d-4c7e-9d0b-5a1f6e2c9d10");
}
