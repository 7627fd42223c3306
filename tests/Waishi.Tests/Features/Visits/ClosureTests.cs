using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Api;
using Waishi.Tests.Support;
using Waishi.Web.Features.Visits;

namespace Waishi.Tests.Features.Visits;

public sealed class ClosureTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static Task<long> VersionAsync(AppFactory app, Guid visitId) =>
        app.WithDbAsync(db => db.Set<Visit>().Where(v => v.Id == visitId).Select(v => v.Version).SingleAsync());

    private static async Task<HttpResponseMessage> CloseAsync(AppFactory app, HttpClient client, Visit visit, string? summaryTitle = null, string? summaryText = null) =>
        await client.PostJsonAsync($"/api/v1/visits/{visit.Id}/closure", new
        {
            actualArrivalDate = visit.ArrivalDate, actualDepartureDate = visit.DepartureDate,
            members = visit.Members.Select(m => new { memberId = m.Id, came = m.IsLeader }).ToArray(),
            actualMembersNote = "Dr. Anna Berg came instead of Jonas Weber",
            report = "Signed a memorandum on a joint degree programme.", summaryTitle, summaryText,
            version = await VersionAsync(app, visit.Id),
        });

    [Fact]
    public void The_closure_is_due_30_days_after_the_departure()
    {
        var visit = new Visit { DepartureDate = new DateOnly(2027, 3, 4) };
        Assert.Equal(new DateOnly(2027, 4, 3), visit.ClosureDueOn);
    }

    [Fact]
    public async Task Reminders_go_to_the_host_on_the_due_date_and_weekly_after_once_per_point_until_the_closure_is_recorded()
    {
        await using var app = await AppFactory.CreateAsync();
        var visit = await LetterData.ApprovedVisitAsync(app);
        var due = new DateOnly(2027, 4, 3);

        await LetterData.RunClosureRemindersAsync(app, due.AddDays(-1));
        Assert.Empty(await LetterData.ClosureRemindersAsync(app, visit.Id));

        await LetterData.RunClosureRemindersAsync(app, due);
        await LetterData.RunClosureRemindersAsync(app, due);
        await LetterData.RunClosureRemindersAsync(app, due.AddDays(3));
        var sent = await LetterData.ClosureRemindersAsync(app, visit.Id);
        var reminder = Assert.Single(sent);
        Assert.Equal(visit.FiledByUserId, reminder.RecipientUserId);
        Assert.Contains("20270403", reminder.DeduplicationKey);
        Assert.Contains(visit.Title, reminder.Subject);
        Assert.Equal($"/Visits/Closure/{visit.Id}", reminder.Link);

        await LetterData.RunClosureRemindersAsync(app, due.AddDays(7));
        await LetterData.RunClosureRemindersAsync(app, due.AddDays(8));
        sent = await LetterData.ClosureRemindersAsync(app, visit.Id);
        Assert.Equal(2, sent.Count);
        Assert.Contains("7 days overdue", sent[1].Subject);

        var host = await app.SignInAsync(LetterData.Host);
        Assert.Equal(HttpStatusCode.OK, (await CloseAsync(app, host, visit)).StatusCode);
        await LetterData.RunClosureRemindersAsync(app, due.AddDays(14));
        Assert.Equal(2, (await LetterData.ClosureRemindersAsync(app, visit.Id)).Count);
    }

    [Fact]
    public async Task The_overdue_list_shows_approved_visits_past_their_closure_date_and_exports_them()
    {
        await using var app = await AppFactory.CreateAsync();
        var overdue = await LetterData.ApprovedVisitAsync(app, v => (v.Title, v.ArrivalDate, v.DepartureDate) = ("Overdue delegation", Today.AddDays(-45), Today.AddDays(-42)));
        await LetterData.ApprovedVisitAsync(app, v => (v.Title, v.ArrivalDate, v.DepartureDate) = ("Recent delegation", Today.AddDays(-12), Today.AddDays(-10)));
        await LetterData.ApprovedVisitAsync(app, v => (v.Title, v.ArrivalDate, v.DepartureDate, v.State) = ("Closed delegation", Today.AddDays(-90), Today.AddDays(-88), VisitState.Closed));
        var officer = await app.SignInAsync(LetterData.Officer);

        var html = await officer.GetStringAsync("/Visits/Overdue");

        Assert.Contains("Overdue delegation", html);
        Assert.Contains("1 visit(s)", html);
        Assert.DoesNotContain("Recent delegation", html);
        Assert.DoesNotContain("Closed delegation", html);
        Assert.Contains($"data-visit=\"{overdue.Id}\"", html);
        Assert.Contains(">12</span>", html);
        var csv = await officer.GetStringAsync("/Visits/Overdue?handler=Export&format=csv");
        Assert.Contains("Overdue delegation", csv);
        Assert.DoesNotContain("Recent delegation", csv);

        var host = await app.SignInAsync(LetterData.Host);
        Assert.Equal(HttpStatusCode.OK, (await CloseAsync(app, host, overdue)).StatusCode);
        Assert.DoesNotContain("Overdue delegation", await officer.GetStringAsync("/Visits/Overdue"));
    }

    [Fact]
    public async Task The_host_records_the_closure_on_the_page_and_a_missing_report_names_the_field_and_keeps_what_was_typed()
    {
        await using var app = await AppFactory.CreateAsync();
        var visit = await LetterData.ApprovedVisitAsync(app);
        var maria = visit.Members.Single(m => m.IsLeader);
        var jonas = visit.Members.Single(m => !m.IsLeader);
        var host = await app.SignInAsync(LetterData.Host);
        var url = $"/Visits/Closure/{visit.Id}";
        var fields = new Dictionary<string, string>
        {
            ["Form.Version"] = (await VersionAsync(app, visit.Id)).ToString(),
            ["Form.Members[0].MemberId"] = maria.Id.ToString(), ["Form.Members[0].Came"] = "true",
            ["Form.Members[1].MemberId"] = jonas.Id.ToString(), ["Form.Members[1].Came"] = "false",
            ["Form.ActualArrivalDate"] = "2027-03-01", ["Form.ActualDepartureDate"] = "2027-03-03",
            ["Form.ActualMembersNote"] = "Came with an interpreter", ["Form.Report"] = "",
        };

        var refused = await host.PostFormAsync(url, url, fields);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Describe what happened during the visit.", html);
        Assert.Contains("Came with an interpreter", html);
        Assert.Equal(VisitState.Approved, (await app.WithDbAsync(db => db.Set<Visit>().SingleAsync(v => v.Id == visit.Id))).State);

        fields["Form.Report"] = "Visited the labs and signed a memorandum.";
        var saved = await host.PostFormAsync(url, url, fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var closed = await app.WithDbAsync(db => db.Set<Visit>().Include(v => v.Members).SingleAsync(v => v.Id == visit.Id));
        Assert.Equal(VisitState.Closed, closed.State);
        Assert.Equal(new DateOnly(2027, 3, 3), closed.ActualDepartureDate);
        Assert.Equal("Visited the labs and signed a memorandum.", closed.ClosureReport);
        Assert.True(closed.Members.Single(m => m.Id == maria.Id).Came);
        Assert.False(closed.Members.Single(m => m.Id == jonas.Id).Came);
        Assert.NotNull(closed.ClosedUtc);
        Assert.Equal(visit.FiledByUserId, closed.ClosedByUserId);

        fields["Form.Report"] = "Stale edit";
        var stale = await host.PostFormAsync(url, url, fields);
        Assert.Contains("changed by someone else", await stale.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Departure_before_arrival_is_refused_by_the_API_with_the_field_named()
    {
        await using var app = await AppFactory.CreateAsync();
        var visit = await LetterData.ApprovedVisitAsync(app);
        var host = await app.SignInAsync(LetterData.Host);

        var response = await host.PostJsonAsync($"/api/v1/visits/{visit.Id}/closure", new
        {
            actualArrivalDate = "2027-03-05", actualDepartureDate = "2027-03-01", members = new[] { new { memberId = visit.Members[0].Id, came = true } },
            report = "x", version = await VersionAsync(app, visit.Id),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("actualDepartureDate", out _));
    }

    [Fact]
    public async Task A_published_summary_appears_on_the_notice_page_without_the_visitors_personal_data()
    {
        await using var app = await AppFactory.CreateAsync();
        var visit = await LetterData.ApprovedVisitAsync(app);
        var host = await app.SignInAsync(LetterData.Host);
        var officer = await app.SignInAsync(LetterData.Officer);
        Assert.Equal(HttpStatusCode.OK, (await CloseAsync(app, host, visit, "TU Munich delegation visits us", "A memorandum on a joint degree programme was signed.")).StatusCode);
        var url = $"/Visits/Closure/{visit.Id}";
        var anonymous = app.NewClient();
        Assert.DoesNotContain("TU Munich delegation visits us", await anonymous.GetStringAsync("/Public/Notices"));

        var byHost = await host.PostFormAsync(url, url + "?handler=Publish", new() { ["version"] = (await VersionAsync(app, visit.Id)).ToString() });
        Assert.Equal(HttpStatusCode.Redirect, byHost.StatusCode);
        Assert.Contains("/Account/Denied", byHost.Headers.Location?.ToString());
        Assert.False(await app.WithDbAsync(db => db.Set<Visit>().Where(v => v.Id == visit.Id).Select(v => v.SummaryPublished).SingleAsync()));
        var published = await officer.PostFormAsync(url, url + "?handler=Publish", new() { ["version"] = (await VersionAsync(app, visit.Id)).ToString() });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var notices = await anonymous.GetStringAsync("/Public/Notices");
        Assert.Contains("TU Munich delegation visits us", notices);
        Assert.Contains("A memorandum on a joint degree programme was signed.", notices);
        Assert.Contains("Technical University of Munich", notices);
        Assert.Contains("2027-03-01", notices);
        Assert.DoesNotContain("Maria Schmidt", notices);
        Assert.DoesNotContain("C01X00T47", notices);
        Assert.DoesNotContain("Signed a memorandum on a joint degree programme.", notices);

        var unpublished = await officer.PostFormAsync(url, url + "?handler=Unpublish", new() { ["version"] = (await VersionAsync(app, visit.Id)).ToString() });
        Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        Assert.DoesNotContain("TU Munich delegation visits us", await anonymous.GetStringAsync("/Public/Notices"));
    }

    [Fact]
    public async Task Only_the_host_or_a_global_relations_officer_records_the_closure()
    {
        await using var app = await AppFactory.CreateAsync();
        var visit = await LetterData.ApprovedVisitAsync(app);
        var director = await app.SignInAsync("cqu.director");

        var response = await CloseAsync(app, director, visit);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(VisitState.Approved, (await app.WithDbAsync(db => db.Set<Visit>().SingleAsync(v => v.Id == visit.Id))).State);
    }
}
