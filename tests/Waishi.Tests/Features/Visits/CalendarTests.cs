using System.Net;
using System.Text.RegularExpressions;
using Waishi.Tests.Support;
using Waishi.Web.Features.Visits;

namespace Waishi.Tests.Features.Visits;

public sealed partial class CalendarTests
{
    [GeneratedRegex("data-testid=\"feed-url\">([^<]+)<")]
    private static partial Regex FeedUrl();

    [Fact]
    public async Task The_month_shows_the_visits_the_user_sees_with_their_agenda_on_its_day()
    {
        await using var app = await AppFactory.CreateAsync();
        var visit = await LetterData.ApprovedVisitAsync(app);
        await LetterData.ApprovedVisitAsync(app, v => (v.Title, v.State) = ("Draft delegation", VisitState.Draft));
        await LetterData.ApprovedVisitAsync(app, v => v.Title = "Other tenant delegation", tenant: "CQUPT");
        var host = await app.SignInAsync(LetterData.Host);

        var html = await host.GetStringAsync("/Visits/Calendar?Month=2027-03");

        Assert.Contains("1 visit(s) this month", html);
        var day = Regex.Match(html, "data-day=\"2027-03-02\"(.*?)</td>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"data-visit=\"{visit.Id}\"", day);
        Assert.Contains("09:30 Talks with the president", day);
        Assert.DoesNotContain("Talks with the president", Regex.Match(html, "data-day=\"2027-03-03\"(.*?)</td>", RegexOptions.Singleline).Groups[1].Value);
        Assert.DoesNotContain("Draft delegation", html);
        Assert.DoesNotContain("Other tenant delegation", html);
        Assert.Contains("0 visit(s) this month", await host.GetStringAsync("/Visits/Calendar?Month=2027-05"));
    }

    [Fact]
    public async Task The_iCalendar_feed_carries_the_visit_and_its_timed_agenda_items_and_stops_when_revoked()
    {
        await using var app = await AppFactory.CreateAsync();
        var visit = await LetterData.ApprovedVisitAsync(app);
        await LetterData.ApprovedVisitAsync(app, v => v.Title = "Other tenant delegation", tenant: "CQUPT");
        var officer = await app.SignInAsync(LetterData.Officer);
        var created = await officer.PostFormAsync("/Visits/Calendar/Feed", "/Visits/Calendar/Feed?handler=Create", new());
        var url = FeedUrl().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.Contains("/feeds/visits/wcal_", url);
        var anonymous = app.NewClient();

        var feed = await anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        var ics = (await feed.Content.ReadAsStringAsync()).Replace("\r\n ", "");
        Assert.Contains($"UID:visit-{visit.Id}@waishi", ics);
        Assert.Contains("DTSTART;VALUE=DATE:20270301", ics);
        Assert.Contains("DTEND;VALUE=DATE:20270305", ics);
        Assert.Contains("SUMMARY:Delegation of TU Munich · Maria Schmidt\\, Jonas Weber", ics);
        // 09:30–11:00 in China is 01:30–03:00 UTC.
        Assert.Contains("DTSTART:20270302T013000Z", ics);
        Assert.Contains("DTEND:20270302T030000Z", ics);
        Assert.Contains("LOCATION:Main building 301", ics);
        Assert.DoesNotContain("Other tenant delegation", ics);

        var page = await officer.GetStringAsync("/Visits/Calendar/Feed");
        var id = Regex.Match(page, "name=\"id\" value=\"([^\"]+)\"").Groups[1].Value;
        var version = Regex.Match(page, "name=\"version\" value=\"([^\"]+)\"").Groups[1].Value;
        await officer.PostFormAsync("/Visits/Calendar/Feed", "/Visits/Calendar/Feed?handler=Revoke", new() { ["id"] = id, ["version"] = version });
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
    }
}
