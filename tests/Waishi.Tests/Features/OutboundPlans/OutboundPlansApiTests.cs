using System.Net;
using Waishi.Tests.Api;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.OutboundPlans;

namespace Waishi.Tests.Features.OutboundPlans;

public sealed class OutboundPlansApiTests
{
    private static object Body(Guid unit, long version = 0, string purpose = "Robotics conference") => new
    {
        year = 2027, unitId = unit, note = "From the API", version,
        lines = new[]
        {
            new { id = (Guid?)null, purpose, countries = "JP, DE", people = 2, month = 5, budget = 30000.5m },
            new { id = (Guid?)null, purpose = "Summer school", countries = "US", people = 1, month = 7, budget = 9000m },
        },
    };

    [Fact]
    public async Task A_plan_is_created_updated_submitted_accepted_and_listed()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var secretary = await app.SignInAsync("cqu.unit-secretary");

        var created = await secretary.PostJsonAsync("/api/v1/outbound-plans", Body(people.UnitId));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var plan = await created.JsonAsync();
        var id = plan.GetProperty("id").GetGuid();
        Assert.Equal("Draft", plan.GetProperty("state").GetString());
        Assert.Equal(["JP", "DE"], plan.GetProperty("lines")[0].GetProperty("countries").EnumerateArray().Select(c => c.GetString()));

        var updated = await secretary.PutJsonAsync($"/api/v1/outbound-plans/{id}", Body(people.UnitId, 1, "Renamed"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(2, (await updated.JsonAsync()).GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PutJsonAsync($"/api/v1/outbound-plans/{id}", Body(people.UnitId, 1, "Stale"))).StatusCode);

        // The exit officer cannot accept a draft; the unit submits, then the officer accepts.
        var officer = await app.SignInAsync("cqu.officer-exit");
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostJsonAsync($"/api/v1/outbound-plans/{id}/accept", new { version = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostJsonAsync($"/api/v1/outbound-plans/{id}/accept", new { version = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretary.PostJsonAsync($"/api/v1/outbound-plans/{id}/submit", new { version = 2 })).StatusCode);
        var accepted = await officer.PostJsonAsync($"/api/v1/outbound-plans/{id}/accept", new { version = 3 });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("Accepted", (await accepted.JsonAsync()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PutJsonAsync($"/api/v1/outbound-plans/{id}", Body(people.UnitId, 4))).StatusCode);

        var list = await (await officer.GetAsync("/api/v1/outbound-plans?year=2027&state=Accepted")).JsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var row = list.GetProperty("items")[0];
        Assert.Equal(39000.5m, row.GetProperty("budget").GetDecimal());
        Assert.Equal(3, row.GetProperty("people").GetInt32());
        Assert.Equal(0, (await (await officer.GetAsync("/api/v1/outbound-plans?year=2028")).JsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync("/api/v1/outbound-plans?year=abc")).StatusCode);
    }

    [Fact]
    public async Task Invalid_lines_get_400_naming_the_field_and_other_units_are_refused()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var secretary = await app.SignInAsync("cqu.unit-secretary");

        var bad = await secretary.PostJsonAsync("/api/v1/outbound-plans", new
        {
            year = 2027, unitId = people.UnitId, version = 0,
            lines = new[] { new { purpose = "", countries = "XYZ", people = 1, month = 13, budget = 0m } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("lines[0].Purpose", out _) || errors.TryGetProperty("lines[0].purpose", out _), errors.GetRawText());
        Assert.Contains("Line 1: the month must be between 1 and 12; it is 13.", errors.GetRawText());

        var foreign = await secretary.PostJsonAsync("/api/v1/outbound-plans", Body(people.OtherUnit[0].UnitId!.Value));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("You may enter plans only for your own unit.", (await foreign.Content.ReadAsStringAsync()));

        var applicant = await app.SignInAsync("cqu.applicant");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/v1/outbound-plans")).StatusCode);
        Assert.Empty(await PlanData.PlansAsync(app));
    }
}
