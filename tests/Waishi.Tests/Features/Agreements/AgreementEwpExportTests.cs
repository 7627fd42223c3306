using System.Net;
using System.Xml.Linq;
using Waishi.Tests.Api;
using Waishi.Tests.Support;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Platform.Ewp;

namespace Waishi.Tests.Features.Agreements;

public sealed class AgreementEwpExportTests
{
    private static async Task<(AppFactory App, EwpAgreementData Data, Guid Partner, Guid Agreement)> ExportableAsync()
    {
        var app = await AppFactory.CreateAsync();
        var data = new EwpAgreementData(app);
        await data.OurHeiIdAsync("cqu.edu.cn");
        var partner = await data.PartnerAsync("University of Warsaw", "uw.edu.pl");
        var agreement = await data.AgreementAsync(partner);
        return (app, data, partner, agreement);
    }

    [Fact]
    public async Task The_exported_file_validates_against_the_EWP_schemas_and_its_hash_verifies()
    {
        var (app, data, _, id) = await ExportableAsync();
        await using var _app = app;
        var client = await app.SignInAsync("cqu.officer-global");

        var response = await client.GetAsync($"/Agreements/Ewp/Export/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("iia-AGR-2026-0001.xml", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var xml = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain(EwpSchemas.ValidateIiaGetResponse(xml), m => m.IsError);
        var iia = XDocument.Parse(xml, LoadOptions.PreserveWhitespace).Root!.Elements().Single(e => e.Name.LocalName == "iia");
        var check = IiaHash.Check(iia);
        Assert.True(check.Matches, $"carried {check.Carried}, computed {check.Computed}");

        var read = IiaReader.Read(xml);
        Assert.True(read.Ok, string.Join("; ", read.Errors));
        var model = read.Iias.Single().Model;
        Assert.Equal("cqu.edu.cn", model.Partner1.HeiId);
        Assert.Equal(id.ToString("D"), model.Partner1.IiaId);
        Assert.Equal("AGR-2026-0001", model.Partner1.IiaCode);
        Assert.Equal("Li Ming", model.Partner1.SigningContact!.Names[0].Text);
        Assert.Equal(new DateOnly(2026, 2, 20), model.Partner1.SigningDate);
        Assert.Equal("uw.edu.pl", model.Partner2.HeiId);
        Assert.Null(model.Partner2.IiaId);
        Assert.Equal("Sylwia Nowak", model.Partner2.SigningContact!.Names[0].Text);
        Assert.Contains(model.Partner2.Contacts, c => c.Emails.Contains("jan.kowalski@example.pl"));
        Assert.True(model.InEffect);

        var studies = model.Conditions.Mobilities.Single(m => m.Kind == MobilityKind.StudentStudies);
        Assert.Equal(("cqu.edu.cn", "uw.edu.pl"), (studies.SendingHeiId, studies.ReceivingHeiId));
        Assert.Equal(("2026/2027", "2028/2029", 2), (studies.FirstAcademicYear, studies.LastAcademicYear, studies.MobilitiesPerYear));
        Assert.Equal(10m, studies.TotalMonthsPerYear);
        Assert.Equal([6, 7], studies.EqfLevels);
        Assert.Equal(["0613", "0714"], studies.SubjectAreas.Select(s => s.IscedFCode));
        Assert.Equal("Software development", studies.SubjectAreas[0].Clarification);
        Assert.Equal(("en", "B2"), (studies.LanguageSkills[0].Language, studies.LanguageSkills[0].CefrLevel));
        var teaching = model.Conditions.Mobilities.Single(m => m.Kind == MobilityKind.StaffTeacher);
        Assert.Equal(("uw.edu.pl", "cqu.edu.cn"), (teaching.SendingHeiId, teaching.ReceivingHeiId));
        Assert.Equal(5m, teaching.TotalDaysPerYear);
        Assert.Equal("0613", teaching.LanguageSkills[0].SubjectArea!.IscedFCode);

        // The first export gives the agreement its iia-id; the next one names the same.
        Assert.Equal(id.ToString("D"), (await data.LoadAsync(id)).EwpIiaId);
        var again = await client.GetStringAsync($"/api/v1/agreements/{id}/iia");
        Assert.Equal(id.ToString("D"), IiaReader.Read(again).Iias.Single().Model.Partner1.IiaId);
    }

    [Fact]
    public async Task A_linked_agreement_names_the_partners_iia_id_and_one_not_in_force_is_not_in_effect()
    {
        await using var app = await AppFactory.CreateAsync();
        var data = new EwpAgreementData(app);
        await data.OurHeiIdAsync("cqu.edu.cn");
        var partner = await data.PartnerAsync("University of Warsaw", "UW.edu.pl");
        var id = await data.AgreementAsync(partner, number: null, change: a =>
        {
            a.State = AgreementState.Draft;
            a.EwpIiaId = "cqu-iia-17";
            a.EwpPartnerIiaId = "0f7a5682-faf7-49a7-9cc7-ec486c49a281";
        });
        var client = await app.SignInAsync("cqu.director");

        var response = await client.GetAsync($"/api/v1/agreements/{id}/iia");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("iia-cqu-iia-17.xml", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var model = IiaReader.Read(await response.Content.ReadAsStringAsync()).Iias.Single().Model;
        Assert.Equal("cqu-iia-17", model.Partner1.IiaId);
        Assert.Null(model.Partner1.IiaCode);
        Assert.Equal("0f7a5682-faf7-49a7-9cc7-ec486c49a281", model.Partner2.IiaId);
        Assert.False(model.InEffect);

        var page = await client.GetStringAsync($"/Agreements/Ewp/Export/{id}");
        Assert.StartsWith("<?xml", page.TrimStart('\uFEFF'));
    }

    [Fact]
    public async Task Missing_HEI_ids_are_named_with_the_page_that_fixes_them_and_nothing_is_served()
    {
        await using var app = await AppFactory.CreateAsync();
        var data = new EwpAgreementData(app);
        var partner = await data.PartnerAsync("University of Warsaw", heiId: null);
        var id = await data.AgreementAsync(partner);
        var client = await app.SignInAsync("cqu.officer-global");

        var response = await client.GetAsync($"/Agreements/Ewp/Export/{id}");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Our institution's EWP HEI id is not set", html);
        Assert.Contains("href=\"/Agreements/Policy\"", html);
        Assert.Contains("The partner University of Warsaw has no EWP HEI id", html);
        Assert.Contains($"href=\"/Partners/Edit/{partner}\"", html);
        Assert.Null((await data.LoadAsync(id)).EwpIiaId);

        var api = await client.GetAsync($"/api/v1/agreements/{id}/iia");
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        var problems = (await api.JsonAsync()).GetProperty("problems");
        Assert.Equal(2, problems.GetArrayLength());
        Assert.Contains(problems.EnumerateArray(), p => p.GetProperty("fixUrl").GetString() == "/Agreements/Policy");

        var chinese = await (await app.SignInAsync("cqu.director", culture: "zh-CN")).GetAsync($"/Agreements/Ewp/Export/{id}");
        Assert.Contains("尚未设置我校的 EWP 高校代码", WebUtility.HtmlDecode(await chinese.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Quotas_that_EWP_cannot_carry_and_agreements_with_several_partners_are_refused_with_the_fix()
    {
        await using var app = await AppFactory.CreateAsync();
        var data = new EwpAgreementData(app);
        await data.OurHeiIdAsync("cqu.edu.cn");
        var partner = await data.PartnerAsync("University of Warsaw", "uw.edu.pl");
        var broken = await data.AgreementAsync(partner, "AGR-2026-0002", a =>
        {
            a.Quotas[0].PlacesPerYear = 0;
            a.Quotas[0].SubjectAreas = "Computer science";
            a.Quotas[1].LanguageSkills = "English please";
        });
        var other = await data.PartnerAsync("Charles University", "cuni.cz", "CZ");
        var several = await data.AgreementAsync(partner, "AGR-2026-0003", null, other);
        var client = await app.SignInAsync("cqu.officer-global");

        var html = WebUtility.HtmlDecode(await (await client.GetAsync($"/Agreements/Ewp/Export/{broken}")).Content.ReadAsStringAsync());
        Assert.Contains("Quota 1 (Outgoing, Student studies) has no places. Enter at least one place per year.", html);
        Assert.Contains("the subject area \"Computer science\" does not start with a four-digit ISCED-F code", html);
        Assert.Contains("Quota 2 (Incoming, Staff teaching): the language skill \"English please\" is not understood", html);

        var response = await client.GetAsync($"/Agreements/Ewp/Export/{several}");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("this agreement has 2 partners", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_file_that_would_not_match_the_schema_is_never_served()
    {
        await using var app = await AppFactory.CreateAsync();
        var data = new EwpAgreementData(app);
        await data.OurHeiIdAsync("cqu.edu.cn");
        // An iia-id is printable ASCII without spaces: this one makes the written file invalid.
        var id = await data.AgreementAsync(await data.PartnerAsync("University of Warsaw", "uw.edu.pl"), change: a => a.EwpIiaId = "not an id");
        var client = await app.SignInAsync("cqu.officer-global");

        var page = await client.GetAsync($"/Agreements/Ewp/Export/{id}");
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("does not match the EWP schema", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        var api = await client.GetAsync($"/api/v1/agreements/{id}/iia");
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("cqu.applicant")]
    [InlineData("cqu.student")]
    [InlineData("cqu.unit-head")]
    public async Task Only_the_office_exports(string user)
    {
        var (app, _, _, id) = await ExportableAsync();
        await using var _app = app;
        var client = await app.SignInAsync(user);
        var page = await client.GetAsync($"/Agreements/Ewp/Export/{id}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Denied", page.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/agreements/{id}/iia")).StatusCode);
    }
}
