using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Api;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.OutboundPlans;
using Waishi.Web.Features.Trips;

namespace Waishi.Tests.Features.OutboundPlans;

public sealed class PlanLineEligibilityTests
{
    [Fact]
    public async Task A_trip_submits_only_with_a_line_of_its_own_units_plan_for_its_departure_year()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var today = TripForms.Today;
        var departureYear = today.AddDays(TripBuilder.DefaultLead).Year;
        var good = PlanData.Line(people, "Robotics conference", "JP", 1, 1, 0m);
        var wrongYear = PlanData.Line(people, "Next year's visit", "JP", 1, 1, 0m);
        var otherUnits = PlanData.Line(people, "Another unit's visit", "JP", 1, 1, 0m);
        await PlanData.AddPlanAsync(app, people, departureYear, PlanState.Accepted, good);
        await PlanData.AddPlanAsync(app, people, departureYear + 1, PlanState.Draft, wrongYear);
        await PlanData.AddPlanAsync(app, people with { UnitId = people.OtherUnit[0].UnitId!.Value }, departureYear, PlanState.Accepted, otherUnits);
        var client = await app.SignInAsync("cqu.applicant");

        async Task<HttpResponseMessage> SubmitAsync(Guid? line)
        {
            var trip = await PlanData.AddTripAsync(app, new TripBuilder(people, today).InState(TripState.Draft, line));
            return await client.PostJsonAsync($"/api/v1/trips/{trip.Id}/submit", new { version = trip.Version });
        }

        var foreign = await SubmitAsync(otherUnits.Id);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("Choose a line of your unit's annual outbound plan, or none.", await foreign.Content.ReadAsStringAsync());
        var late = await SubmitAsync(wrongYear.Id);
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains($"belongs to the plan for {departureYear + 1}, but the trip departs in {departureYear}.", await late.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(good.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(null)).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<Trip>().CountAsync(t => t.State == TripState.Submitted)));
    }
}
