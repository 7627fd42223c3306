using System.Text.Json;
using Waishi.Web.Platform.Ewp;

namespace Waishi.Tests.Platform.Ewp;

public class EwpSchemaTests
{
    [Fact]
    public void The_examples_validate_offline_against_the_shipped_schemas()
    {
        Assert.Empty(EwpSchemas.ValidateIiaGetResponse(EwpFiles.Example));
        Assert.Empty(EwpSchemas.ValidateIiaGetResponse(EwpFiles.XsltKit));
    }

    [Fact]
    public void Every_import_resolves_to_a_shipped_file_and_nothing_goes_online()
    {
        var resolver = new EwpSchemaResolver();
        var set = EwpSchemas.Load("ewp-specs-api-iias-v7.0.0/endpoints/get-response.xsd", resolver);

        Assert.True(set.IsCompiled);
        Assert.All(resolver.Requested, uri => Assert.Equal(EwpSchemaResolver.BaseUri.Host, uri.Host));
        Assert.Contains(resolver.Requested, uri => uri.AbsolutePath.EndsWith("/ewp-specs-types-phonenumber-v1.0.1/schema.xsd"));
        Assert.Contains(resolver.Requested, uri => uri.AbsolutePath == "/xml.xsd");
        Assert.Equal(7, EwpSchemaResolver.Files.Count);

        // The published address of a schema maps to the shipped copy; an unknown one is refused.
        Assert.Equal(EwpSchemaResolver.UriOf("ewp-specs-api-iias-v7.0.0/endpoints/get-response.xsd"),
            resolver.ResolveUri(null, EwpNs.IiaSchemaUrl));
        Assert.Throws<System.Xml.XmlException>(() => resolver.GetEntity(new Uri("https://example.org/other.xsd"), null, null));
    }

    [Fact]
    public void A_file_that_breaks_the_schema_gets_messages_with_lines()
    {
        var xml = EwpFiles.Example
            .Replace("<in-effect>true</in-effect>", "<in-effect>yes</in-effect>")
            .Replace("<cefr-level>C1</cefr-level>", "<cefr-level>D9</cefr-level>");
        var lines = xml.Split('\n');
        int LineOf(string s) => Array.FindIndex(lines, l => l.Contains(s)) + 1;

        var messages = EwpSchemas.ValidateIiaGetResponse(xml);

        Assert.Contains(messages, m => m.IsError && m.Line == LineOf("<in-effect>yes") && m.Element == "in-effect");
        Assert.Contains(messages, m => m.IsError && m.Line == LineOf("<cefr-level>D9") && m.Element == "cefr-level");
    }

    [Fact]
    public void A_file_that_is_not_xml_gets_its_line()
    {
        var messages = EwpSchemas.ValidateIiaGetResponse("<iias-get-response>\n  <iia>\n</iias-get-response>");
        Assert.Contains(messages, m => m.IsError && m.Line == 3 && m.Message.Contains("iia"));
    }
}

public class IiaReaderTests
{
    [Fact]
    public void The_example_reads_into_the_model()
    {
        var result = IiaReader.Read(EwpFiles.Example);

        Assert.True(result.Ok, string.Join("\n", result.Errors));
        var read = Assert.Single(result.Iias);
        Assert.True(read.Hash.Matches);
        var iia = read.Model;
        Assert.Equal("uw.edu.pl", iia.Partner1.HeiId);
        Assert.Equal("0f7a5682-faf7-49a7-9cc7-ec486c49a281", iia.Partner1.IiaId);
        Assert.Equal("983/E+/III14&15", iia.Partner1.IiaCode);
        Assert.Equal("Sylwia Nowak", iia.Partner1.SigningContact!.Names.Single().Text);
        Assert.Equal(["email@example.com"], iia.Partner1.SigningContact.Emails);
        Assert.Equal("Kowalska", iia.Partner1.Contacts.Single().FamilyNames.Single().Text);
        Assert.Equal("hibo.no", iia.Partner2.HeiId);
        Assert.Equal("1954991", iia.Partner2.IiaId);
        Assert.True(iia.InEffect);
        Assert.Equal(EwpFiles.ExampleHash, iia.IiaHash);
        Assert.Equal("4a483112-d306-4e77-87ff-05b823fb0e0f", iia.PdfFile);

        Assert.Equal(
            [MobilityKind.StudentStudies, MobilityKind.StudentTraineeship, MobilityKind.StaffTeacher, MobilityKind.StaffTeacher, MobilityKind.StaffTraining],
            iia.Conditions.Mobilities.Select(m => m.Kind));
        var studies = iia.Conditions.Mobilities[0];
        Assert.Equal(("uw.edu.pl", "140", "hibo.no"), (studies.SendingHeiId, studies.SendingOunitId, studies.ReceivingHeiId));
        Assert.Equal(("2014/2015", "2020/2021", 2), (studies.FirstAcademicYear, studies.LastAcademicYear, studies.MobilitiesPerYear));
        Assert.Equal(["en B1", "no B1"], studies.LanguageSkills.Select(s => $"{s.Language} {s.CefrLevel}"));
        Assert.Equal("0314", studies.SubjectAreas.Single().IscedFCode);
        Assert.Equal((5m, false), (studies.TotalMonthsPerYear, studies.Blended));
        Assert.Equal([7, 8], studies.EqfLevels);
        var teacherBack = iia.Conditions.Mobilities[3];
        Assert.Equal(("hibo.no", "uw.edu.pl", "140", 14m), (teacherBack.SendingHeiId, teacherBack.ReceivingHeiId, teacherBack.ReceivingOunitId, teacherBack.TotalDaysPerYear));
        Assert.Null(teacherBack.Blended);
    }

    [Fact]
    public void Not_yet_defined_values_v6_codes_and_cooperation_contacts_are_read()
    {
        var result = IiaReader.Read(EwpFiles.XsltKit);

        Assert.True(result.Ok, string.Join("\n", result.Errors));
        var studies = result.Iias.Single().Model.Conditions.Mobilities[0];
        Assert.True(studies.MobilitiesPerYearNotYetDefined);
        Assert.True(studies.LanguageSkills.Single().NotYetDefined);
        Assert.Equal(new SubjectArea("0314", "Social and behavioural sciences", "031"), studies.SubjectAreas.Single());
        var contact = studies.SendingContacts.Single();
        Assert.Equal("XYZ", contact.Names.Single().Text);
        Assert.Equal("123456789", contact.Phones.Single().OtherFormat);
        Assert.False(result.Iias.Single().Hash.ValidForApproval);
    }

    [Fact]
    public void The_wrong_hash_file_reads_but_its_hash_does_not_match()
    {
        var read = Assert.Single(IiaReader.Read(EwpFiles.WrongHash).Iias);
        Assert.False(read.Hash.Matches);
    }

    [Fact]
    public void A_file_that_does_not_match_the_schema_names_the_element_and_line()
    {
        var xml = EwpFiles.Example.Replace("<hei-id>hibo.no</hei-id>", "");
        var line = xml.Split('\n').Select((l, i) => (l, i)).Where(x => x.l.Contains("<iia-id>1954991")).Single().i + 1;

        var result = IiaReader.Read(xml);

        Assert.False(result.Ok);
        var error = Assert.Single(result.Errors);
        Assert.Equal(line, error.Line);
        Assert.Equal("iia-id", error.Element);
        Assert.Equal(EwpProblem.Schema, error.Problem);
        Assert.Contains("hei-id", error.Message);
    }

    [Fact]
    public void A_value_that_cannot_be_read_is_reported_where_it_is()
    {
        // Partial reading skips the schema, so the reader's own checks speak.
        var xml = EwpFiles.Example.Replace("<mobilities-per-year>10</mobilities-per-year>", "<mobilities-per-year>ten</mobilities-per-year>");
        var line = xml.Split('\n').ToList().FindIndex(l => l.Contains(">ten<")) + 1;

        var result = IiaReader.Read(xml, partial: true);

        var error = Assert.Single(result.Errors);
        Assert.Equal((line, "mobilities-per-year"), (error.Line, error.Element));
        Assert.Equal(EwpProblem.NotAWholeNumber, error.Problem);
        Assert.Equal("The value ten is not a whole number greater than zero.", error.Message);
    }

    [Fact]
    public void Another_document_is_refused_with_what_was_expected()
    {
        var result = IiaReader.Read("<?xml version=\"1.0\"?>\n<iias-index-response xmlns=\"urn:x\"/>");
        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "iias-index-response"), (error.Line, error.Element));
        Assert.Contains(EwpNs.Iia, error.Message);

        var notXml = IiaReader.Read("<iias-get-response>\n<iia>");
        Assert.Equal(2, Assert.Single(notXml.Errors).Line);
    }
}

public class IiaWriterTests
{
    static string Json(Iia iia) => JsonSerializer.Serialize(iia);

    [Fact]
    public void A_model_round_trips_through_valid_xml_with_the_same_hash()
    {
        var model = EwpFiles.FullModel();

        var xml = IiaWriter.ToXml(model);
        Assert.Empty(EwpSchemas.ValidateIiaGetResponse(xml));

        var result = IiaReader.Read(xml);
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        var read = Assert.Single(result.Iias);
        Assert.True(read.Hash.Matches);
        Assert.True(read.Hash.ValidForApproval);
        Assert.Equal(IiaWriter.HashOf(model), read.Hash.Computed);
        Assert.Equal(Json(model with { IiaHash = read.Hash.Computed }), Json(read.Model));

        // Written again, the read model gives the same text and hash.
        Assert.Equal(xml, IiaWriter.ToXml(read.Model));
    }

    [Fact]
    public void Values_that_are_not_yet_defined_or_from_v6_round_trip_and_leave_the_hash()
    {
        var model = EwpFiles.FullModel();
        var studies = model.Conditions.Mobilities[0];
        var flagged = model with
        {
            Conditions = model.Conditions with
            {
                TerminatedAsAWhole = true,
                Mobilities = [studies with
                {
                    MobilitiesPerYearNotYetDefined = true,
                    SubjectAreas = [new SubjectArea("0232", V6Value: "023")],
                }, .. model.Conditions.Mobilities.Skip(1)],
            },
        };

        var xml = IiaWriter.ToXml(flagged);
        Assert.Empty(EwpSchemas.ValidateIiaGetResponse(xml));
        var read = Assert.Single(IiaReader.Read(xml).Iias);

        Assert.Equal(Json(flagged with { IiaHash = read.Hash.Computed }), Json(read.Model));
        Assert.False(read.Hash.ValidForApproval);
        var text = IiaHash.TextToHash(IiaWriter.Element(flagged));
        Assert.StartsWith("_@terminated-as-a-whole@_", text);
        Assert.Contains("subject-area.isced-f-code=023_", text);
        Assert.DoesNotContain("student-studies-mobility-spec.mobilities-per-year", text);
    }

    [Fact]
    public void The_writer_computes_the_hash_and_orders_mobilities_by_kind()
    {
        var model = EwpFiles.FullModel();
        var reversed = model with
        {
            IiaHash = "0000000000000000000000000000000000000000000000000000000000000000",
            Conditions = model.Conditions with { Mobilities = model.Conditions.Mobilities.Reverse().ToList() },
        };

        var xml = IiaWriter.ToXml(reversed);

        Assert.Empty(EwpSchemas.ValidateIiaGetResponse(xml));
        Assert.Equal(IiaWriter.HashOf(model), Assert.Single(IiaReader.Read(xml).Iias).Hash.Carried);
        Assert.DoesNotContain("0000000000", xml);
    }

    [Fact]
    public void The_example_read_and_written_again_keeps_its_hash()
    {
        var read = IiaReader.Read(EwpFiles.Example).Iias.Single().Model;

        var xml = IiaWriter.ToXml(read);

        Assert.Empty(EwpSchemas.ValidateIiaGetResponse(xml));
        Assert.Equal(EwpFiles.ExampleHash, IiaWriter.HashOf(read));
        Assert.Contains("<iia-code>983/E+/III14&amp;15</iia-code>", xml);
    }

    [Fact]
    public void A_model_the_schema_refuses_is_caught_by_validation()
    {
        var model = EwpFiles.FullModel();
        var bad = model with
        {
            Conditions = model.Conditions with
            {
                Mobilities = [model.Conditions.Mobilities[0] with { FirstAcademicYear = "2025-26", EqfLevels = [9] }],
            },
        };

        var messages = EwpSchemas.ValidateIiaGetResponse(IiaWriter.ToXml(bad));

        Assert.Contains(messages, m => m.Element == "receiving-first-academic-year-id" && m.Line > 0);
        Assert.Contains(messages, m => m.Element == "eqf-level");
    }
}
