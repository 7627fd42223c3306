using System.Net;
using System.Text;
using Waishi.Tests.Api;
using Waishi.Tests.Support;

namespace Waishi.Tests.Features.DueDiligence;

/// <summary>/api/v1/risk-profiles and /api/v1/watchlists: validation, the risk level rule, filters, imports and the OpenAPI document.</summary>
public sealed class ProfilesApiTests
{
    [Fact]
    public async Task Profiles_are_created_rated_with_a_rationale_and_source_and_filtered()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync(ProfileData.Officer);
        var invalid = await client.PostJsonAsync("/api/v1/risk-profiles", new { nameEn = " ", countryCode = "CHN" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.JsonAsync()).GetProperty("errors");
        Assert.Contains("English name", errors.GetProperty("nameEn")[0].GetString());
        Assert.Contains("two-letter ISO code", errors.GetProperty("countryCode")[0].GetString());

        var created = await client.PostJsonAsync("/api/v1/risk-profiles", new
        {
            nameEn = "National University of Defense Technology", nameZh = "国防科技大学", aliases = "NUDT", countryCode = "CN",
            categories = new[] { "Military", "SevenSons" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal("Unrated", body.GetProperty("riskLevel").GetString());

        var noSource = await client.PostJsonAsync($"/api/v1/risk-profiles/{id}/risk-level", new { level = "VeryHigh", rationale = "PLA university.", version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, noSource.StatusCode);
        Assert.Contains("source", (await noSource.JsonAsync()).GetProperty("errors").GetProperty("sourceId")[0].GetString());

        var rated = await client.PostJsonAsync($"/api/v1/risk-profiles/{id}/risk-level", new
        {
            level = "VeryHigh", rationale = "The PLA's top science and technology university.", newSourceTitle = "ASPI tracker", newSourceUrl = "https://unitracker.aspi.org.au/", version = 1,
        });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        var after = await rated.JsonAsync();
        Assert.Equal("VeryHigh", after.GetProperty("riskLevel").GetString());
        Assert.Equal(after.GetProperty("sources")[0].GetProperty("id").GetGuid(), after.GetProperty("riskSourceId").GetGuid());

        Assert.Equal(1, (await (await client.GetAsync("/api/v1/risk-profiles?riskLevel=VeryHigh&q=nudt")).JsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(0, (await (await client.GetAsync("/api/v1/risk-profiles?riskLevel=Low")).JsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/risk-profiles?reviewedBefore=soon")).StatusCode);

        var stale = await client.PutJsonAsync($"/api/v1/risk-profiles/{id}", new { nameEn = "NUDT", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var paths = (await (await client.GetAsync("/openapi/v1.json")).JsonAsync()).GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/risk-profiles/{id}/risk-level").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/watchlists/{id}/import").TryGetProperty("post", out _));
    }

    [Fact]
    public async Task A_watchlist_is_created_and_imported_through_the_API_and_its_entries_say_which_expired()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync(ProfileData.Officer);
        var created = await client.PostJsonAsync("/api/v1/watchlists", new { name = "US Consolidated Screening List", source = "trade.gov" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync("/api/v1/watchlists", new { name = "US Consolidated Screening List" })).StatusCode);

        var csv = WatchlistData.CslHeader + "\n" + string.Join("\n", WatchlistData.CslRows) + "\n";
        var imported = await client.PostAsync($"/api/v1/watchlists/{id}/import?fileName=csl.csv", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        Assert.Equal(4, (await imported.JsonAsync()).GetProperty("entryCount").GetInt32());

        var entries = await (await client.GetAsync($"/api/v1/watchlists/{id}/entries?q=optics")).JsonAsync();
        var entry = Assert.Single(entries.GetProperty("items").EnumerateArray());
        Assert.True(entry.GetProperty("expired").GetBoolean());
        Assert.Single((await (await client.GetAsync($"/api/v1/watchlists/{id}/versions")).JsonAsync()).EnumerateArray());

        var page = await client.GetStringAsync($"/DueDiligence/Watchlists/Entries/{id}?Q=optics");
        Assert.Contains("data-testid=\"expired\"", page);
        Assert.Contains("Harbin Institute of Technology", await client.GetStringAsync($"/DueDiligence/Watchlists/Entries/{id}?handler=Export&format=csv"));

        var reader = await app.SignInAsync("cqu.officer-global");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/watchlists")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostJsonAsync("/api/v1/watchlists", new { name = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("cqu.applicant")).GetAsync("/api/v1/risk-profiles")).StatusCode);
    }
}
