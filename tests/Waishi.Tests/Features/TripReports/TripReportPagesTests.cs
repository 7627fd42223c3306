using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.TripReports;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Notifications;

namespace Waishi.Tests.Features.TripReports;

public sealed class TripReportPagesTests
{
    private static Dictionary<string, string> Form(Trip trip, string action, string? results, long version = 0, string followUp = "Visit them in May")
    {
        var fields = new Dictionary<string, string>
        {
            ["Action"] = action, ["Form.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Results"] = results ?? "", ["Form.FollowUp"] = followUp,
        };
        for (var i = 0; i < 3; i++)
        {
            fields[$"Form.Days[{i}].Date"] = trip.DepartureDate!.Value.AddDays(i).ToString("yyyy-MM-dd");
            fields[$"Form.Days[{i}].City"] = i == 2 ? "Kyoto" : "Tokyo";
            fields[$"Form.Days[{i}].Activity"] = $"Day {i + 1} activity";
        }
        return fields;
    }

    [Fact]
    public async Task The_applicant_writes_the_report_from_the_planned_itinerary_and_a_refused_submission_keeps_what_was_typed()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var trip = await ReportData.ApprovedTripAsync(app, people, TripForms.Today.AddDays(-3));
        var client = await app.SignInAsync("cqu.applicant");
        var url = $"/TripReports/Edit/{trip.Id}";

        var details = await client.GetStringAsync($"/Trips/Details/{trip.Id}");
        Assert.Contains($"href=\"/TripReports/Details/{trip.Id}\"", details);
        Assert.Contains($"href=\"/Visas/Trip/{trip.Id}\"", details);
        var form = await client.GetStringAsync(url);
        Assert.Contains($"value=\"{trip.DepartureDate:yyyy-MM-dd}\"", form);
        Assert.Contains("value=\"Sessions\"", form);

        var refused = await client.PostFormAsync(url, url, Form(trip, "submit", results: null));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Enter the results of the trip.", html);
        Assert.Contains("Visit them in May", html);
        Assert.Contains("value=\"Kyoto\"", html);
        Assert.Null(await ReportData.LoadAsync(app, trip.Id));

        var submitted = await client.PostFormAsync(url, url, Form(trip, "submit", "Two joint papers agreed"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var report = await ReportData.LoadAsync(app, trip.Id);
        Assert.Equal(ReportState.Submitted, report!.State);
        Assert.Equal(["Tokyo", "Tokyo", "Kyoto"], report.Days.OrderBy(d => d.SortOrder).Select(d => d.City));
        Assert.Equal(people.ApplicantUserId, report.SubmittedByUserId);
        var officer = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "cqu.officer-exit").Select(u => u.Id).SingleAsync());
        Assert.True(await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.RecipientUserId == officer && m.Link == $"/TripReports/Details/{trip.Id}")));

        // Handed in: no more changes.
        var again = await client.PostFormAsync(url, url, Form(trip, "draft", "Changed", report.Version));
        Assert.Contains("This report is Submitted and can no longer be changed.", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Days_outside_the_trip_and_a_submission_before_the_return_are_refused_with_the_dates()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var trip = await ReportData.ApprovedTripAsync(app, people, TripForms.Today.AddDays(2));
        var client = await app.SignInAsync("cqu.applicant");
        var url = $"/TripReports/Edit/{trip.Id}";
        var fields = Form(trip, "submit", "Results");
        fields["Form.Days[2].Date"] = trip.ReturnDate!.Value.AddDays(1).ToString("yyyy-MM-dd");

        var html = await (await client.PostFormAsync(url, url, fields)).Content.ReadAsStringAsync();

        Assert.Contains($"Itinerary day 3: {trip.ReturnDate.Value.AddDays(1):yyyy-MM-dd} is outside the approved trip ({trip.DepartureDate:yyyy-MM-dd} to {trip.ReturnDate:yyyy-MM-dd})", html);
        Assert.Contains($"The report can be submitted once the trip is back, from {trip.ReturnDate:yyyy-MM-dd}.", html);

        // A draft may be saved before the return.
        fields["Form.Days[2].Date"] = trip.ReturnDate.Value.ToString("yyyy-MM-dd");
        fields["Action"] = "draft";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, url, fields)).StatusCode);
        Assert.Equal(ReportState.Draft, (await ReportData.LoadAsync(app, trip.Id))!.State);
    }

    [Fact]
    public async Task Only_the_applicant_or_filer_writes_and_only_for_an_approved_trip()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var trip = await ReportData.ApprovedTripAsync(app, people, TripForms.Today.AddDays(-3));
        var officer = await app.SignInAsync("cqu.officer-exit");

        // The exit officer sees the trip but does not write its report.
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/TripReports/Details/{trip.Id}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await officer.GetAsync($"/TripReports/Edit/{trip.Id}")).StatusCode);
        // Another tenant's user does not see it at all.
        var stranger = await app.SignInAsync("cqupt.officer-exit");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/TripReports/Details/{trip.Id}")).StatusCode);

        await app.WithDbAsync(async db =>
        {
            (await db.Set<Trip>().FindAsync(trip.Id))!.State = TripState.Publicity;
            await db.SaveChangesAsync();
        });
        var client = await app.SignInAsync("cqu.applicant");
        var url = $"/TripReports/Edit/{trip.Id}";
        var html = await (await client.PostFormAsync(url, url, Form(trip, "draft", "Results"))).Content.ReadAsStringAsync();
        Assert.Contains("Reports are written for approved trips; this trip is In publicity.", html);
        Assert.Null(await ReportData.LoadAsync(app, trip.Id));
    }

    [Fact]
    public async Task The_exit_officer_returns_with_a_comment_and_approves_the_resubmitted_report()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var trip = await ReportData.ApprovedTripAsync(app, people, TripForms.Today.AddDays(-3));
        var report = await ReportData.ReportAsync(app, trip, ReportState.Submitted);
        var officer = await app.SignInAsync("cqu.officer-exit");
        var page = $"/TripReports/Details/{trip.Id}";

        var noComment = await officer.PostFormAsync(page, page + "?handler=Return", new() { ["Version"] = "1", ["Comment"] = "" });
        Assert.Contains("Say what the writer should change: a returned report needs a comment.", await noComment.Content.ReadAsStringAsync());
        Assert.Equal(ReportState.Submitted, (await ReportData.LoadAsync(app, trip.Id))!.State);

        var returned = await officer.PostFormAsync(page, page + "?handler=Return", new() { ["Version"] = "1", ["Comment"] = "Add the visit to Kyoto." });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(ReportState.Returned, (await ReportData.LoadAsync(app, trip.Id))!.State);
        Assert.True(await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.RecipientUserId == people.ApplicantUserId && m.Body == "Add the visit to Kyoto.")));

        var client = await app.SignInAsync("cqu.applicant");
        var url = $"/TripReports/Edit/{trip.Id}";
        Assert.Contains("Add the visit to Kyoto.", await client.GetStringAsync(url));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, url, Form(trip, "submit", "Now with Kyoto", 2))).StatusCode);

        // An approval built on the version before the resubmission is stale.
        var stale = await officer.PostFormAsync(page, page + "?handler=Approve", new() { ["Version"] = "2" });
        Assert.Contains("This record was changed by someone else", await stale.Content.ReadAsStringAsync());
        var approved = await officer.PostFormAsync(page, page + "?handler=Approve", new() { ["Version"] = "3" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var final = await ReportData.LoadAsync(app, trip.Id);
        Assert.Equal(ReportState.Approved, final!.State);
        Assert.Equal("Now with Kyoto", final.Results);
        Assert.NotEqual(report.Version, final.Version);
    }

    [Fact]
    public async Task An_exit_officer_does_not_decide_the_report_of_a_trip_he_applied_for()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var officerStaff = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "cqu.officer-exit").Select(u => u.StaffMemberId!.Value).SingleAsync());
        var trip = await ReportData.ApprovedTripAsync(app, people, TripForms.Today.AddDays(-3));
        await app.WithDbAsync(async db =>
        {
            (await db.Set<Trip>().FindAsync(trip.Id))!.ApplicantId = officerStaff;
            await db.SaveChangesAsync();
        });
        await ReportData.ReportAsync(app, trip, ReportState.Submitted);
        var officer = await app.SignInAsync("cqu.officer-exit");
        var page = $"/TripReports/Details/{trip.Id}";

        Assert.DoesNotContain("data-testid=\"decide\"", await officer.GetStringAsync(page));
        var html = await (await officer.PostFormAsync("/Account/Tokens", page + "?handler=Approve", new() { ["Version"] = "1" })).Content.ReadAsStringAsync();
        Assert.Contains("You filed or applied for this trip, so another exit officer decides its report.", html);
        Assert.Equal(ReportState.Submitted, (await ReportData.LoadAsync(app, trip.Id))!.State);
    }

    [Fact]
    public async Task The_lists_show_due_overdue_submitted_and_approved_reports_with_filters_and_export()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        await ReportData.ApprovedTripAsync(app, people, TripForms.Today.AddDays(-5), "Trip due");
        await ReportData.ApprovedTripAsync(app, people, TripForms.Today.AddDays(-30), "Trip overdue");
        await ReportData.ReportAsync(app, await ReportData.ApprovedTripAsync(app, people, TripForms.Today.AddDays(-40), "Trip submitted"), ReportState.Submitted);
        await ReportData.ReportAsync(app, await ReportData.ApprovedTripAsync(app, people, TripForms.Today.AddDays(-50), "Trip approved"), ReportState.Approved);
        var officer = await app.SignInAsync("cqu.officer-exit");

        async Task<string> ListAsync(string query) => await officer.GetStringAsync("/TripReports?" + query);
        var overdue = await ListAsync("Status=Overdue");
        Assert.Contains("Trip overdue", overdue);
        Assert.Contains("Overdue by 10 days", overdue);
        Assert.DoesNotContain("Trip due", overdue);
        Assert.DoesNotContain("Trip submitted", overdue);
        var due = await ListAsync("Status=Due");
        Assert.Contains("Trip due", due);
        Assert.DoesNotContain("Trip overdue", due);
        Assert.Contains("Trip submitted", await ListAsync("Status=Submitted"));
        var approved = await ListAsync("Status=Approved");
        Assert.Contains("Trip approved", approved);
        Assert.DoesNotContain("Trip submitted", approved);
        Assert.Contains("4 report(s)", await ListAsync(""));
        Assert.Contains("1 report(s)", await ListAsync("Q=overdue"));
        Assert.Contains("0 report(s)", await ListAsync($"Unit={people.OtherUnit[0].UnitId}"));
        Assert.Contains("2 report(s)", await ListAsync($"From={TripForms.Today.AddDays(-35):yyyy-MM-dd}&To={TripForms.Today:yyyy-MM-dd}"));

        var csv = await officer.GetAsync("/TripReports?handler=Export&format=csv&Status=Overdue");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("Trip overdue", text);
        Assert.Contains("Report overdue", text);
        Assert.DoesNotContain("Trip due", text);
        var xlsx = await officer.GetAsync("/TripReports?handler=Export&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Contains(Sheets.Xlsx(await xlsx.Content.ReadAsByteArrayAsync()).SelectMany(r => r), c => c == "Trip approved");

        // An applicant sees only the reports of trips he may see.
        var other = await app.SignInAsync("cqupt.applicant");
        Assert.Contains("0 report(s)", await other.GetStringAsync("/TripReports"));
    }
}
