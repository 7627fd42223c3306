using System.Net;
using Waishi.Tests.Support;
using Waishi.Web.Features.DueDiligence.Profiles;
using Waishi.Web.Features.DueDiligence.Reviews;
using Waishi.Web.Features.DueDiligence.Screening;

namespace Waishi.Tests.Features.DueDiligence;

public sealed class OverviewPagesTests
{
    /// <summary>
    /// Partners: A very high, B high, C low (linked profiles), D a true match on a watchlist entry, E a
    /// false positive and an open hit. Agreements with A, C, D, E; trips invited by B, C, one found to be
    /// the high-risk profile by its own true match, and one with nothing. Tenant B has its own very high partner.
    /// </summary>
    private sealed record World(Guid TenantId, Guid ProfileHigh, Guid OldestOpen);

    private static async Task<World> SeedAsync(AppFactory app)
    {
        var tenant = await ProfileData.TenantAsync(app);
        var a = await OverviewData.PartnerAsync(app, "Alpha Defence University");
        var b = await OverviewData.PartnerAsync(app, "Beta Institute of Technology");
        var c = await OverviewData.PartnerAsync(app, "Gamma Normal University");
        var d = await OverviewData.PartnerAsync(app, "Delta Aero Engines");
        var e = await OverviewData.PartnerAsync(app, "Epsilon College");
        await OverviewData.ProfileAsync(app, tenant, "Alpha Defence University", RiskLevel.VeryHigh, a);
        var high = await OverviewData.ProfileAsync(app, tenant, "Beta Institute of Technology", RiskLevel.High, b);
        await OverviewData.ProfileAsync(app, tenant, "Gamma Normal University", RiskLevel.Low, c);
        await OverviewData.ProfileAsync(app, tenant, "Unlinked Academy", RiskLevel.VeryHigh, null);
        await OverviewData.ReviewAsync(app, tenant, ScreeningSubjects.Partner, d, "Delta Aero Engines Corp", ScreeningReviewState.TrueMatch);
        await OverviewData.ReviewAsync(app, tenant, ScreeningSubjects.Partner, e, "Epsilon Arms", ScreeningReviewState.FalsePositive);
        var oldest = await OverviewData.ReviewAsync(app, tenant, ScreeningSubjects.Partner, e, "Epsilon Missile Works", ScreeningReviewState.Open,
            createdUtc: DateTime.UtcNow.AddDays(-9));
        await OverviewData.ReviewAsync(app, tenant, ScreeningSubjects.Partner, c, "Gamma Radar Institute", ScreeningReviewState.Open);
        await OverviewData.AgreementAsync(app, tenant, "Alpha exchange", a);
        await OverviewData.AgreementAsync(app, tenant, "Gamma exchange", c);
        await OverviewData.AgreementAsync(app, tenant, "Delta research", d, e);
        await OverviewData.AgreementAsync(app, tenant, "Epsilon exchange", e);
        await OverviewData.TripAsync(app, "Visit to Beta", b);
        await OverviewData.TripAsync(app, "Visit to Gamma", c);
        var found = await OverviewData.TripAsync(app, "Visit to Beta labs", null);
        await OverviewData.ReviewAsync(app, tenant, ScreeningSubjects.Trip, found, "Beta Institute of Technology", ScreeningReviewState.TrueMatch,
            ScreeningSourceKind.Profile, high);
        await OverviewData.TripAsync(app, "Visit to Tokyo", null);

        var other = await ProfileData.TenantAsync(app, CrossTenant.TenantB);
        var z = await OverviewData.PartnerAsync(app, "Zeta Defence Academy", CrossTenant.TenantB);
        await OverviewData.ProfileAsync(app, other, "Zeta Defence Academy", RiskLevel.VeryHigh, z);
        await OverviewData.AgreementAsync(app, other, "Zeta exchange", z);
        return new World(tenant, high, oldest);
    }

    private static string Flat(string html) => System.Text.RegularExpressions.Regex.Replace(html, @"\s+", " ");

    [Fact]
    public async Task The_overview_counts_reviews_partners_by_level_and_the_agreements_and_trips_with_high_risk_institutions_of_the_tenant_only()
    {
        await using var app = await AppFactory.CreateAsync();
        var world = await SeedAsync(app);
        var officer = await app.SignInAsync("cqu.officer-global");

        var page = Flat(await officer.GetStringAsync("/DueDiligence"));
        Assert.Contains("data-testid=\"open-count\">2<", page);
        Assert.Contains("Epsilon Missile Works", page);
        Assert.DoesNotContain($"/DueDiligence/Reviews/Decide/{world.OldestOpen}", page);
        Assert.Matches("data-testid=\"decided-TrueMatch\"> True match ?: <strong>2</strong>", page);
        Assert.Matches("data-testid=\"decided-FalsePositive\"> False positive ?: <strong>1</strong>", page);
        Assert.Contains("Delta Aero Engines Corp", page);
        Assert.Matches("data-testid=\"risk-VeryHigh\">(?:(?!</tr>).)*Linked=True\">1</a>", page);
        Assert.Matches("data-testid=\"risk-High\">(?:(?!</tr>).)*Linked=True\">1</a>", page);
        Assert.Matches("data-testid=\"risk-Low\">(?:(?!</tr>).)*Linked=True\">1</a>", page);
        Assert.Matches("data-testid=\"risk-Unrated\">(?:(?!</tr>).)*Linked=True\">0</a>", page);
        Assert.Contains("Agreements: 2", page);
        Assert.Contains("Trips: 2", page);

        var security = await app.SignInAsync("cqu.security-officer");
        Assert.Contains($"/DueDiligence/Reviews/Decide/{world.OldestOpen}", await security.GetStringAsync("/DueDiligence"));

        var agreements = await officer.GetStringAsync("/DueDiligence/Overview/Agreements");
        Assert.Contains("Alpha exchange", agreements);
        Assert.Contains("Delta research", agreements);
        Assert.DoesNotContain("Gamma exchange", agreements);
        Assert.DoesNotContain("Epsilon exchange", agreements);
        Assert.DoesNotContain("Zeta", agreements);
        Assert.Contains("Linked profile Alpha Defence University: Very high risk", agreements);
        Assert.Contains("True match on Delta Aero Engines Corp (Entity List)", agreements);
        Assert.DoesNotContain(">Epsilon College<", agreements);
        var veryHigh = await officer.GetStringAsync("/DueDiligence/Overview/Agreements?Level=VeryHigh");
        Assert.Contains("Alpha exchange", veryHigh);
        Assert.DoesNotContain("Delta research", veryHigh);
        var searched = await officer.GetStringAsync("/DueDiligence/Overview/Agreements?Q=delta+aero");
        Assert.Contains("Delta research", searched);
        Assert.DoesNotContain("Alpha exchange", searched);
        var csv = await officer.GetStringAsync("/DueDiligence/Overview/Agreements?handler=Export&format=csv");
        Assert.Contains("Alpha Defence University", csv);
        Assert.Contains("True match on Delta Aero Engines Corp (Entity List)", csv);
        Assert.DoesNotContain("Gamma", csv);

        var trips = await officer.GetStringAsync("/DueDiligence/Overview/Trips");
        Assert.Contains("Visit to Beta<", trips);
        Assert.Contains("Visit to Beta labs", trips);
        Assert.DoesNotContain("Visit to Gamma", trips);
        Assert.DoesNotContain("Visit to Tokyo", trips);
        Assert.Contains("Linked profile Beta Institute of Technology: High risk", trips);
        Assert.Contains("True match on Beta Institute of Technology: High risk", trips);
        Assert.DoesNotContain("data-testid=\"trip-row\"", await officer.GetStringAsync("/DueDiligence/Overview/Trips?Level=VeryHigh"));
        var xlsx = await officer.GetAsync("/DueDiligence/Overview/Trips?handler=Export&format=xlsx&Level=High");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("cqu.security-officer", true)]
    [InlineData("cqu.director", true)]
    [InlineData("cqu.officer-global", true)]
    [InlineData("cqu.auditor", false)]
    [InlineData("cqu.applicant", false)]
    [InlineData("cqu.officer-exit", false)]
    public async Task Only_the_security_officer_the_director_and_the_global_relations_officer_see_the_overview(string user, bool allowed)
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync(user);
        foreach (var url in new[] { "/DueDiligence", "/DueDiligence/Overview/Agreements", "/DueDiligence/Overview/Trips?handler=Export&format=csv" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(allowed, response.StatusCode == HttpStatusCode.OK);
        }
        var home = await client.GetStringAsync("/");
        Assert.Equal(allowed, home.Contains("href=\"/DueDiligence\""));
        if (allowed)
        {
            Assert.True(home.IndexOf("Due-diligence overview", StringComparison.Ordinal) < home.IndexOf("Watchlists", StringComparison.Ordinal));
        }
    }
}
