using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Platform.Workflow;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Workflow;
using Waishi.Tests.Api;
using Waishi.Tests.Support;

namespace Waishi.Tests.Features.Trips;

public sealed class TripsApiTests
{
    private static object Body(Guid applicant, DateOnly departure, long version = 0, string title = "API trip") => new
    {
        applicantId = applicant, type = "Conference", title, purpose = "Present", invitingOrganisation = "ETH Zurich",
        fundingSource = "Grant", departureDate = departure.ToString("yyyy-MM-dd"), returnDate = departure.AddDays(1).ToString("yyyy-MM-dd"),
        version,
        members = new[] { new { staffMemberId = applicant, role = "Leader" } },
        destinations = new[] { new { countryCode = "CH", city = "Zurich" } },
        itinerary = new[]
        {
            new { date = departure.ToString("yyyy-MM-dd"), city = "Zurich", activity = "Arrive" },
            new { date = departure.AddDays(1).ToString("yyyy-MM-dd"), city = "Zurich", activity = "Talk" },
        },
        budget = new[] { new { category = "Accommodation", amount = 1200.5m, note = (string?)null } },
    };

    [Fact]
    public async Task A_draft_is_created_updated_submitted_and_listed()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var client = await app.SignInAsync("cqu.applicant");
        var departure = TripForms.Today.AddDays(40);

        var created = await client.PostJsonAsync("/api/v1/trips", Body(people.Applicant.Id, departure));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var trip = await created.JsonAsync();
        var id = trip.GetProperty("id").GetGuid();
        Assert.Equal("Draft", trip.GetProperty("state").GetString());
        Assert.Equal(2, trip.GetProperty("itinerary").GetArrayLength());

        var updated = await client.PutJsonAsync($"/api/v1/trips/{id}", Body(people.Applicant.Id, departure, 1, "Renamed"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(2, (await updated.JsonAsync()).GetProperty("version").GetInt64());

        // Built on version 1 after it became 2: refused, nothing changes.
        var stale = await client.PutJsonAsync($"/api/v1/trips/{id}", Body(people.Applicant.Id, departure, 1, "Stale"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var submitted = await client.PostJsonAsync($"/api/v1/trips/{id}/submit", new { version = 2 });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var body = await submitted.JsonAsync();
        Assert.Equal("Submitted", body.GetProperty("state").GetString());
        Assert.Equal("Renamed", body.GetProperty("title").GetString());
        Assert.Matches(@"^\d{4}-\d{5}$", body.GetProperty("number").GetString());
        Assert.NotEqual(JsonValueKind.Null, body.GetProperty("caseId").ValueKind);

        var list = await (await client.GetAsync("/api/v1/trips?country=CH&state=Submitted")).JsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(0, (await (await client.GetAsync("/api/v1/trips?country=JP")).JsonAsync()).GetProperty("total").GetInt32());

        var again = await client.PutJsonAsync($"/api/v1/trips/{id}", Body(people.Applicant.Id, departure, 3));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Submission_checks_answer_with_problem_details_naming_the_field()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var client = await app.SignInAsync("cqu.applicant");
        var created = await (await client.PostJsonAsync("/api/v1/trips", Body(people.Applicant.Id, TripForms.Today.AddDays(5)))).JsonAsync();

        var refused = await client.PostJsonAsync($"/api/v1/trips/{created.GetProperty("id").GetGuid()}/submit", new { version = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.JsonAsync()).GetProperty("errors");
        Assert.Contains("this one is 5 days before", errors.GetProperty("lateJustification")[0].GetString());

        var badDate = await client.GetAsync("/api/v1/trips?from=tomorrow");
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
    }

    [Fact]
    public async Task Trips_of_another_tenant_or_hidden_from_the_caller_answer_404()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var owner = await app.SignInAsync("cqu.applicant");
        var id = (await (await owner.PostJsonAsync("/api/v1/trips", Body(people.Applicant.Id, TripForms.Today.AddDays(40)))).JsonAsync())
            .GetProperty("id").GetGuid();

        var otherTenant = await app.SignInAsync("cqupt.officer-exit");
        Assert.Equal(HttpStatusCode.NotFound, (await otherTenant.GetAsync($"/api/v1/trips/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherTenant.PutJsonAsync($"/api/v1/trips/{id}", Body(people.Applicant.Id, TripForms.Today.AddDays(40), 1))).StatusCode);
        var otherUnit = await app.SignInAsync("cqu.officer-global");
        Assert.Equal(HttpStatusCode.NotFound, (await otherUnit.GetAsync($"/api/v1/trips/{id}")).StatusCode);
        var head = await app.SignInAsync("cqu.unit-head");
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync($"/api/v1/trips/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PutJsonAsync($"/api/v1/trips/{id}", Body(people.Applicant.Id, TripForms.Today.AddDays(40), 1))).StatusCode);
        var exit = await app.SignInAsync("cqu.officer-exit");
        Assert.Equal(HttpStatusCode.OK, (await exit.GetAsync($"/api/v1/trips/{id}")).StatusCode);
        var student = await app.SignInAsync("cqu.student");
        Assert.Equal(HttpStatusCode.Forbidden, (await student.GetAsync("/api/v1/trips")).StatusCode);
    }

    [Fact]
    public async Task A_draft_is_deleted_with_its_rows_but_only_at_its_current_version()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var client = await app.SignInAsync("cqu.applicant");
        var id = (await (await client.PostJsonAsync("/api/v1/trips", Body(people.Applicant.Id, TripForms.Today.AddDays(40)))).JsonAsync())
            .GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/v1/trips/{id}?version=7")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/trips/{id}?version=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/trips/{id}")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Set<Waishi.Web.Features.Trips.TripItineraryDay>())));
    }

    [Fact]
    public async Task An_approved_trip_is_amended_through_the_api_and_the_amendment_is_listed()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var client = await app.SignInAsync("cqu.applicant");
        var departure = TripForms.Today.AddDays(40);
        var id = (await (await client.PostJsonAsync("/api/v1/trips", Body(people.Applicant.Id, departure))).JsonAsync()).GetProperty("id").GetGuid();

        var early = await client.PostJsonAsync($"/api/v1/trips/{id}/amendments", new { reason = "Too early" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        var submitted = await (await client.PostJsonAsync($"/api/v1/trips/{id}/submit", new { version = 1 })).JsonAsync();
        var c = await new WorkflowKit(app).CaseAsync(submitted.GetProperty("caseId").GetGuid());
        await new WorkflowKit(app).ApproveAsync(new WorkflowResult(DecisionStatus.Ok, null, c.Id, c.State, c.Step, c.Version),
            "cqu.unit-head", "cqu.officer-exit", "cqu.director");
        await app.WithDbAsync(async db =>
        {
            var trip = await db.Set<Trip>().SingleAsync(t => t.Id == id);
            trip.State = TripState.Approved;
            await db.SaveChangesAsync();
        });

        var invalid = await client.PostJsonAsync($"/api/v1/trips/{id}/amendments", new
        {
            departureDate = departure.ToString("yyyy-MM-dd"), returnDate = departure.AddDays(-1).ToString("yyyy-MM-dd"),
            destinations = new[] { new { countryCode = "CH", city = "Zurich" } },
            members = new[] { new { staffMemberId = people.Applicant.Id, role = "Leader" } }, reason = "Shorter",
        });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("\"returnDate\"", await invalid.Content.ReadAsStringAsync());

        var filed = await client.PostJsonAsync($"/api/v1/trips/{id}/amendments", new
        {
            departureDate = departure.ToString("yyyy-MM-dd"), returnDate = departure.AddDays(2).ToString("yyyy-MM-dd"),
            destinations = new[] { new { countryCode = "CH", city = "Zurich" }, new { countryCode = "CH", city = "Geneva" } },
            members = new[] { new { staffMemberId = people.Applicant.Id, role = "Leader" } }, reason = "A day in Geneva",
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var amendment = await filed.JsonAsync();
        Assert.Equal("InReview", amendment.GetProperty("state").GetString());
        Assert.Equal(2, amendment.GetProperty("after").GetProperty("destinations").GetArrayLength());

        var again = await client.PostJsonAsync($"/api/v1/trips/{id}/amendments", new { reason = "Another" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var list = await (await client.GetAsync($"/api/v1/trips/{id}/amendments")).JsonAsync();
        Assert.Equal(1, list.GetArrayLength());
        Assert.Equal(1, list[0].GetProperty("before").GetProperty("destinations").GetArrayLength());
    }
}
