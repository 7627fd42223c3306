using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Api;
using Waishi.Tests.Platform.Ewp;
using Waishi.Tests.Support;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Ewp;

namespace Waishi.Tests.Features.Agreements;

public sealed class AgreementEwpImportTests
{
    private const string Page = "/Agreements/Ewp/Import";

    private static async Task<string> UploadAsync(HttpClient client, string xml, string fileName = "iias.xml")
    {
        var token = await client.AntiforgeryTokenAsync(Page);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(xml));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        form.Add(file, "Upload", fileName);
        var response = await client.PostAsync($"{Page}?handler=Upload", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> ImportApiAsync(HttpClient client, string xml, string query = "") =>
        client.PostAsync($"/api/v1/agreements/ewp-import{query}", new StringContent(xml, Encoding.UTF8, "application/xml"));

    [Fact]
    public async Task The_EWP_example_imports_as_a_draft_for_its_partner_and_a_second_import_changes_nothing()
    {
        await using var app = await AppFactory.CreateAsync();
        var data = new EwpAgreementData(app);
        // We are the Norwegian partner of the example; the Polish one serves the file.
        await data.OurHeiIdAsync("hibo.no");
        var warsaw = await data.PartnerAsync("University of Warsaw", "UW.EDU.PL");
        var client = await app.SignInAsync("cqu.officer-global");

        var html = await UploadAsync(client, EwpFiles.Example, "get-response-example-v7.xml");
        Assert.Contains("1 draft agreements were created.", html);
        var agreement = Assert.Single(await data.AgreementsAsync());
        Assert.Contains($"href=\"/Agreements/Details/{agreement.Id}\"", html);
        Assert.Equal(AgreementState.Draft, agreement.State);
        Assert.Equal("University of Warsaw IIA", agreement.Title);
        Assert.Equal(AgreementType.StudentExchange, agreement.Type);
        Assert.Equal("0f7a5682-faf7-49a7-9cc7-ec486c49a281", agreement.EwpPartnerIiaId);
        Assert.Equal("1954991", agreement.EwpIiaId);
        Assert.Equal(warsaw, Assert.Single(agreement.Parties).PartnerId);
        Assert.StartsWith("Imported from EWP file get-response-example-v7.xml on ", agreement.Notes);
        Assert.Contains(agreement.Signatories, s => s.PartnerId == warsaw && s.Name == "Sylwia Nowak");
        Assert.Contains(agreement.Signatories, s => s.PartnerId == null && s.Name == "Monica Turner");

        // Seen from hibo.no: Warsaw's students and teachers come in, our teachers and trainees go out.
        var quotas = agreement.Quotas.OrderBy(q => q.SortOrder).Select(q => (q.Direction, q.Kind, q.FirstYear, q.LastYear, q.PlacesPerYear)).ToList();
        Assert.Equal(
        [
            (MobilityDirection.Outgoing, MobilityKind.StaffTeacher, 2016, 2017, 2),
            (MobilityDirection.Outgoing, MobilityKind.StaffTraining, 2016, 2017, 2),
            (MobilityDirection.Incoming, MobilityKind.StudentStudies, 2014, 2020, 2),
            (MobilityDirection.Incoming, MobilityKind.StudentTraineeship, 2014, 2020, 10),
            (MobilityDirection.Incoming, MobilityKind.StaffTeacher, 2016, 2017, 2),
        ], quotas);
        Assert.All(agreement.Quotas, q => Assert.Equal(warsaw, q.PartnerId));

        var again = await UploadAsync(client, EwpFiles.Example);
        Assert.Contains("0 draft agreements were created.", again);
        Assert.Contains("is already imported as", again);
        Assert.Contains($"href=\"/Agreements/Details/{agreement.Id}\"", again);
        Assert.Single(await data.AgreementsAsync());

        var api = await ImportApiAsync(client, EwpFiles.Example);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var body = await api.JsonAsync();
        Assert.Equal(0, body.GetProperty("created").GetArrayLength());
        Assert.Equal(agreement.Id, body.GetProperty("alreadyImported")[0].GetProperty("agreementId").GetGuid());
    }

    [Fact]
    public async Task A_file_with_a_wrong_hash_imports_nothing_and_says_why_at_its_line()
    {
        await using var app = await AppFactory.CreateAsync();
        var data = new EwpAgreementData(app);
        await data.OurHeiIdAsync("hibo.no");
        await data.PartnerAsync("University of Warsaw", "uw.edu.pl");
        var client = await app.SignInAsync("cqu.director");

        var html = await UploadAsync(client, EwpFiles.WrongHash);
        Assert.Contains("Nothing was imported.", html);
        Assert.Matches(new Regex(@"Line \d+:</span>\s*<iia-hash>: The iia-hash does not match"), html);
        Assert.Contains("The iia-hash does not match the agreement's content", html);
        Assert.Empty(await data.AgreementsAsync());

        var api = await ImportApiAsync(client, EwpFiles.WrongHash);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, api.StatusCode);
        var error = (await api.JsonAsync()).GetProperty("errors")[0];
        Assert.True(error.GetProperty("line").GetInt32() > 1);
        Assert.Contains("iia-hash", error.GetProperty("message").GetString());
        Assert.Empty(await data.AgreementsAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_ours_or_not_an_IIA_and_a_missing_HEI_id_are_reported()
    {
        await using var app = await AppFactory.CreateAsync();
        var data = new EwpAgreementData(app);
        var client = await app.SignInAsync("cqu.officer-global");

        var unset = await UploadAsync(client, EwpFiles.Example);
        Assert.Contains("Our institution's EWP HEI id is not set", unset);
        Assert.Contains("href=\"/Agreements/Policy\"", unset);

        await data.OurHeiIdAsync("cqu.edu.cn");
        Assert.Contains("Our institution (cqu.edu.cn) is not a partner of this agreement.", await UploadAsync(client, EwpFiles.Example));
        var notXml = await UploadAsync(client, "<iias-get-response><iia>");
        Assert.Contains("Nothing was imported.", notXml);
        Assert.Contains("Line 1", notXml);
        Assert.Empty(await data.AgreementsAsync());
    }

    [Fact]
    public async Task An_unknown_partner_is_chosen_or_created_before_anything_is_imported()
    {
        await using var app = await AppFactory.CreateAsync();
        var data = new EwpAgreementData(app);
        await data.OurHeiIdAsync("hibo.no");
        var client = await app.SignInAsync("cqu.officer-global");

        var html = await UploadAsync(client, EwpFiles.Example, "from-warsaw.xml");
        Assert.Contains("Choose the partner, or create it, then import.", html);
        Assert.Contains("name=\"Choices[0].PartnerId\"", html);
        Assert.Contains("value=\"PL\"", html);
        Assert.Empty(await data.AgreementsAsync());

        var fileData = Regex.Match(html, "name=\"FileData\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostFormAsync(Page, $"{Page}?handler=Import", new()
        {
            ["FileData"] = fileData, ["FileName"] = "from-warsaw.xml", ["Choices[0].PartnerId"] = "",
            ["Choices[0].NewName"] = "Uniwersytet Warszawski", ["Choices[0].NewCountry"] = "PL",
        });
        var result = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("1 draft agreements were created.", result);
        var agreement = Assert.Single(await data.AgreementsAsync());
        var partner = await app.WithDbAsync(db => db.Set<Partner>().SingleAsync(p => p.Id == agreement.Parties[0].PartnerId));
        Assert.Equal(("Uniwersytet Warszawski", "uw.edu.pl", "PL"), (partner.NameEn, partner.EwpHeiId, partner.CountryCode));
        Assert.Equal("Uniwersytet Warszawski IIA", agreement.Title);
    }

    [Fact]
    public async Task A_partner_picked_by_hand_gets_the_HEI_id_so_that_the_next_file_matches_it()
    {
        await using var app = await AppFactory.CreateAsync();
        var data = new EwpAgreementData(app);
        await data.OurHeiIdAsync("hibo.no");
        var warsaw = await data.PartnerAsync("University of Warsaw", heiId: null);
        var client = await app.SignInAsync("cqu.director");

        var html = await UploadAsync(client, EwpFiles.Example);
        Assert.Contains($"<option value=\"{warsaw}\">University of Warsaw (PL)</option>", html);
        var fileData = Regex.Match(html, "name=\"FileData\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostFormAsync(Page, $"{Page}?handler=Import", new()
        {
            ["FileData"] = fileData, ["FileName"] = "iias.xml", ["Choices[0].PartnerId"] = warsaw.ToString(),
        });
        Assert.Contains("1 draft agreements were created.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(warsaw, Assert.Single(await data.AgreementsAsync()).Parties[0].PartnerId);
        Assert.Equal("uw.edu.pl", await app.WithDbAsync(db => db.Set<Partner>().Where(p => p.Id == warsaw).Select(p => p.EwpHeiId).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Partner>().CountAsync(p => p.TenantId == data.TenantId && p.EwpHeiId == "uw.edu.pl")));
    }

    [Fact]
    public async Task The_API_refuses_an_unknown_partner_unless_asked_to_create_it()
    {
        await using var app = await AppFactory.CreateAsync();
        var data = new EwpAgreementData(app);
        await data.OurHeiIdAsync("hibo.no");
        var client = await app.SignInAsync("cqu.officer-global");

        var refused = await ImportApiAsync(client, EwpFiles.Example);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("No partner has the EWP HEI id uw.edu.pl", (await refused.JsonAsync()).GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Empty(await data.AgreementsAsync());

        var created = await ImportApiAsync(client, EwpFiles.Example, "?createPartners=true&fileName=warsaw.xml");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("created")[0].GetProperty("agreementId").GetGuid();
        var agreement = await data.LoadAsync(id);
        Assert.StartsWith("Imported from EWP file warsaw.xml", agreement.Notes);
        Assert.Equal(5, agreement.Quotas.Count);
    }

    [Fact]
    public async Task Export_then_import_at_the_partner_gives_the_same_quotas_seen_from_the_other_side()
    {
        await using var app = await AppFactory.CreateAsync();
        var cqu = new EwpAgreementData(app, "CQU");
        await cqu.OurHeiIdAsync("cqu.edu.cn");
        var id = await cqu.AgreementAsync(await cqu.PartnerAsync("Chongqing University of Posts and Telecommunications", "cqupt.edu.cn", "CN"));
        var xml = await (await app.SignInAsync("cqu.officer-global")).GetStringAsync($"/api/v1/agreements/{id}/iia");

        // The partner (another tenant of the city) imports our file.
        var cqupt = new EwpAgreementData(app, "CQUPT");
        await cqupt.OurHeiIdAsync("CQUPT.edu.cn");
        var us = await cqupt.PartnerAsync("Chongqing University", "cqu.edu.cn", "CN");
        var response = await ImportApiAsync(await app.SignInAsync("cqupt.officer-global"), xml);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var imported = Assert.Single(await cqupt.AgreementsAsync());
        Assert.Equal(id.ToString("D"), imported.EwpPartnerIiaId);
        Assert.Null(imported.EwpIiaId);

        var original = await cqu.LoadAsync(id);
        static object Key(AgreementQuota q, bool mirror) => (
            mirror ? (q.Direction == MobilityDirection.Outgoing ? MobilityDirection.Incoming : MobilityDirection.Outgoing) : q.Direction,
            q.Kind, q.FirstYear, q.LastYear, q.PlacesPerYear, q.MonthsPerYear, q.DaysPerYear, q.Blended, q.EqfLevels, q.SubjectAreas, q.LanguageSkills, q.OtherTerms);
        Assert.Equal(
            original.Quotas.Select(q => Key(q, mirror: true)).OrderBy(k => k.ToString()),
            imported.Quotas.Select(q => Key(q, mirror: false)).OrderBy(k => k.ToString()));
        Assert.All(imported.Quotas, q => Assert.Equal(us, q.PartnerId));
        Assert.Contains(imported.Signatories, s => s.PartnerId == null && s.Name == "Sylwia Nowak" && s.Title == "Rector");
        Assert.Contains(imported.Signatories, s => s.PartnerId == us && s.Name == "Li Ming" && s.SignedOn == new DateOnly(2026, 2, 20));

        // Re-exported by the partner, the file names both ids: the two copies are linked.
        var back = IiaReader.Read(await (await app.SignInAsync("cqupt.officer-global")).GetStringAsync($"/api/v1/agreements/{imported.Id}/iia")).Iias.Single().Model;
        Assert.Equal(id.ToString("D"), back.Partner2.IiaId);
        Assert.Equal(imported.Id.ToString("D"), back.Partner1.IiaId);
    }

    [Theory]
    [InlineData("cqu.officer-hmt")]
    [InlineData("cqu.officer-exit")]
    [InlineData("cqu.auditor")]
    [InlineData("cqu.applicant")]
    public async Task Only_global_relations_officers_and_directors_import(string user)
    {
        await using var app = await AppFactory.CreateAsync();
        var data = new EwpAgreementData(app);
        await data.OurHeiIdAsync("hibo.no");
        await data.PartnerAsync("University of Warsaw", "uw.edu.pl");
        var client = await app.SignInAsync(user);
        var page = await client.GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Denied", page.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportApiAsync(client, EwpFiles.Example)).StatusCode);
        Assert.Empty(await data.AgreementsAsync());
    }

    [Fact]
    public async Task A_file_over_5_MB_is_refused()
    {
        await using var app = await AppFactory.CreateAsync();
        await new EwpAgreementData(app).OurHeiIdAsync("hibo.no");
        var client = await app.SignInAsync("cqu.officer-global");
        var large = EwpFiles.Example.Replace("<iias-get-response", "<!--" + new string('x', 5 * 1024 * 1024) + "--><iias-get-response");
        Assert.Contains("The file is larger than 5 MB.", await UploadAsync(client, large));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await ImportApiAsync(client, large)).StatusCode);
    }
}
