using System.Net;
using Waishi.Tests.Api;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.TravelDocuments;
using Waishi.Web.Features.Trips;

namespace Waishi.Tests.Features.TravelDocuments;

/// <summary>The custody rules through the API: a document leaves custody only for an approved trip
/// of its holder, while in custody and valid, and is due back seven days after the trip returns.</summary>
public sealed class CustodyTests
{
    private const string Officer = "cqu.officer-exit";

    private static Task<HttpResponseMessage> CheckOutAsync(HttpClient client, Guid doc, Guid trip, long version = 1) =>
        client.PostJsonAsync($"/api/v1/travel-documents/{doc}/check-out", new { tripId = trip, version });

    [Fact]
    public async Task A_document_goes_out_for_an_approved_trip_due_seven_days_after_return_and_comes_back()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var trip = await DocumentData.ApprovedTripAsync(app, people);
        var client = await app.SignInAsync(Officer);

        var created = await client.PostJsonAsync("/api/v1/travel-documents", new
        {
            type = "OfficialPassport", number = "e 1234 5678", holderId = people.Applicant.Id,
            issueDate = DocumentData.Today.AddYears(-2).ToString("yyyy-MM-dd"), expiryDate = DocumentData.Today.AddYears(3).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var doc = await created.JsonAsync();
        var id = doc.GetProperty("id").GetGuid();
        Assert.Equal("E12345678", doc.GetProperty("number").GetString());
        Assert.Equal("InCustody", doc.GetProperty("status").GetString());

        var out1 = await CheckOutAsync(client, id, trip.Id);
        Assert.Equal(HttpStatusCode.OK, out1.StatusCode);
        var body = await out1.JsonAsync();
        Assert.Equal("CheckedOut", body.GetProperty("status").GetString());
        Assert.Equal(trip.ReturnDate!.Value.AddDays(7).ToString("yyyy-MM-dd"), body.GetProperty("returnDue").GetString());
        Assert.Equal(trip.Id, body.GetProperty("tripId").GetGuid());

        var list = await (await client.GetAsync("/api/v1/travel-documents?status=CheckedOut")).JsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());

        var back = await client.PostJsonAsync($"/api/v1/travel-documents/{id}/return", new { version = 2, note = "Back in the safe" });
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal("InCustody", (await back.JsonAsync()).GetProperty("status").GetString());

        var ledger = await (await client.GetAsync($"/api/v1/travel-documents/{id}/ledger")).JsonAsync();
        Assert.Equal(["Registered", "CheckedOut", "Returned"], ledger.EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToArray());
        var officerId = await DocumentData.UserIdAsync(app, Officer);
        Assert.All(ledger.EnumerateArray(), e => Assert.Equal(officerId, e.GetProperty("byUserId").GetGuid()));
        Assert.Equal("Back in the safe", ledger[2].GetProperty("note").GetString());
        Assert.Equal(trip.Id, ledger[2].GetProperty("tripId").GetGuid());

        // Returned: nothing to return twice, and a document with a history is not deleted.
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostJsonAsync($"/api/v1/travel-documents/{id}/return", new { version = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/v1/travel-documents/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_return_period_follows_the_tenants_policy()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        await app.WithDbAsync(async db =>
        {
            var policy = TripPolicy.Defaults();
            policy.TenantId = people.TenantId;
            foreach (var limit in policy.Limits)
            {
                limit.TenantId = people.TenantId;
            }
            policy.DocumentReturnDays = 10;
            db.Add(policy);
            await db.SaveChangesAsync();
        });
        var trip = await DocumentData.ApprovedTripAsync(app, people);
        var doc = await DocumentData.DocumentAsync(app, people, people.Applicant);
        var client = await app.SignInAsync(Officer);

        var body = await (await CheckOutAsync(client, doc.Id, trip.Id)).JsonAsync();

        Assert.Equal(trip.ReturnDate!.Value.AddDays(10).ToString("yyyy-MM-dd"), body.GetProperty("returnDue").GetString());
    }

    [Theory]
    [InlineData("submitted trip", HttpStatusCode.BadRequest, "checked out only for approved trips")]
    [InlineData("holder not a member", HttpStatusCode.BadRequest, "is not a member of the delegation")]
    [InlineData("expires during the trip", HttpStatusCode.BadRequest, "before the trip returns")]
    [InlineData("wrong kind", HttpStatusCode.BadRequest, "needs a Taiwan permit")]
    [InlineData("expired", HttpStatusCode.Conflict, "expired on")]
    [InlineData("lost", HttpStatusCode.Conflict, "is Lost and cannot be checked out")]
    [InlineData("checked out", HttpStatusCode.Conflict, "already checked out")]
    public async Task Check_out_is_refused(string why, HttpStatusCode status, string message)
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var holder = why == "holder not a member" ? people.Colleagues[0] : people.Applicant;
        var trip = await DocumentData.ApprovedTripAsync(app, people, state: why == "submitted trip" ? TripState.Submitted : TripState.Approved);
        if (why == "wrong kind")
        {
            await app.WithDbAsync(async db =>
            {
                var stored = await db.Set<Trip>().FindAsync(trip.Id);
                stored!.Type = TripType.Taiwan;
                await db.SaveChangesAsync();
            });
        }
        var doc = await DocumentData.DocumentAsync(app, people, holder, change: d =>
        {
            switch (why)
            {
                case "expires during the trip":
                    d.ExpiryDate = trip.ReturnDate!.Value.AddDays(-1);
                    break;
                case "expired":
                    d.ExpiryDate = DocumentData.Today.AddDays(-1);
                    break;
                case "lost":
                    d.Status = TravelDocumentStatus.Lost;
                    break;
                case "checked out":
                    DocumentData.OutUntil(DocumentData.Today.AddDays(20))(d);
                    break;
            }
        });
        var client = await app.SignInAsync(Officer);

        var refused = await CheckOutAsync(client, doc.Id, trip.Id);

        Assert.Equal(status, refused.StatusCode);
        var problem = await refused.JsonAsync();
        var text = status == HttpStatusCode.Conflict
            ? problem.GetProperty("detail").GetString()
            : problem.GetProperty("errors").GetProperty("tripId")[0].GetString();
        Assert.Contains(message, text);
        var after = await DocumentData.ReloadAsync(app, doc.Id);
        Assert.Equal(doc.Status, after.Status);
        Assert.Equal(doc.Version, after.Version);
        Assert.DoesNotContain(await DocumentData.LedgerAsync(app, doc.Id), e => e.Action == CustodyAction.CheckedOut);
    }

    [Fact]
    public async Task A_second_check_out_with_the_same_version_is_told_the_document_is_already_out()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var trip = await DocumentData.ApprovedTripAsync(app, people);
        var doc = await DocumentData.DocumentAsync(app, people, people.Applicant);
        var client = await app.SignInAsync(Officer);

        var answers = await Task.WhenAll(CheckOutAsync(client, doc.Id, trip.Id), CheckOutAsync(client, doc.Id, trip.Id));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        var second = Assert.Single(answers, a => a.StatusCode != HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("already checked out", (await second.JsonAsync()).GetProperty("detail").GetString());
        Assert.Single(await DocumentData.LedgerAsync(app, doc.Id), e => e.Action == CustodyAction.CheckedOut);
    }

    [Fact]
    public async Task Records_are_validated_and_only_exit_officers_change_them()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var existing = await DocumentData.DocumentAsync(app, people, people.Applicant);
        var client = await app.SignInAsync(Officer);

        var bad = await client.PostJsonAsync("/api/v1/travel-documents", new
        {
            type = "OfficialPassport", number = "E12345678", holderId = people.Applicant.Id,
            issueDate = "2026-05-01", expiryDate = "2026-04-01",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.Contains("already registered", errors.GetProperty("number")[0].GetString());
        Assert.Contains("is not after the issue date", errors.GetProperty("expiryDate")[0].GetString());

        var updated = await client.PutJsonAsync($"/api/v1/travel-documents/{existing.Id}", new
        {
            type = "OrdinaryPassport", number = "G7654321", holderId = people.Applicant.Id,
            issueDate = existing.IssueDate.ToString("yyyy-MM-dd"), expiryDate = existing.ExpiryDate.ToString("yyyy-MM-dd"), version = 1,
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("G7654321", (await updated.JsonAsync()).GetProperty("number").GetString());
        var stale = await client.PutJsonAsync($"/api/v1/travel-documents/{existing.Id}", new
        {
            type = "OrdinaryPassport", number = "G0000000", holderId = people.Applicant.Id,
            issueDate = existing.IssueDate.ToString("yyyy-MM-dd"), expiryDate = existing.ExpiryDate.ToString("yyyy-MM-dd"), version = 1,
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var director = await app.SignInAsync("cqu.director");
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync($"/api/v1/travel-documents/{existing.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.PostJsonAsync($"/api/v1/travel-documents/{existing.Id}/return", new { version = 2 })).StatusCode);
        var applicant = await app.SignInAsync("cqu.applicant");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/v1/travel-documents")).StatusCode);
    }

    [Fact]
    public async Task The_api_is_in_the_OpenAPI_document()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync(Officer);
        var paths = (await (await client.GetAsync("/openapi/v1.json")).JsonAsync()).GetProperty("paths");
        foreach (var path in new[] { "/api/v1/travel-documents", "/api/v1/travel-documents/{id}", "/api/v1/travel-documents/{id}/check-out",
                     "/api/v1/travel-documents/{id}/return", "/api/v1/travel-documents/{id}/ledger" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }
}
