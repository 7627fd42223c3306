using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.Conferences;

namespace Waishi.Tests.Features.Conferences;

/// <summary>The lead-time rule (4 months, 8 with a foreign NGO, from the tenant's policy), the
/// justification of a late application and its flag in the list.</summary>
public sealed class ConferenceRulesTests
{
    [Fact]
    public async Task An_application_less_than_four_months_ahead_needs_a_justification_and_is_then_flagged_late()
    {
        await using var app = await AppFactory.CreateAsync();
        var unit = await ConferenceForms.UnitAsync(app);
        var client = await app.SignInAsync("cqu.applicant");
        var start = ConferenceForms.Today.AddMonths(4).AddDays(-1);

        var refused = await ConferenceForms.CreateAsync(client, ConferenceForms.Complete(unit, start, title: "Workshop on gears"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-valmsg-for=\"Form.LateJustification\"", html);
        Assert.Contains($"starts on {start:yyyy-MM-dd}, less than the lead time of 4 months", html);
        Assert.Contains($"start it on {ConferenceForms.Today.AddMonths(4):yyyy-MM-dd} or later", html);
        Assert.Contains("value=\"Workshop on gears\"", html);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Conference>().CountAsync()));

        var fields = ConferenceForms.Complete(unit, start, title: "Workshop on gears");
        fields["Form.LateJustification"] = "The partner confirmed its visit only last week.";
        var late = await ConferenceForms.CreatedAsync(app, client, fields);
        Assert.True(late.IsLate);
        var onTime = await ConferenceForms.CreatedAsync(app, client, ConferenceForms.Complete(unit, ConferenceForms.Today.AddMonths(4), title: "Symposium on time"));
        Assert.False(onTime.IsLate);

        var officer = await app.SignInAsync("cqu.officer-global");
        var list = await officer.GetStringAsync("/Conferences?Late=true");
        Assert.Contains($"data-conference=\"{late.Id}\"", list);
        Assert.DoesNotContain($"data-conference=\"{onTime.Id}\"", list);
        Assert.Contains("data-testid=\"late-badge\"", list);
        var csv = await officer.GetStringAsync("/Conferences?handler=Export&format=csv&Late=true");
        Assert.Contains("Workshop on gears", csv);
        Assert.DoesNotContain("Symposium on time", csv);
    }

    [Fact]
    public async Task With_a_foreign_NGO_the_lead_time_is_eight_months_and_the_NGO_must_be_named_and_filed()
    {
        await using var app = await AppFactory.CreateAsync();
        var unit = await ConferenceForms.UnitAsync(app);
        var client = await app.SignInAsync("cqu.applicant");
        var fields = ConferenceForms.Complete(unit, ConferenceForms.Today.AddMonths(6));
        fields["Form.ForeignNgo"] = "true";

        var html = await (await ConferenceForms.CreateAsync(client, fields)).Content.ReadAsStringAsync();
        Assert.Contains("Name the foreign NGO that takes part.", html);
        Assert.Contains("temporary activity is filed", html);

        fields["Form.NgoName"] = "Friedrich Foundation";
        fields["Form.NgoFilingNote"] = "Temporary activity filed with the public security bureau";
        html = await (await ConferenceForms.CreateAsync(client, fields)).Content.ReadAsStringAsync();
        Assert.Contains("With a foreign NGO taking part the lead time is 8 months", html);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Conference>().CountAsync()));

        fields["Form.StartDate"] = ConferenceForms.Today.AddMonths(8).ToString("yyyy-MM-dd");
        fields["Form.EndDate"] = ConferenceForms.Today.AddMonths(8).AddDays(1).ToString("yyyy-MM-dd");
        var saved = await ConferenceForms.CreatedAsync(app, client, fields);
        Assert.False(saved.IsLate);
        Assert.Equal("Friedrich Foundation", saved.NgoName);
    }

    [Fact]
    public async Task The_policy_page_changes_the_lead_time_and_refuses_values_out_of_range()
    {
        await using var app = await AppFactory.CreateAsync();
        var unit = await ConferenceForms.UnitAsync(app);
        var director = await app.SignInAsync("cqu.director");
        var policy = new Dictionary<string, string>
        {
            ["Form.Version"] = "0", ["Form.LeadMonths"] = "30", ["Form.LeadMonthsWithNgo"] = "8", ["Form.CityTotalThreshold"] = "200",
            ["Form.CityForeignThreshold"] = "50", ["Form.SensitiveKeywords"] = "Taiwan", ["Form.PlanDueMonth"] = "11",
            ["Form.PlanReminderMonth"] = "10", ["Form.SummaryDueDays"] = "30",
        };
        var refused = await director.PostFormAsync("/Conferences/Policy", "/Conferences/Policy", policy);
        Assert.Contains("Lead time (months) must be between 0 and 24; it is 30.", await refused.Content.ReadAsStringAsync());
        policy["Form.LeadMonths"] = "1";
        Assert.Equal(HttpStatusCode.Redirect, (await director.PostFormAsync("/Conferences/Policy", "/Conferences/Policy", policy)).StatusCode);
        var denied = await (await app.SignInAsync("cqu.applicant")).GetAsync("/Conferences/Policy");
        Assert.Contains("/Account/Denied", denied.Headers.Location?.ToString());

        var client = await app.SignInAsync("cqu.applicant");
        var saved = await ConferenceForms.CreatedAsync(app, client, ConferenceForms.Complete(unit, ConferenceForms.Today.AddMonths(2)));
        Assert.False(saved.IsLate);
    }
}
