using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Waishi.Tests.Platform;
using Waishi.Tests.Support;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.People;

namespace Waishi.Tests.Features.Agreements;

public sealed class AgreementPagesTests
{
    private static Dictionary<string, string> Fields(Guid partner, string title = "Exchange with Leeds") => new()
    {
        ["Action"] = "save", ["Form.Title"] = title, ["Form.Type"] = "StudentExchange", ["Form.Parties[0].PartnerId"] = partner.ToString(),
        ["Form.EffectiveOn"] = "2026-09-01", ["Form.ExpiresOn"] = "2031-08-31", ["Form.SubjectAreas"] = "0610 Computer science",
        ["Form.Notes"] = "Signed at the spring visit",
        ["Form.Quotas[0].PartnerId"] = partner.ToString(), ["Form.Quotas[0].Direction"] = "Outgoing", ["Form.Quotas[0].Kind"] = "StudentStudies",
        ["Form.Quotas[0].FirstYear"] = "2026", ["Form.Quotas[0].LastYear"] = "2030", ["Form.Quotas[0].PlacesPerYear"] = "4",
        ["Form.Quotas[0].MonthsPerYear"] = "10", ["Form.Quotas[0].EqfLevels"] = "6, 7", ["Form.Quotas[0].LanguageSkills"] = "en B2",
    };

    [Fact]
    public async Task A_form_with_mistakes_comes_back_with_what_was_typed_and_a_message_at_each_field_then_saves()
    {
        await using var app = await AppFactory.CreateAsync();
        var partner = await AgreementData.PartnerAsync(app);
        var client = await app.SignInAsync("cqu.officer-global");
        var fields = Fields(partner);
        fields["Form.ExpiresOn"] = "2026-01-01";
        fields["Form.SubjectAreas"] = "0610 Computer science\nEngineering";
        fields["Form.Quotas[0].EqfLevels"] = "9";

        var refused = await client.PostFormAsync("/Agreements/Create", "/Agreements/Create", fields);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("The expiry date must be after the effective date (2026-09-01).", html);
        Assert.Contains("Subject areas, line 2: start with a four-digit ISCED-F code", html);
        Assert.Contains("Quota 1: EQF levels are 5 to 8", html);
        Assert.Contains("data-valmsg-for=\"Form.ExpiresOn\"", html);
        Assert.Contains("Signed at the spring visit", html);
        Assert.Contains("value=\"Exchange with Leeds\"", html);

        var saved = await client.PostFormAsync("/Agreements/Create", "/Agreements/Create", Fields(partner));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = await client.GetStringAsync(saved.Headers.Location!.ToString());
        Assert.Contains("Exchange with Leeds", details);
        Assert.Contains($"href=\"/Partners/Details/{partner}\"", details);
        Assert.Contains("2026/2027 – 2030/2031", details);
    }

    [Fact]
    public async Task Adding_a_row_or_finding_partners_keeps_what_was_typed()
    {
        await using var app = await AppFactory.CreateAsync();
        var leeds = await AgreementData.PartnerAsync(app, "University of Leeds", "GB");
        await AgreementData.PartnerAsync(app, "Osaka University", "JP");
        var client = await app.SignInAsync("cqu.officer-global");
        var fields = Fields(leeds);
        fields["Action"] = "find";
        fields["PartnerSearch"] = "osaka";

        var html = await (await client.PostFormAsync("/Agreements/Create", "/Agreements/Create", fields)).Content.ReadAsStringAsync();

        Assert.Contains("Osaka University (JP)", html);
        Assert.Contains("University of Leeds (GB)", html);
        Assert.Contains("Signed at the spring visit", html);
        fields["Action"] = "add:Signatories";
        html = await (await client.PostFormAsync("/Agreements/Create", "/Agreements/Create", fields)).Content.ReadAsStringAsync();
        Assert.Contains("name=\"Form.Signatories[0].Name\"", html);
        Assert.Contains("Signed at the spring visit", html);
    }

    [Fact]
    public async Task An_edit_from_an_old_version_is_refused_with_the_stale_edit_message_and_only_drafts_are_edited()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await AgreementData.TenantIdAsync(app);
        var partner = await AgreementData.PartnerAsync(app);
        var id = await AgreementData.AddAsync(app, new AgreementBuilder(tenant, partner));
        var active = await AgreementData.AddAsync(app, new AgreementBuilder(tenant, partner).InState(AgreementState.Active));
        var client = await app.SignInAsync("cqu.officer-global");
        var fields = Fields(partner, "First change");
        fields["Form.Version"] = "1";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Agreements/Edit/{id}", $"/Agreements/Edit/{id}", fields)).StatusCode);

        fields["Form.Title"] = "Second change from the old page";
        var stale = await client.PostFormAsync($"/Agreements/Edit/{id}", $"/Agreements/Edit/{id}", fields);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains(FormErrors.StaleEdit, await stale.Content.ReadAsStringAsync());
        Assert.Equal("First change", (await AgreementData.LoadAsync(app, id)).Title);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/Agreements/Edit/{active}")).StatusCode);
    }

    [Fact]
    public async Task The_list_filters_searches_exports_and_the_partner_page_lists_its_agreements()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await AgreementData.TenantIdAsync(app);
        var leeds = await AgreementData.PartnerAsync(app, "University of Leeds", "GB");
        var osaka = await AgreementData.PartnerAsync(app, "Osaka University", "JP");
        await AgreementData.AddAsync(app, new AgreementBuilder(tenant, leeds).Titled("Leeds exchange").InState(AgreementState.Active).Expiring(AgreementData.Today.AddDays(90)));
        await AgreementData.AddAsync(app, new AgreementBuilder(tenant, osaka).Titled("Osaka research").OfType(AgreementType.ResearchCooperation));
        var client = await app.SignInAsync("cqu.director");

        var all = await client.GetStringAsync("/Agreements");
        Assert.Contains("2 agreement(s)", all);
        var leedsOnly = await client.GetStringAsync("/Agreements?Q=leeds");
        Assert.Contains("Leeds exchange", leedsOnly);
        Assert.DoesNotContain("Osaka research", leedsOnly);
        Assert.Contains("1 agreement(s)", await client.GetStringAsync("/Agreements?Country=JP"));
        Assert.Contains("1 agreement(s)", await client.GetStringAsync("/Agreements?Type=ResearchCooperation"));
        Assert.Contains("1 agreement(s)", await client.GetStringAsync($"/Agreements?ExpiresBefore={AgreementData.Today.AddDays(180):yyyy-MM-dd}"));
        Assert.Contains("0 agreement(s)", await client.GetStringAsync("/Agreements?Dormant=true"));
        var csv = await client.GetStringAsync("/Agreements?handler=Export&format=csv&State=Active");
        Assert.Contains("Leeds exchange", csv);
        Assert.DoesNotContain("Osaka research", csv);
        var xlsx = await client.GetAsync("/Agreements?handler=Export&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);

        var partnerPage = await client.GetStringAsync($"/Partners/Details/{leeds}");
        Assert.Contains("data-testid=\"partner-agreements\"", partnerPage);
        Assert.Contains("Leeds exchange", partnerPage);
        Assert.DoesNotContain("Osaka research", partnerPage);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, string kind, string name, byte[] bytes)
    {
        var page = $"/Agreements/Details/{id}";
        var token = await client.AntiforgeryTokenAsync(page);
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(kind), "Kind");
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "Document", name);
        return await client.PostAsync(page + "?handler=Upload", content);
    }

    [Fact]
    public async Task Documents_are_uploaded_checked_by_their_bytes_downloaded_and_drafts_deleted_on_the_page()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await AgreementData.TenantIdAsync(app);
        var id = await AgreementData.AddAsync(app, new AgreementBuilder(tenant, await AgreementData.PartnerAsync(app)));
        var client = await app.SignInAsync("cqu.officer-global");

        var refused = await UploadAsync(client, id, "Signed", "signed.pdf", "<html>not a pdf</html>"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The signed agreement must be a PDF file; signed.pdf is not one.", await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, id, "Draft", "draft.pdf", AgreementData.Pdf)).StatusCode);
        var page = await client.GetStringAsync($"/Agreements/Details/{id}");
        var link = System.Text.RegularExpressions.Regex.Match(page, @"href=""(/Agreements/Details/[^""]*handler=Document&amp;documentId=([0-9a-f-]+))""");
        Assert.True(link.Success);
        Assert.Equal(AgreementData.Pdf, await client.GetByteArrayAsync(System.Net.WebUtility.HtmlDecode(link.Groups[1].Value)));

        var deleted = await client.PostFormAsync($"/Agreements/Details/{id}", $"/Agreements/Details/{id}?handler=DeleteDocument",
            new() { ["documentId"] = link.Groups[2].Value });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.DoesNotContain("data-testid=\"document\"", await client.GetStringAsync($"/Agreements/Details/{id}"));
    }

    [Fact]
    public async Task The_agreement_pages_in_Chinese_show_none_of_their_English_labels()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await AgreementData.TenantIdAsync(app);
        var partner = await AgreementData.PartnerAsync(app, "Universität Wien", "AT");
        var id = await AgreementData.AddAsync(app, new AgreementBuilder(tenant, partner).Titled("维也纳交换协议")
            .WithSignatory("李明").InState(AgreementState.Active));
        var client = await app.SignInAsync("cqu.officer-global", culture: "zh-CN");
        var labels = Enum.GetValues<AgreementType>().Select(AgreementLabels.Of)
            .Concat(Enum.GetValues<AgreementState>().Select(AgreementLabels.Of))
            .Concat(Enum.GetValues<MobilityDirection>().Select(AgreementLabels.Of))
            .Concat(Enum.GetValues<Waishi.Web.Platform.Ewp.MobilityKind>().Select(AgreementLabels.Of))
            .Concat(Enum.GetValues<AgreementDocumentKind>().Select(AgreementLabels.Of));
        var chinese = LocalizationKeys.Chinese();

        foreach (var (url, source) in new[] { ("/Agreements", "Index.cshtml"), ($"/Agreements/Details/{id}", "Details.cshtml"), ("/Agreements/Create", "_AgreementForm.cshtml") })
        {
            var html = await client.GetStringAsync(url);
            var document = new HtmlParser().ParseDocument(html);
            var shown = document.Body!.TextContent + "\n" + string.Join("\n",
                document.All.SelectMany(e => new[] { "aria-label", "placeholder" }.Select(e.GetAttribute)).OfType<string>());
            var keys = LocalizationKeys.InFile(Path.Combine(LocalizationKeys.WebProject, "Features", "Agreements", source)).Concat(labels)
                .Where(k => k.Any(char.IsAsciiLetter) && !(chinese.TryGetValue(k, out var zh) && zh == k)).Distinct().ToList();
            var untranslated = keys.Where(k => shown.Contains(k, StringComparison.Ordinal)).ToList();
            Assert.True(untranslated.Count == 0, $"{url}: " + string.Join(" | ", untranslated));
        }
    }
}
