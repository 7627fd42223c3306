using System.Net;
using Waishi.Tests.Api;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.TripReports;

namespace Waishi.Tests.Features.TripReports;

public sealed class TripReportsApiTests
{
    private static object Body(Waishi.Web.Features.Trips.Trip trip, long version, string? results = "Two papers agreed") => new
    {
        results, followUp = "Visit in May", version,
        days = new[] { new { date = trip.DepartureDate!.Value.ToString("yyyy-MM-dd"), city = "Tokyo", activity = "Talks" } },
    };

    [Fact]
    public async Task A_report_is_written_submitted_returned_and_approved_through_the_api()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var trip = await ReportData.ApprovedTripAsync(app, people, TripForms.Today.AddDays(-25), "API mission");
        var writer = await app.SignInAsync("cqu.applicant");
        var officer = await app.SignInAsync("cqu.officer-exit");
        var url = $"/api/v1/trip-reports/{trip.Id}";

        var empty = await (await writer.GetAsync(url)).JsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, empty.GetProperty("state").ValueKind);
        Assert.Equal("Overdue", empty.GetProperty("status").GetString());
        Assert.Equal(5, empty.GetProperty("daysOverdue").GetInt32());
        Assert.Equal(TripForms.Today.AddDays(-5).ToString("yyyy-MM-dd"), empty.GetProperty("due").GetString());

        var draft = await writer.PutJsonAsync(url, Body(trip, 0, results: null));
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.Equal("Draft", (await draft.JsonAsync()).GetProperty("state").GetString());

        var incomplete = await writer.PostJsonAsync(url + "/submit", new { version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Equal("Enter the results of the trip.", (await incomplete.JsonAsync()).GetProperty("errors").GetProperty("results")[0].GetString());

        Assert.Equal(HttpStatusCode.Conflict, (await writer.PutJsonAsync(url, Body(trip, 0))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await writer.PutJsonAsync(url, Body(trip, 1))).StatusCode);
        var submitted = await writer.PostJsonAsync(url + "/submit", new { version = 2 });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("Submitted", (await submitted.JsonAsync()).GetProperty("status").GetString());

        // The writer does not decide; an exit officer does, and a return needs a comment.
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.PostJsonAsync(url + "/approve", new { version = 3 })).StatusCode);
        var noComment = await officer.PostJsonAsync(url + "/return", new { version = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.True((await noComment.JsonAsync()).GetProperty("errors").TryGetProperty("comment", out _));
        var returned = await officer.PostJsonAsync(url + "/return", new { version = 3, comment = "Name the partner." });
        Assert.Equal("Returned", (await returned.JsonAsync()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostJsonAsync(url + "/approve", new { version = 4 })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await writer.PostJsonAsync(url + "/submit", new { version = 4 })).StatusCode);
        var approved = await (await officer.PostJsonAsync(url + "/approve", new { version = 5 })).JsonAsync();
        Assert.Equal("Approved", approved.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await writer.PutJsonAsync(url, Body(trip, 6))).StatusCode);

        var list = await (await officer.GetAsync("/api/v1/trip-reports?status=Approved")).JsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(trip.Id, list.GetProperty("items")[0].GetProperty("tripId").GetGuid());
        Assert.Equal(0, (await (await officer.GetAsync("/api/v1/trip-reports?status=Overdue")).JsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync("/api/v1/trip-reports?status=Late")).StatusCode);
    }

    [Fact]
    public async Task Reports_of_trips_the_caller_may_not_see_answer_404_and_others_may_not_write()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var trip = await ReportData.ApprovedTripAsync(app, people, TripForms.Today.AddDays(-3));
        var url = $"/api/v1/trip-reports/{trip.Id}";

        var stranger = await app.SignInAsync("cqupt.officer-exit");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutJsonAsync(url, Body(trip, 0))).StatusCode);

        var officer = await app.SignInAsync("cqu.officer-exit");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PutJsonAsync(url, Body(trip, 0))).StatusCode);

        var writer = await app.SignInAsync("cqu.applicant");
        Assert.Equal(HttpStatusCode.OK, (await writer.PutJsonAsync(url, Body(trip, 0))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync(url + "?version=1")).StatusCode);
        Assert.Null(await ReportData.LoadAsync(app, trip.Id));
    }

    [Fact]
    public async Task The_report_endpoints_are_in_the_openapi_document()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.applicant");
        var document = await client.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/v1/trip-reports", "/api/v1/trip-reports/{tripId}", "/api/v1/trip-reports/{tripId}/submit",
            "/api/v1/trip-reports/{tripId}/approve", "/api/v1/trip-reports/{tripId}/return", "/api/v1/visas", "/api/v1/visas/{id}" })
        {
            Assert.Contains($"\"{path}\"", document);
        }
    }
}
