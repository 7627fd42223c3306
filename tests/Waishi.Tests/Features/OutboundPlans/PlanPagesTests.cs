using System.Net;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.OutboundPlans;
using Waishi.Web.Features.Trips;

namespace Waishi.Tests.Features.OutboundPlans;

public sealed class PlanPagesTests
{
    private const int Year = 2027;

    [Fact]
    public async Task A_unit_secretary_enters_her_units_plan_submits_it_and_the_exit_officer_accepts_it()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var secretary = await app.SignInAsync("cqu.unit-secretary");

        var created = await secretary.PostFormAsync("/OutboundPlans/Edit", "/OutboundPlans/Edit",
            PlanData.Form(Year, people.UnitId, ("Robotics conference", "jp, de", 2, 5, 30000m), ("Summer school visit", "US", 3, 7, 45000.5m)));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var plan = Assert.Single(await PlanData.PlansAsync(app));
        Assert.Equal((Year, people.UnitId, PlanState.Draft), (plan.Year, plan.UnitId, plan.State));
        Assert.Equal(["JP,DE", "US"], plan.Lines.OrderBy(l => l.SortOrder).Select(l => l.Countries));
        Assert.Equal(75000.5m, plan.Lines.Sum(l => l.Budget));
        Assert.Contains("Robotics conference", await secretary.GetStringAsync($"/OutboundPlans/Details/{plan.Id}"));
        Assert.Contains($"data-plan=\"{plan.Id}\"", await secretary.GetStringAsync($"/OutboundPlans?Year={Year}"));

        var submitted = await secretary.PostFormAsync($"/OutboundPlans/Details/{plan.Id}", $"/OutboundPlans/Details/{plan.Id}?handler=Submit",
            new() { ["version"] = plan.Version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        plan = Assert.Single(await PlanData.PlansAsync(app));
        Assert.Equal(PlanState.Submitted, plan.State);
        // Submitted: no longer the unit's to change.
        Assert.NotEqual(HttpStatusCode.OK, (await secretary.GetAsync($"/OutboundPlans/Edit/{plan.Id}")).StatusCode);

        var officer = await app.SignInAsync("cqu.officer-exit");
        var accepted = await officer.PostFormAsync($"/OutboundPlans/Details/{plan.Id}", $"/OutboundPlans/Details/{plan.Id}?handler=Accept",
            new() { ["version"] = plan.Version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        plan = Assert.Single(await PlanData.PlansAsync(app));
        Assert.Equal(PlanState.Accepted, plan.State);
        Assert.NotNull(plan.ReviewedByUserId);
    }

    [Fact]
    public async Task An_invalid_line_is_named_with_its_fix_and_the_form_keeps_what_was_typed()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var secretary = await app.SignInAsync("cqu.unit-secretary");

        var response = await secretary.PostFormAsync("/OutboundPlans/Edit", "/OutboundPlans/Edit",
            PlanData.Form(Year, people.UnitId, ("Partner visit to Kyoto", "Japan", 0, 5, 1000m)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Line 1: \"JAPAN\" is not a country code; use two letters such as JP, DE or HK.", html);
        Assert.Contains("Line 1: the number of people must be between 1 and 500; it is 0.", html);
        Assert.Contains("value=\"Partner visit to Kyoto\"", html);
        Assert.Empty(await PlanData.PlansAsync(app));
    }

    [Fact]
    public async Task A_unit_enters_only_its_own_plan_and_only_one_per_year()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var otherUnit = people.OtherUnit[0].UnitId!.Value;
        var secretary = await app.SignInAsync("cqu.unit-secretary");

        var foreign = await secretary.PostFormAsync("/OutboundPlans/Edit", "/OutboundPlans/Edit", PlanData.Form(Year, otherUnit, ("Visit", "JP", 1, 3, 0m)));
        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        Assert.Contains("You may enter plans only for your own unit.", await foreign.Content.ReadAsStringAsync());

        var other = await PlanData.AddPlanAsync(app, people with { UnitId = otherUnit }, Year, PlanState.Draft, PlanData.Line(people, "Other", "FR", 1, 1, 0m));
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/OutboundPlans/Details/{other.Id}")).StatusCode);
        Assert.DoesNotContain(other.Id.ToString(), await secretary.GetStringAsync("/OutboundPlans"));
        Assert.Contains(other.Id.ToString(), await (await app.SignInAsync("cqu.director")).GetStringAsync("/OutboundPlans"));

        await PlanData.AddPlanAsync(app, people, Year, PlanState.Draft, PlanData.Line(people, "Mine", "JP", 1, 1, 0m));
        var twice = await secretary.PostFormAsync("/OutboundPlans/Edit", "/OutboundPlans/Edit", PlanData.Form(Year, people.UnitId, ("Again", "JP", 1, 3, 0m)));
        Assert.Contains($"This unit already has a plan for {Year}; open it from the list and change it there.", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()));
        Assert.Equal(2, (await PlanData.PlansAsync(app)).Count);
    }

    [Fact]
    public async Task An_applicant_without_a_unit_role_has_no_plan_pages()
    {
        await using var app = await AppFactory.CreateAsync();
        var applicant = await app.SignInAsync("cqu.applicant");
        var response = await applicant.GetAsync("/OutboundPlans");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Denied", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_a_line_a_trip_links_to_cannot_be_removed()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var linked = PlanData.Line(people, "Linked visit", "JP", 1, 3, 1000m);
        var plan = await PlanData.AddPlanAsync(app, people, Year, PlanState.Draft, linked, PlanData.Line(people, "Free", "DE", 1, 4, 0m));
        await PlanData.AddTripAsync(app, new TripBuilder(people, new DateOnly(Year, 3, 1)).InState(TripState.Submitted, linked.Id));
        var secretary = await app.SignInAsync("cqu.unit-secretary");

        var stale = PlanData.Form(Year, people.UnitId, ("Changed", "JP", 1, 3, 0m));
        stale["Form.Version"] = "7";
        var html = await (await secretary.PostFormAsync($"/OutboundPlans/Edit/{plan.Id}", $"/OutboundPlans/Edit/{plan.Id}", stale)).Content.ReadAsStringAsync();
        Assert.Contains("This record was changed by someone else while you were editing it.", html);

        // Only the second line is sent back: the first, which a trip links to, would be removed.
        var dropLinked = PlanData.Form(Year, people.UnitId, ("Free", "DE", 1, 4, 0m));
        dropLinked["Form.Version"] = plan.Version.ToString();
        dropLinked["Form.Lines[0].Id"] = plan.Lines[1].Id.ToString();
        html = WebUtility.HtmlDecode(await (await secretary.PostFormAsync($"/OutboundPlans/Edit/{plan.Id}", $"/OutboundPlans/Edit/{plan.Id}", dropLinked)).Content.ReadAsStringAsync());
        Assert.Contains("The line \"Linked visit\" cannot be removed: the trip \"Conference on robotics\" is linked to it.", html);
        Assert.Equal(2, Assert.Single(await PlanData.PlansAsync(app)).Lines.Count);

        // Changing both lines and keeping their ids keeps the trip's link.
        var keep = PlanData.Form(Year, people.UnitId, ("Linked visit, renamed", "JP", 2, 3, 1000m), ("Free", "DE", 1, 4, 0m));
        keep["Form.Version"] = plan.Version.ToString();
        keep["Form.Lines[0].Id"] = linked.Id.ToString();
        keep["Form.Lines[1].Id"] = plan.Lines[1].Id.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.PostFormAsync($"/OutboundPlans/Edit/{plan.Id}", $"/OutboundPlans/Edit/{plan.Id}", keep)).StatusCode);
        var saved = Assert.Single(await PlanData.PlansAsync(app));
        Assert.Equal("Linked visit, renamed", saved.Lines.Single(l => l.Id == linked.Id).Purpose);
        Assert.Equal(plan.Version + 1, saved.Version);
    }

    [Fact]
    public async Task The_plan_list_exports_every_line_as_CSV_and_Excel()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        await PlanData.AddPlanAsync(app, people, Year, PlanState.Accepted,
            PlanData.Line(people, "Robotics conference", "JP,DE", 2, 5, 30000m), PlanData.Line(people, "Summer school", "US", 3, 7, 1234.5m));
        var director = await app.SignInAsync("cqu.director");

        var csv = await director.GetStringAsync($"/OutboundPlans?handler=Export&format=csv&Year={Year}");
        Assert.Contains("Year,Unit,State,Purpose", csv);
        Assert.Contains("Robotics conference,\"JP, DE\",2,5,30000.00", csv);
        Assert.Contains("Summer school,US,3,7,1234.50", csv);
        var xlsx = await director.GetAsync($"/OutboundPlans?handler=Export&format=xlsx&Year={Year}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("Robotics", await director.GetStringAsync($"/OutboundPlans?handler=Export&format=csv&Year={Year + 1}"));
    }

    [Fact]
    public async Task The_plan_pages_are_in_Chinese_for_a_Chinese_reader()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var plan = await PlanData.AddPlanAsync(app, people, Year, PlanState.Submitted, PlanData.Line(people, "机器人会议", "JP", 2, 5, 30000m));
        var officer = await app.SignInAsync("cqu.officer-exit", culture: "zh-CN");

        foreach (var url in new[] { "/OutboundPlans", $"/OutboundPlans/Details/{plan.Id}", $"/OutboundPlans/Compare?Year={Year}&Unit={people.UnitId}", "/OutboundPlans/Edit" })
        {
            var html = await officer.GetStringAsync(url);
            foreach (var english in new[] { "Plan versus actual", "Planned trips", "Outbound plans", "Lines without a trip", "Submitted for review", "Budget (CNY)", "Add line" })
            {
                Assert.DoesNotContain(english, html);
            }
        }
        Assert.Contains("计划与执行对比", await officer.GetStringAsync($"/OutboundPlans/Compare?Year={Year}"));
        Assert.Contains("已提交审核", await officer.GetStringAsync($"/OutboundPlans/Details/{plan.Id}"));
    }
}
