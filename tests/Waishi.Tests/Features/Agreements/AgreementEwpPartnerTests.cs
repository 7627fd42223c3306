using System.Net;
using Waishi.Tests.Api;
using Waishi.Tests.Support;

namespace Waishi.Tests.Features.Agreements;

/// <summary>The partner's EWP HEI id, which agreement exchange matches partners by: form, details, API and duplicate check.</summary>
public sealed class AgreementEwpPartnerTests
{
    [Fact]
    public async Task The_HEI_id_is_kept_in_lower_case_shown_and_a_second_partner_with_it_is_a_possible_duplicate()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.officer-global");
        var created = await client.PostJsonAsync("/api/v1/partners", new { nameEn = "University of Warsaw", countryCode = "PL", type = "University", ewpHeiId = " UW.edu.PL " });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var partner = await created.JsonAsync();
        Assert.Equal("uw.edu.pl", partner.GetProperty("ewpHeiId").GetString());
        var id = partner.GetProperty("id").GetGuid();
        Assert.Contains("uw.edu.pl", await client.GetStringAsync($"/Partners/Details/{id}"));
        var list = await (await client.GetAsync("/api/v1/partners?q=warsaw")).JsonAsync();
        Assert.Equal("uw.edu.pl", list.GetProperty("items")[0].GetProperty("ewpHeiId").GetString());

        var duplicate = await client.PostJsonAsync("/api/v1/partners", new { nameEn = "Uniwersytet Warszawski", countryCode = "PL", type = "University", ewpHeiId = "uw.edu.pl" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var found = (await duplicate.JsonAsync()).GetProperty("duplicates")[0];
        Assert.Equal(id, found.GetProperty("id").GetGuid());
        Assert.Equal("same HEI id", found.GetProperty("reason").GetString());

        var form = await client.PostFormAsync("/Partners/Create", "/Partners/Create", new()
        {
            ["Form.NameEn"] = "Warsaw University", ["Form.CountryCode"] = "PL", ["Form.Type"] = "University", ["Form.EwpHeiId"] = "UW.EDU.PL",
        });
        var html = WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync());
        Assert.Contains("the same EWP HEI id", html);
        Assert.Contains("value=\"uw.edu.pl\"", html);
    }

    [Fact]
    public async Task A_HEI_id_that_is_not_a_domain_name_names_the_field_and_the_fix()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.officer-global");
        var response = await client.PostJsonAsync("/api/v1/partners", new { nameEn = "University of Warsaw", countryCode = "PL", type = "University", ewpHeiId = "University of Warsaw" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("domain name", (await response.JsonAsync()).GetProperty("errors").GetProperty("ewpHeiId")[0].GetString());

        var form = await client.PostFormAsync("/Partners/Create", "/Partners/Create", new()
        {
            ["Form.NameEn"] = "University of Warsaw", ["Form.CountryCode"] = "PL", ["Form.Type"] = "University", ["Form.EwpHeiId"] = "warsaw",
        });
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync());
        Assert.Contains("Enter the EWP HEI id as the institution's domain name", html);
        Assert.Contains("value=\"warsaw\"", html);
    }
}
