using System.Net;
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
}
