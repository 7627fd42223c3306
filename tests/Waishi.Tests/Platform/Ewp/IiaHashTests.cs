using System.Xml.Linq;
using Waishi.Web.Platform.Ewp;

namespace Waishi.Tests.Platform.Ewp;

public class IiaHashTests
{
    [Fact]
    public void The_specification_example_verifies_against_the_hash_it_carries()
    {
        var check = IiaHash.Check(EwpFiles.FirstIia(EwpFiles.Example));

        Assert.Equal(EwpFiles.ExampleHash, check.Carried);
        Assert.Equal(EwpFiles.ExampleHash, check.Computed);
        Assert.True(check.Matches);
        Assert.True(check.ValidForApproval);
    }

    [Fact]
    public void The_xslt_kit_example_verifies_and_is_not_valid_for_approval()
    {
        var check = IiaHash.Check(EwpFiles.FirstIia(EwpFiles.XsltKit));

        Assert.Equal(EwpFiles.XsltKitHash, check.Computed);
        Assert.True(check.Matches);
        // It has not-yet-defined values and a v6-value: the transform says "valid-for-approval false".
        Assert.False(check.ValidForApproval);
    }

    [Fact]
    public void The_wrong_hash_file_is_reported_as_not_matching()
    {
        var check = IiaHash.Check(EwpFiles.FirstIia(EwpFiles.WrongHash));

        Assert.False(check.Matches);
        Assert.Equal("87b33170d7a6c6d894215641f39e7b7de36501265479e5ab3922f32d5b225032", check.Carried);
        Assert.Equal(EwpFiles.XsltKitHash, check.Computed);
    }

    [Fact]
    public void The_text_to_hash_is_built_as_the_transform_builds_it()
    {
        var text = IiaHash.TextToHash(EwpFiles.FirstIia(EwpFiles.Example));

        const string start =
            "_iia-id_1=0f7a5682-faf7-49a7-9cc7-ec486c49a281__iia-id_2=1954991_" +
            "_cooperation-conditions.student-studies-mobility-spec.sending-hei-id=uw.edu.pl_" +
            "_cooperation-conditions.student-studies-mobility-spec.sending-ounit-id=140_" +
            "_cooperation-conditions.student-studies-mobility-spec.receiving-hei-id=hibo.no_" +
            "_cooperation-conditions.student-studies-mobility-spec.mobilities-per-year=2_" +
            "_student-studies-mobility-spec.recommended-language-skill.language=en_" +
            "_student-studies-mobility-spec.recommended-language-skill.cefr-level=B1_";
        Assert.StartsWith(start, text);
        // The academic years leave their place and close each mobility.
        Assert.Contains(
            "_cooperation-conditions.student-studies-mobility-spec.eqf-level=8_" +
            "_receiving-first-academic-year-id=2014/2015__receiving-last-academic-year-id=2020/2021_" +
            "_cooperation-conditions.student-traineeship-mobility-spec.sending-hei-id=uw.edu.pl_", text);
        Assert.EndsWith(
            "_cooperation-conditions.staff-training-mobility-spec.total-days-per-year=14_" +
            "_receiving-first-academic-year-id=2016/2017__receiving-last-academic-year-id=2017/2018_", text);
        // Outside cooperation conditions only the partners' iia-ids count.
        Assert.DoesNotContain("983/E+", text);
        Assert.DoesNotContain("Sylwia", text);
        Assert.DoesNotContain("in-effect", text);
        Assert.DoesNotContain("pdf-file", text);
    }

    [Fact]
    public void Contacts_and_not_yet_defined_values_are_left_out_and_the_v6_isced_code_is_used()
    {
        var text = IiaHash.TextToHash(EwpFiles.FirstIia(EwpFiles.XsltKit));

        Assert.DoesNotContain("XYZ", text);
        Assert.DoesNotContain("123456789", text);
        Assert.DoesNotContain("student-studies-mobility-spec.mobilities-per-year", text);
        Assert.DoesNotContain("student-studies-mobility-spec.recommended-language-skill", text);
        Assert.Contains("_student-studies-mobility-spec.subject-area.isced-f-code=031_", text);
        Assert.Contains("_student-studies-mobility-spec.subject-area.isced-clarification=Social and behavioural sciences_", text);
        Assert.DoesNotContain("v6-value", text);
        Assert.DoesNotContain("not-yet-defined", text);
    }

    [Fact]
    public void Layout_comments_and_prefixes_do_not_change_the_hash_but_values_do()
    {
        var original = EwpFiles.Example;
        var relaidOut = original
            .Replace("xmlns:c=", "xmlns:contact=").Replace("<c:", "<contact:").Replace("</c:", "</contact:")
            .Replace("<in-effect>", "<!-- a comment --><in-effect>")
            .Replace("        <partner>", "<partner>");
        Assert.Equal(EwpFiles.ExampleHash, IiaHash.Compute(EwpFiles.FirstIia(relaidOut)));

        var otherValue = original.Replace("<mobilities-per-year>10</mobilities-per-year>", "<mobilities-per-year>11</mobilities-per-year>");
        Assert.NotEqual(EwpFiles.ExampleHash, IiaHash.Compute(EwpFiles.FirstIia(otherValue)));

        // Whitespace inside a value is part of it, as the XSLT processor sees it.
        var padded = original.Replace("<eqf-level>8</eqf-level>", "<eqf-level> 8</eqf-level>");
        Assert.NotEqual(EwpFiles.ExampleHash, IiaHash.Compute(EwpFiles.FirstIia(padded)));

        // Partner data other than the iia-id is not hashed.
        var otherCode = original.Replace("2014/E+/PL/4104B", "2014/E+/PL/9999");
        Assert.Equal(EwpFiles.ExampleHash, IiaHash.Compute(EwpFiles.FirstIia(otherCode)));
    }

    [Fact]
    public void Termination_and_attributes_enter_the_text()
    {
        var iia = EwpFiles.FirstIia(EwpFiles.Example);
        var conditions = iia.Elements().Single(e => e.Name.LocalName == "cooperation-conditions");
        conditions.SetAttributeValue("terminated-as-a-whole", "true");
        Assert.StartsWith("_@terminated-as-a-whole@__iia-id_1=", IiaHash.TextToHash(iia));

        conditions.SetAttributeValue("terminated-as-a-whole", "false");
        Assert.StartsWith("_iia-id_1=", IiaHash.TextToHash(iia));

        var language = conditions.Descendants().First(e => e.Name.LocalName == "language");
        language.SetAttributeValue(XNamespace.Xml + "lang", "en");
        Assert.Contains("_@student-studies-mobility-spec.recommended-language-skill.language.lang=en@_" +
            "_student-studies-mobility-spec.recommended-language-skill.language=en_", IiaHash.TextToHash(iia));
    }

    [Fact]
    public void A_missing_iia_id_is_an_empty_value()
    {
        var xml = EwpFiles.Example.Replace("<iia-id>1954991</iia-id>", "");
        Assert.StartsWith("_iia-id_1=0f7a5682-faf7-49a7-9cc7-ec486c49a281__iia-id_2=__cooperation-conditions.",
            IiaHash.TextToHash(EwpFiles.FirstIia(xml)));
    }

    // The expected hashes below were produced by running transform_version_7.xsl itself in an XSLT 3.0
    // processor (SaxonJS) on the same documents and hashing its text-to-hash.

    [Fact]
    public void Attributes_whitespace_cdata_comments_and_a_missing_iia_id_hash_as_the_transform_does()
    {
        var xml = EwpFiles.Example
            .Replace("<language>en</language>", "<language xml:lang=\"en\" foo=\"b  a\">en</language>")
            .Replace("<eqf-level>8</eqf-level>", "<eqf-level>\n 8 </eqf-level>")
            .Replace("<iia-id>1954991</iia-id>", "")
            .Replace("<cooperation-conditions>", "<cooperation-conditions terminated-as-a-whole=\"1\">")
            .Replace("<blended>false</blended>", "<blended><![CDATA[fa]]>lse<!-- c --></blended>");

        Assert.Equal("f0b36dc5746cb9d7296d98f6c66a88920869bf7c8b80798c4a5b6d3160396e52", IiaHash.Compute(EwpFiles.FirstIia(xml)));
    }

    [Fact]
    public void Written_models_hash_as_the_transform_does()
    {
        var model = EwpFiles.FullModel();
        Assert.Equal("bf4ff19dec7bc4f15c7178f019912103851a44419a6e2ccd15ff82565d37be9d", IiaWriter.HashOf(model));

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
                    LanguageSkills = [new LanguageSkill("en", "B2", NotYetDefined: true), new LanguageSkill("pl", "A2", new SubjectArea("0231", "x", "02"))],
                }, .. model.Conditions.Mobilities.Skip(1)],
            },
        };
        Assert.Equal("be6b6e5da97c382ee7a8c6a132342ecd9b03ef5786593fe7ce5f3427b14c1280", IiaWriter.HashOf(flagged));
    }

    [Fact]
    public void The_transform_copied_with_the_tests_is_the_one_this_code_follows()
    {
        // If the official transform changes, IiaHash must be read against it again.
        var xsl = EwpFiles.Text("transform_version_7.xsl");
        Assert.Equal("12dc46c4", IiaHash.Sha256Hex(xsl.ReplaceLineEndings("\n"))[..8]);
    }
}
