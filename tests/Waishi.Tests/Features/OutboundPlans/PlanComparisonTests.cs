using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Api;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.OutboundPlans;
using Waishi.Web.Features.Trips;

namespace Waishi.Tests.Features.OutboundPlans;

public sealed class PlanComparisonTests
{
    private const int Year = 2027;

    /// <summary>
    /// The unit's plan: three lines (2 + 3 + 1 people; JP, DE, US; 10,000 + 20,000 + 5,000 yuan).
    /// Its trips in the year: approved on line 1 (two travellers, JP, 8,000), in review on line 2
    /// (DE and AT, 12,000.50), approved outside the plan (US), returned for revision on a line of
    /// another year; a draft, a rejected trip and a trip of the next year do not count. Another
    /// unit has one approved trip and no plan.
    /// </summary>
    private static async Task<(TripPeople People, OutboundPlan Plan, Trip Outside, Trip OtherUnit)> SeedAsync(AppFactory app)
    {
        var people = await TripPeople.LoadAsync(app);
        var start = new DateOnly(Year, 1, 1);
        var l1 = PlanData.Line(people, "Robotics conference", "JP", 2, 3, 10000m);
        var l2 = PlanData.Line(people, "Partner visit", "DE", 3, 5, 20000m);
        var l3 = PlanData.Line(people, "Summer school", "US,JP", 1, 7, 5000m);
        var plan = await PlanData.AddPlanAsync(app, people, Year, PlanState.Accepted, l1, l2, l3);
        var earlier = PlanData.Line(people, "Last year's line", "FR", 1, 1, 0m);
        await PlanData.AddPlanAsync(app, people, Year - 1, PlanState.Accepted, earlier);

        await PlanData.AddTripAsync(app, new TripBuilder(people, start).With(people.Colleagues[0]).InState(TripState.Approved, l1.Id));
        await PlanData.AddTripAsync(app, new TripBuilder(people, start.AddDays(60)).To("AT", "Vienna")
            .Change(t => { t.Destinations[0].CountryCode = "DE"; t.Budget[0].Amount = 12000.50m; }).InState(TripState.Submitted, l2.Id));
        var outside = await PlanData.AddTripAsync(app, new TripBuilder(people, start.AddDays(90)).Change(t => { t.Title = "Unplanned trip"; t.Destinations[0].CountryCode = "US"; })
            .InState(TripState.Approved));
        await PlanData.AddTripAsync(app, new TripBuilder(people, start.AddDays(100)).Change(t => t.Title = "On an old line").InState(TripState.Returned, earlier.Id));
        await PlanData.AddTripAsync(app, new TripBuilder(people, start.AddDays(10)).InState(TripState.Draft));
        await PlanData.AddTripAsync(app, new TripBuilder(people, start.AddDays(20)).InState(TripState.Rejected, l3.Id));
        await PlanData.AddTripAsync(app, new TripBuilder(people, start.AddDays(365)).InState(TripState.Approved));
        var other = people.OtherUnit[0];
        var otherUnit = await PlanData.AddTripAsync(app, new TripBuilder(people, start.AddDays(30))
            .Change(t => { t.UnitId = other.UnitId!.Value; t.ApplicantId = other.Id; t.Members[0].StaffMemberId = other.Id; }).InState(TripState.Approved));
        return (people, plan, outside, otherUnit);
    }

    [Fact]
    public async Task Planned_and_actual_figures_per_unit_count_live_trips_by_departure_year()
    {
        await using var app = await AppFactory.CreateAsync();
        var (people, plan, outside, otherUnit) = await SeedAsync(app);
        var director = await app.SignInAsync("cqu.director");

        var result = await (await director.GetAsync($"/api/v1/outbound-plans/comparison?year={Year}")).JsonAsync();

        var units = result.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(2, units.Count);
        var mine = units.Single(u => u.GetProperty("unitId").GetGuid() == people.UnitId);
        Assert.Equal("Accepted", mine.GetProperty("planState").GetString());
        AssertFigures(mine.GetProperty("planned"), trips: 3, people: 6, countries: 3, budget: 35000m);
        // Approved on line 1, in review on line 2, approved outside, returned on last year's line.
        AssertFigures(mine.GetProperty("filed"), trips: 4, people: 5, countries: 4, budget: 36000.50m);
        AssertFigures(mine.GetProperty("approved"), trips: 2, people: 3, countries: 2, budget: 16000m);
        Assert.Equal(["Summer school"], mine.GetProperty("linesWithoutTrip").EnumerateArray().Select(l => l.GetProperty("purpose").GetString()));
        Assert.Equal(["Unplanned trip", "On an old line"], mine.GetProperty("tripsOutsidePlan").EnumerateArray().Select(t => t.GetProperty("title").GetString()));

        var theirs = units.Single(u => u.GetProperty("unitId").GetGuid() != people.UnitId);
        Assert.Equal(JsonValueKind.Null, theirs.GetProperty("planState").ValueKind);
        AssertFigures(theirs.GetProperty("planned"), 0, 0, 0, 0m);
        Assert.Equal(otherUnit.Id, Assert.Single(theirs.GetProperty("tripsOutsidePlan").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(5, result.GetProperty("filed").GetProperty("trips").GetInt32());
        Assert.Equal(3, result.GetProperty("tripsOutsidePlan").GetInt32());
        Assert.Equal(1, result.GetProperty("linesWithoutTrip").GetInt32());
    }

    [Fact]
    public async Task The_page_shows_the_figures_and_a_unit_head_sees_only_her_unit()
    {
        await using var app = await AppFactory.CreateAsync();
        var (people, _, outside, otherUnit) = await SeedAsync(app);
        var head = await app.SignInAsync("cqu.unit-head");

        var html = await head.GetStringAsync($"/OutboundPlans/Compare?Year={Year}&Unit={people.UnitId}");

        Assert.Contains($"data-unit=\"{people.UnitId}\"", html);
        Assert.DoesNotContain($"data-unit=\"{otherUnit.UnitId}\"", html);
        Assert.Contains("data-cell=\"planned-trips\">3<", html);
        Assert.Contains("data-cell=\"filed-trips\">4<", html);
        Assert.Contains("data-cell=\"approved-trips\">2<", html);
        Assert.Contains("data-cell=\"trips-outside-plan\">2<", html);
        Assert.Contains($"/Trips/Details/{outside.Id}", html);
        Assert.Contains("Summer school", html);

        var all = await head.GetStringAsync($"/OutboundPlans/Compare?Year={Year}");
        Assert.DoesNotContain($"data-unit=\"{otherUnit.UnitId}\"", all);

        var csv = await head.GetStringAsync($"/OutboundPlans/Compare?handler=Export&format=csv&Year={Year}");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Year,Unit,Plan,Planned trips,Planned people,Planned countries,Planned budget (CNY),Filed trips", lines[0]);
        Assert.EndsWith(",Accepted,3,6,3,35000.00,4,5,4,36000.50,2,1,2", lines[1]);
        Assert.StartsWith($"{Year},Total,,3,6,3,35000.00,4,5,4,36000.50,2,1,2", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task A_trip_outside_the_plan_is_linked_to_a_line_of_its_unit_and_year_only()
    {
        await using var app = await AppFactory.CreateAsync();
        var (people, plan, outside, otherUnit) = await SeedAsync(app);
        var summerSchool = plan.Lines.Single(l => l.Purpose == "Summer school").Id;
        var secretary = await app.SignInAsync("cqu.unit-secretary");
        var page = $"/OutboundPlans/Compare?Year={Year}&Unit={people.UnitId}";
        Assert.Contains($"name=\"tripId\" value=\"{outside.Id}\"", await secretary.GetStringAsync(page));

        var linked = await secretary.PostFormAsync(page, $"/OutboundPlans/Compare?handler=Link&Year={Year}&Unit={people.UnitId}",
            new() { ["tripId"] = outside.Id.ToString(), ["lineId"] = summerSchool.ToString(), ["version"] = outside.Version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);

        var mine = (await (await secretary.GetAsync($"/api/v1/outbound-plans/comparison?year={Year}&unitId={people.UnitId}")).JsonAsync())
            .GetProperty("units")[0];
        Assert.Equal(0, mine.GetProperty("linesWithoutTrip").GetArrayLength());
        Assert.Equal(["On an old line"], mine.GetProperty("tripsOutsidePlan").EnumerateArray().Select(t => t.GetProperty("title").GetString()));

        // Through the API: another unit's trip is not hers (404); a stale version is a 409; a line of
        // another unit is refused for the exit officer too.
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostJsonAsync("/api/v1/outbound-plans/links",
            new { tripId = otherUnit.Id, planItemId = summerSchool, version = otherUnit.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PostJsonAsync("/api/v1/outbound-plans/links",
            new { tripId = outside.Id, planItemId = (Guid?)null, version = outside.Version })).StatusCode);
        var officer = await app.SignInAsync("cqu.officer-exit");
        var wrong = await officer.PostJsonAsync("/api/v1/outbound-plans/links", new { tripId = otherUnit.Id, planItemId = summerSchool, version = otherUnit.Version });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Choose a line of the plan of the trip's unit for the year it departs in.", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostJsonAsync("/api/v1/outbound-plans/links",
            new { tripId = outside.Id, planItemId = (Guid?)null, version = outside.Version + 1 })).StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Set<Trip>().Where(t => t.Id == outside.Id).Select(t => t.PlanItemId).SingleAsync()));
    }

    private static void AssertFigures(JsonElement figures, int trips, int people, int countries, decimal budget)
    {
        Assert.Equal(trips, figures.GetProperty("trips").GetInt32());
        Assert.Equal(people, figures.GetProperty("people").GetInt32());
        Assert.Equal(countries, figures.GetProperty("countries").GetInt32());
        Assert.Equal(budget, figures.GetProperty("budget").GetDecimal());
    }
}
