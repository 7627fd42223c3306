using System.Net;
using Waishi.Tests.Api;
using Waishi.Tests.Support;
using Waishi.Web.Features.DueDiligence.Reviews;

namespace Waishi.Tests.Features.DueDiligence;

public sealed class ReviewPagesTests
{
    [Fact]
    public async Task The_security_officer_lists_exports_and_decides_hits_and_a_refused_form_keeps_what_was_typed()
    {
        await using var app = await ReviewApp.CreateReviewAppAsync();
        var officer = await app.SignInAsync("cqu.officer-global");
        var created = await officer.PostJsonAsync("/api/v1/partners", new { nameEn = "Harbin Institute of Technology", countryCode = "CN", type = "University" });
        var partner = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var review = Assert.Single(await app.ReviewsAsync(partner));

        Assert.NotEqual(HttpStatusCode.OK, (await officer.GetAsync("/DueDiligence/Reviews")).StatusCode);
        var security = await app.SignInAsync("cqu.security-officer");
        var list = await security.GetStringAsync("/DueDiligence/Reviews?Q=harbin");
        Assert.Contains("data-testid=\"review-row\"", list);
        Assert.Contains("Matches “Harbin Institute of Technology” exactly after normalisation", list);
        var csv = await security.GetStringAsync("/DueDiligence/Reviews?handler=Export&format=csv&State=Open");
        Assert.Contains("Harbin Institute of Technology", csv);
        var none = await security.GetStringAsync("/DueDiligence/Reviews?State=FalsePositive");
        Assert.DoesNotContain("data-testid=\"review-row\"", none);

        var url = $"/DueDiligence/Reviews/Decide/{review.Id}";
        var refused = await security.PostFormAsync(url, url, new() { ["Form.Outcome"] = "TrueMatch", ["Form.Note"] = "", ["Form.Version"] = review.Version.ToString() });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("A true match needs a note", page);
        Assert.Contains("value=\"TrueMatch\" checked", page);

        var stale = await security.PostFormAsync(url, url, new() { ["Form.Outcome"] = "FalsePositive", ["Form.Version"] = "99" });
        Assert.Contains("changed by someone else", await stale.Content.ReadAsStringAsync());

        var done = await security.PostFormAsync(url, url, new() { ["Form.Outcome"] = "FalsePositive", ["Form.Note"] = "Another Harbin school", ["Form.Version"] = review.Version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var decided = Assert.Single(await app.ReviewsAsync(partner));
        Assert.Equal(ScreeningReviewState.FalsePositive, decided.State);
        Assert.Equal("Another Harbin school", decided.Note);
    }
}
