using System.Net;
using System.Text.Json;
using Waishi.Tests.Api;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;
using Waishi.Web.Features.TripReports;

namespace Waishi.Tests.Features.TripReports;

/// <summary>The overdue flag refuses a new trip through the real submit endpoint.</summary>
public sealed class OverdueReportTests
{
    private static object Draft(Guid applicant, DateOnly departure, params Guid[] others) => new
    {
        applicantId = applicant, type = "Conference", title = "Next trip", purpose = "Present", invitingOrganisation = "ETH Zurich",
        fundingSource = "Grant", departureDate = departure.ToString("yyyy-MM-dd"), returnDate = departure.AddDays(1).ToString("yyyy-MM-dd"),
        members = new[] { new { staffMemberId = applicant, role = "Leader" } }.Concat(others.Select(o => new { staffMemberId = o, role = "Member" })).ToArray(),
        destinations = new[] { new { countryCode = "CH", city = "Zurich" } },
        itinerary = new[]
        {
            new { date = departure.ToString("yyyy-MM-dd"), city = "Zurich", activity = "Arrive" },
            new { date = departure.AddDays(1).ToString("yyyy-MM-dd"), city = "Zurich", activity = "Talk" },
        },
        budget = new[] { new { category = "Accommodation", amount = 1200m, note = (string?)null } },
    };

    private static async Task<HttpResponseMessage> SubmitNewTripAsync(HttpClient client, Guid applicant, params Guid[] others)
    {
        var created = await client.PostJsonAsync("/api/v1/trips", Draft(applicant, TripForms.Today.AddDays(45), others));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var trip = await created.JsonAsync();
        return await client.PostJsonAsync($"/api/v1/trips/{trip.GetProperty("id").GetGuid()}/submit", new { version = trip.GetProperty("version").GetInt64() });
    }

    private static List<string> Messages(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().SelectMany(p => p.Value.EnumerateArray().Select(m => m.GetString()!))];

    [Fact]
    public async Task A_member_with_an_overdue_report_cannot_be_submitted_on_a_new_trip_until_it_is_handed_in()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        // Back 25 days ago: due 5 days ago.
        var old = await ReportData.ApprovedTripAsync(app, people, TripForms.Today.AddDays(-25), "Hanover fair");
        var client = await app.SignInAsync("cqu.applicant");

        var refused = await SubmitNewTripAsync(client, people.Applicant.Id);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = Assert.Single(Messages(await refused.JsonAsync()), m => m.Contains("Hanover fair", StringComparison.Ordinal));
        Assert.Equal($"{people.Applicant.NameZh} has not handed in the report of the trip \"Hanover fair\", 5 days overdue: submit it before a new trip.", message);

        await ReportData.ReportAsync(app, old, ReportState.Submitted);
        Assert.Equal(HttpStatusCode.OK, (await SubmitNewTripAsync(client, people.Applicant.Id)).StatusCode);
    }

    [Fact]
    public async Task Every_member_of_the_overdue_delegation_is_flagged_and_a_report_due_today_is_not_overdue()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var colleague = people.OtherUnit[0];
        await ReportData.ApprovedTripAsync(app, people, TripForms.Today.AddDays(-21), "Overdue by one day", colleague);
        await ReportData.ApprovedTripAsync(app, people, TripForms.Today.AddDays(-20), "Due today", people.OtherUnit[1]);
        var client = await app.SignInAsync("cqu.applicant");

        var refused = await SubmitNewTripAsync(client, people.Applicant.Id, colleague.Id, people.OtherUnit[1].Id);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var messages = Messages(await refused.JsonAsync());
        Assert.Contains($"{colleague.NameZh} has not handed in the report of the trip \"Overdue by one day\", 1 days overdue: submit it before a new trip.", messages);
        Assert.Contains(messages, m => m.StartsWith(people.Applicant.NameZh + " has not handed in", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("Due today", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.StartsWith(people.OtherUnit[1].NameZh + " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_overdue_message_is_shown_in_Chinese_with_the_person_trip_and_days()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        await ReportData.ApprovedTripAsync(app, people, TripForms.Today.AddDays(-30), "Hanover fair");
        var client = await app.SignInAsync("cqu.applicant", culture: "zh-CN");

        var refused = await SubmitNewTripAsync(client, people.Applicant.Id);

        Assert.Contains($"{people.Applicant.NameZh} 尚未提交出访\"Hanover fair\"的报告，已逾期 10 天", string.Join("\n", Messages(await refused.JsonAsync())));
    }
}
