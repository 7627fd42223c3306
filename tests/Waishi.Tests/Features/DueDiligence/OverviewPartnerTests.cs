using Waishi.Tests.Support;
using Waishi.Web.Features.DueDiligence.Profiles;
using Waishi.Web.Features.DueDiligence.Reviews;

namespace Waishi.Tests.Features.DueDiligence;

/// <summary>The partner page shows the risk of its linked profile and its open hits; the profile page lists the partner's records.</summary>
public sealed class OverviewPartnerTests
{
    [Fact]
    public async Task The_partner_page_badges_the_linked_risk_and_lists_open_hits_and_the_profile_lists_the_partners_records()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await ProfileData.TenantAsync(app);
        var partner = await OverviewData.PartnerAsync(app, "Alpha Defence University");
        var plain = await OverviewData.PartnerAsync(app, "Plain College");
        var profile = await OverviewData.ProfileAsync(app, tenant, "Alpha Defence University", RiskLevel.VeryHigh, partner);
        var review = await OverviewData.ReviewAsync(app, tenant, ScreeningSubjects.Partner, partner, "Alpha Missile Academy", ScreeningReviewState.Open);
        await OverviewData.ReviewAsync(app, tenant, ScreeningSubjects.Partner, partner, "Alpha Namesake", ScreeningReviewState.FalsePositive);
        await OverviewData.AgreementAsync(app, tenant, "Alpha exchange", partner);
        await OverviewData.TripAsync(app, "Visit to Alpha", partner);

        var officer = await app.SignInAsync("cqu.officer-global");
        var page = await officer.GetStringAsync($"/Partners/Details/{partner}");
        Assert.Contains($"href=\"/DueDiligence/Profiles/Details/{profile}\" data-testid=\"risk-badge\"", page);
        Assert.Contains("Very high risk", page);
        Assert.Contains("Alpha Missile Academy", page);
        Assert.DoesNotContain("Alpha Namesake", page);
        Assert.DoesNotContain($"/DueDiligence/Reviews/Decide/{review}", page);
        Assert.DoesNotContain("data-testid=\"partner-due-diligence\"", await officer.GetStringAsync($"/Partners/Details/{plain}"));

        var director = await app.SignInAsync("cqu.director");
        Assert.Contains($"/DueDiligence/Reviews/Decide/{review}", await director.GetStringAsync($"/Partners/Details/{partner}"));

        var security = await app.SignInAsync(ProfileData.Officer);
        var details = await security.GetStringAsync($"/DueDiligence/Profiles/Details/{profile}");
        Assert.Contains("Alpha exchange", details);
        Assert.Contains("Visit to Alpha", details);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(details, "data-testid=\"partner-record\"").Count);
    }
}
