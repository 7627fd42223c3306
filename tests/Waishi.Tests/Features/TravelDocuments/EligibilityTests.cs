using System.Net;
using Waishi.Tests.Api;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.TravelDocuments;

namespace Waishi.Tests.Features.TravelDocuments;

/// <summary>Overdue documents stop trips at submission, through the real submit endpoint: a member
/// with an overdue document cannot travel, and a unit with a member more than 30 days overdue
/// cannot file, until the document is returned.</summary>
public sealed class EligibilityTests
{
    private static object Draft(Guid applicant, DateOnly departure) => new
    {
        applicantId = applicant, type = "Conference", title = "Workshop in Zurich", purpose = "Present", invitingOrganisation = "ETH Zurich",
        fundingSource = "Grant", departureDate = departure.ToString("yyyy-MM-dd"), returnDate = departure.AddDays(1).ToString("yyyy-MM-dd"),
        members = new[] { new { staffMemberId = applicant, role = "Leader" } },
        destinations = new[] { new { countryCode = "CH", city = "Zurich" } },
        itinerary = new[]
        {
            new { date = departure.ToString("yyyy-MM-dd"), city = "Zurich", activity = "Arrive" },
            new { date = departure.AddDays(1).ToString("yyyy-MM-dd"), city = "Zurich", activity = "Talk" },
        },
        budget = new[] { new { category = "Accommodation", amount = 1200m } },
    };

    /// <summary>Creates a draft as the applicant and submits it; returns the answer of the submission.</summary>
    private static async Task<(HttpResponseMessage Answer, Guid TripId)> SubmitAsync(HttpClient applicant, TripPeople people)
    {
        var created = await applicant.PostJsonAsync("/api/v1/trips", Draft(people.Applicant.Id, DocumentData.Today.AddDays(45)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        return (await applicant.PostJsonAsync($"/api/v1/trips/{id}/submit", new { version = 1 }), id);
    }

    [Fact]
    public async Task A_unit_more_than_thirty_days_late_cannot_file_until_the_document_is_returned()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var colleague = people.Colleagues[0];
        var doc = await DocumentData.DocumentAsync(app, people, colleague, "E31313131", change: DocumentData.OutUntil(DocumentData.Today.AddDays(-31)));
        var applicant = await app.SignInAsync("cqu.applicant");

        var (refused, tripId) = await SubmitAsync(applicant, people);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = (await refused.JsonAsync()).GetProperty("errors").GetProperty("applicantId")[0].GetString()!;
        Assert.Contains("E31313131", message);
        Assert.Contains(colleague.NameZh, message);
        Assert.Contains("31 days overdue (more than 30)", message);

        var officer = await app.SignInAsync("cqu.officer-exit");
        Assert.Equal(HttpStatusCode.OK, (await officer.PostJsonAsync($"/api/v1/travel-documents/{doc.Id}/return", new { version = 1 })).StatusCode);

        var accepted = await applicant.PostJsonAsync($"/api/v1/trips/{tripId}/submit", new { version = 1 });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Thirty_days_overdue_does_not_lock_the_unit_yet_and_other_units_are_not_locked()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        await DocumentData.DocumentAsync(app, people, people.Colleagues[0], "E30303030", change: DocumentData.OutUntil(DocumentData.Today.AddDays(-30)));
        await DocumentData.DocumentAsync(app, people, people.OtherUnit[0], "E99999999", change: DocumentData.OutUntil(DocumentData.Today.AddDays(-90)));
        var applicant = await app.SignInAsync("cqu.applicant");

        var (answer, _) = await SubmitAsync(applicant, people);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task A_member_with_an_overdue_document_cannot_travel_and_the_message_names_person_document_and_days()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        await DocumentData.DocumentAsync(app, people, people.Applicant, "E20202020", change: DocumentData.OutUntil(DocumentData.Today.AddDays(-2)));
        var applicant = await app.SignInAsync("cqu.applicant");

        var (refused, _) = await SubmitAsync(applicant, people);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.JsonAsync()).GetProperty("errors");
        var message = errors.EnumerateObject().Single(p => p.Name.StartsWith("members[0]", StringComparison.OrdinalIgnoreCase)).Value[0].GetString()!;
        Assert.Contains(people.Applicant.NameZh, message);
        Assert.Contains("Official passport E20202020", message);
        Assert.Contains("2 days overdue", message);
        // Two days late is not yet a unit lock.
        Assert.False(errors.TryGetProperty("applicantId", out _));
    }

    [Fact]
    public async Task A_document_due_today_is_not_overdue()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var doc = await DocumentData.DocumentAsync(app, people, people.Applicant, change: DocumentData.OutUntil(DocumentData.Today));
        var applicant = await app.SignInAsync("cqu.applicant");

        var (answer, _) = await SubmitAsync(applicant, people);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(TravelDocumentStatus.CheckedOut, (await DocumentData.ReloadAsync(app, doc.Id)).StatusOn(DocumentData.Today));
    }
}
