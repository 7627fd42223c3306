using System.Net;
using Waishi.Tests.Api;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;

namespace Waishi.Tests.Features.Visits;

public sealed class VisitsApiTests
{
    private static object Body(Guid unit, DateOnly arrival, long version = 0, string title = "API visit", string nationality = "DE") => new
    {
        unitId = unit, title, purpose = "Sign a student exchange agreement", vipLevel = "Ordinary",
        arrivalDate = arrival.ToString("yyyy-MM-dd"), departureDate = arrival.AddDays(1).ToString("yyyy-MM-dd"), version,
        members = new[] { new { nameLatin = "Anna Schmidt", nationality, organisation = "TU Berlin", isLeader = true, passportNumber = "c01x00t47" } },
        agenda = new[] { new { kind = "CampusTour", date = arrival.ToString("yyyy-MM-dd"), startTime = "14:00:00", description = "Campus tour", attendees = Array.Empty<Guid>() } },
        budget = new[] { new { category = "Meals", amount = 800m, currency = "CNY" } },
        gifts = Array.Empty<object>(),
    };

    [Fact]
    public async Task A_draft_is_created_updated_submitted_listed_and_a_submitted_one_is_not_deleted()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var client = await app.SignInAsync("cqu.applicant");
        var arrival = VisitForms.Today.AddDays(30);

        var invalid = await client.PostJsonAsync("/api/v1/visits", Body(people.UnitId, arrival, nationality: "Germany"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("members[0].Nationality", out _), errors.GetRawText());

        // An applicant files for her own unit only.
        var otherUnit = await client.PostJsonAsync("/api/v1/visits", Body(people.OtherUnit[0].UnitId!.Value, arrival));
        Assert.Equal(HttpStatusCode.BadRequest, otherUnit.StatusCode);
        Assert.True((await otherUnit.JsonAsync()).GetProperty("errors").TryGetProperty("unitId", out _));

        var created = await client.PostJsonAsync("/api/v1/visits", Body(people.UnitId, arrival));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var visit = await created.JsonAsync();
        var id = visit.GetProperty("id").GetGuid();
        Assert.Equal("Draft", visit.GetProperty("state").GetString());
        Assert.Equal("C01X00T47", visit.GetProperty("members")[0].GetProperty("passportNumber").GetString());
        var version = visit.GetProperty("version").GetInt64();

        Assert.Equal(HttpStatusCode.Conflict, (await client.PutJsonAsync($"/api/v1/visits/{id}", Body(people.UnitId, arrival, version + 5))).StatusCode);
        var updated = await client.PutJsonAsync($"/api/v1/visits/{id}", Body(people.UnitId, arrival, version, "API visit, revised"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        version = (await updated.JsonAsync()).GetProperty("version").GetInt64();

        var submitted = await client.PostJsonAsync($"/api/v1/visits/{id}/submit", new { version });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var body = await submitted.JsonAsync();
        Assert.Equal("InReview", body.GetProperty("state").GetString());
        Assert.StartsWith("VIS-", body.GetProperty("number").GetString());
        Assert.Equal(arrival.AddDays(31).ToString("yyyy-MM-dd"), body.GetProperty("closureDueOn").GetString());

        var list = await (await client.GetAsync("/api/v1/visits?state=InReview&vipLevel=Ordinary")).JsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(0, (await (await client.GetAsync("/api/v1/visits?state=Draft")).JsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/visits?from=tomorrow")).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/v1/visits/{id}")).StatusCode);
        var draft = await (await client.PostJsonAsync("/api/v1/visits", Body(people.UnitId, arrival, title: "To delete"))).JsonAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/visits/{draft.GetProperty("id").GetGuid()}")).StatusCode);

        var openApi = await (await app.SignInAsync("cqu.tenant-admin")).GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/visits/{id}/submit", openApi);
    }
}
