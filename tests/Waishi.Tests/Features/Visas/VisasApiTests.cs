using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Api;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.Visas;

namespace Waishi.Tests.Features.Visas;

public sealed class VisasApiTests
{
    private static Dictionary<string, object?> Body(Guid trip, Guid person, string country = "JP", string status = "Applied", string? applied = null,
        string? decided = null, long version = 0) => new()
    {
        ["tripId"] = trip, ["staffMemberId"] = person, ["countryCode"] = country, ["visaType"] = "Business (M)", ["status"] = status,
        ["appliedOn"] = applied ?? TripForms.Today.AddDays(-3).ToString("yyyy-MM-dd"), ["decidedOn"] = decided, ["result"] = null,
        ["notes"] = "Invitation attached", ["version"] = version,
    };

    private static async Task<string> ErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for {field}: {errors}");
        return messages[0].GetString()!;
    }

    [Fact]
    public async Task A_visa_is_recorded_updated_listed_and_deleted()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var trip = await VisaData.TripAsync(app, people, 20);
        var client = await app.SignInAsync("cqu.applicant");

        var created = await client.PostJsonAsync("/api/v1/visas", Body(trip.Id, people.Applicant.Id));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var visa = await created.JsonAsync();
        var id = visa.GetProperty("id").GetGuid();
        Assert.Equal("Applied", visa.GetProperty("status").GetString());

        var granted = Body(trip.Id, people.Applicant.Id, status: "Granted", decided: TripForms.Today.ToString("yyyy-MM-dd"), version: 1);
        granted["result"] = "M visa, 90 days, single entry";
        var updated = await client.PutJsonAsync($"/api/v1/visas/{id}", granted);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(2, (await updated.JsonAsync()).GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutJsonAsync($"/api/v1/visas/{id}", granted)).StatusCode);

        var list = await (await client.GetAsync($"/api/v1/visas?status=Granted&country=jp&tripId={trip.Id}")).JsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal("M visa, 90 days, single entry", list.GetProperty("items")[0].GetProperty("result").GetString());
        Assert.Equal(0, (await (await client.GetAsync("/api/v1/visas?status=Refused")).JsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/visas?status=Lost")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/visas/{id}?version=2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/visas/{id}")).StatusCode);
    }

    [Fact]
    public async Task Each_rule_refuses_with_the_field_and_the_value()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var trip = await VisaData.TripAsync(app, people, 20);
        var client = await app.SignInAsync("cqu.applicant");
        var today = TripForms.Today;

        Assert.Equal("\"US\" is not a destination of this trip: choose one of JP, DE.",
            await ErrorAsync(await client.PostJsonAsync("/api/v1/visas", Body(trip.Id, people.Applicant.Id, country: "US")), "countryCode"));
        Assert.Equal("Choose a member of the delegation: the person chosen is not on this trip.",
            await ErrorAsync(await client.PostJsonAsync("/api/v1/visas", Body(trip.Id, people.OtherUnit[0].Id)), "staffMemberId"));
        var noApplication = Body(trip.Id, people.Applicant.Id);
        noApplication["appliedOn"] = null;
        Assert.Equal("A visa that is Applied needs the date of the application.",
            await ErrorAsync(await client.PostJsonAsync("/api/v1/visas", noApplication), "appliedOn"));
        Assert.Equal("A visa that is Granted needs the date of the decision.",
            await ErrorAsync(await client.PostJsonAsync("/api/v1/visas", Body(trip.Id, people.Applicant.Id, status: "Granted")), "decidedOn"));
        Assert.Equal("A visa that is To apply has no decision yet: clear the decision date or change the status.",
            await ErrorAsync(await client.PostJsonAsync("/api/v1/visas", Body(trip.Id, people.Applicant.Id, status: "ToApply", decided: today.ToString("yyyy-MM-dd"))), "decidedOn"));
        Assert.Equal($"The decision date {today.AddDays(-5):yyyy-MM-dd} is before the application date {today.AddDays(-3):yyyy-MM-dd}.",
            await ErrorAsync(await client.PostJsonAsync("/api/v1/visas", Body(trip.Id, people.Applicant.Id, status: "Refused", decided: today.AddDays(-5).ToString("yyyy-MM-dd"))), "decidedOn"));

        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/v1/visas", Body(trip.Id, people.Applicant.Id, country: "DE"))).StatusCode);
        Assert.Equal($"{people.Applicant.NameZh} already has a visa row for DE on this trip: edit that one.",
            await ErrorAsync(await client.PostJsonAsync("/api/v1/visas", Body(trip.Id, people.Applicant.Id, country: "DE")), "countryCode"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Visa>().CountAsync()));
    }

    [Fact]
    public async Task Only_exit_officers_applicants_and_filers_keep_visas_and_others_do_not_see_them()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var trip = await VisaData.TripAsync(app, people, 20);
        var visa = await VisaData.VisaAsync(app, trip, people.Applicant.Id, "JP", VisaStatus.ToApply);

        var officer = await app.SignInAsync("cqu.officer-exit");
        Assert.Equal(HttpStatusCode.Created, (await officer.PostJsonAsync("/api/v1/visas", Body(trip.Id, people.Applicant.Id, country: "DE"))).StatusCode);

        // The director sees every trip but does not keep visas.
        var director = await app.SignInAsync("cqu.director");
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync($"/api/v1/visas/{visa.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.PutJsonAsync($"/api/v1/visas/{visa.Id}", Body(trip.Id, people.Applicant.Id, version: 1))).StatusCode);

        var stranger = await app.SignInAsync("cqupt.officer-exit");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/visas/{visa.Id}")).StatusCode);
        Assert.Equal(0, (await (await stranger.GetAsync("/api/v1/visas")).JsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await stranger.PostJsonAsync("/api/v1/visas", Body(trip.Id, people.Applicant.Id, country: "JP"))).StatusCode);
    }
}
