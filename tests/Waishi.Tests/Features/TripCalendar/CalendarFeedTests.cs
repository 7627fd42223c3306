using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Waishi.Tests.Support;
using Waishi.Web.Features.TripCalendar;

namespace Waishi.Tests.Features.TripCalendar;

public sealed partial class CalendarFeedTests
{
    [GeneratedRegex("data-testid=\"feed-url\">(http[^<]+)<")]
    private static partial Regex FeedUrl();

    private static async Task<string> CreateFeedAsync(HttpClient client, long? version = null)
    {
        var fields = version is { } v ? new Dictionary<string, string> { ["version"] = v.ToString() } : [];
        var response = await client.PostFormAsync("/TripCalendar/Feed", "/TripCalendar/Feed?handler=Create", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = FeedUrl().Match(await response.Content.ReadAsStringAsync());
        Assert.True(match.Success, "The new feed address is shown once.");
        return new Uri(WebUtility.HtmlDecode(match.Groups[1].Value)).PathAndQuery;
    }

    /// <summary>The feed as its physical lines, checked for CRLF ends, 75-octet lines and whole UTF-8 characters; then unfolded into properties.</summary>
    private static List<(string Name, string Value)> Parse(byte[] bytes)
    {
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var text = strict.GetString(bytes);
        Assert.EndsWith("\r\n", text);
        Assert.DoesNotMatch("[^\r]\n", text);
        var physical = new List<byte[]>();
        var start = 0;
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n')
            {
                physical.Add(bytes[start..i]);
                start = i + 2;
            }
        }
        Assert.All(physical, line =>
        {
            Assert.True(line.Length <= 75, $"A line of {line.Length} octets: {Encoding.UTF8.GetString(line)}");
            strict.GetString(line); // a fold never splits a character
        });
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        return [.. unfolded.Select(l =>
        {
            var colon = l.IndexOf(':');
            return (l[..colon], l[(colon + 1)..]);
        })];
    }

    private static List<Dictionary<string, string>> Events(List<(string Name, string Value)> lines)
    {
        var events = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var (name, value) in lines)
        {
            if (name == "BEGIN" && value == "VEVENT")
            {
                current = [];
            }
            else if (name == "END" && value == "VEVENT")
            {
                events.Add(current!);
                current = null;
            }
            else if (current is not null)
            {
                current[name] = value;
            }
        }
        return events;
    }

    [Fact]
    public async Task The_feed_is_valid_iCalendar_with_all_day_events_and_works_without_a_cookie()
    {
        await using var app = await AppFactory.CreateAsync();
        var data = await CalendarData.SeedAsync(app);
        var url = await CreateFeedAsync(await app.SignInAsync("cqu.director"));

        var response = await app.NewClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var lines = Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(("BEGIN", "VCALENDAR"), lines[0]);
        Assert.Equal(("END", "VCALENDAR"), lines[^1]);
        Assert.Contains(("VERSION", "2.0"), lines);
        Assert.Contains(lines, l => l.Name == "PRODID");
        var events = Events(lines);
        Assert.Equal(new[] { data.Own.Id, data.Colleague.Id, data.OtherUnit.Id }.Select(id => $"trip-{id}@waishi").Order(), events.Select(e => e["UID"]).Order());

        var own = events.Single(e => e["UID"] == $"trip-{data.Own.Id}@waishi");
        Assert.Equal("20270310", own["DTSTART;VALUE=DATE"]);
        Assert.Equal("20270315", own["DTEND;VALUE=DATE"]); // back on the 14th; the end is exclusive
        Assert.Matches("^\\d{8}T\\d{6}Z$", own["DTSTAMP"]);
        Assert.StartsWith("Kyoto\\, Osaka\\; robotics · ", own["SUMMARY"]);
        Assert.Equal("Tokyo (JP)", own["LOCATION"]);
        Assert.Equal("CONFIRMED", own["STATUS"]);
        Assert.Contains("\\n", own["DESCRIPTION"]);

        var colleague = events.Single(e => e["UID"] == $"trip-{data.Colleague.Id}@waishi");
        Assert.StartsWith(CalendarData.LongTitle, colleague["SUMMARY"]); // folded over several lines, whole again
        Assert.Equal("TENTATIVE", colleague["STATUS"]);
        Assert.Equal("Tokyo (JP)\\, Seoul (KR)", colleague["LOCATION"]);

        // The same trip keeps its UID in the next fetch.
        var again = Events(Parse(await app.NewClient().GetByteArrayAsync(url)));
        Assert.Equal(events.Select(e => e["UID"]), again.Select(e => e["UID"]));
    }

    [Fact]
    public async Task The_feed_shows_only_what_its_owner_may_see_and_never_another_tenants_trips()
    {
        await using var app = await AppFactory.CreateAsync();
        var data = await CalendarData.SeedAsync(app);

        var applicant = await app.NewClient().GetStringAsync(await CreateFeedAsync(await app.SignInAsync("cqu.applicant")));
        Assert.Equal([$"trip-{data.Own.Id}@waishi"], Events(Parse(Encoding.UTF8.GetBytes(applicant))).Select(e => e["UID"]));

        var head = await app.NewClient().GetStringAsync(await CreateFeedAsync(await app.SignInAsync("cqu.unit-head")));
        Assert.Contains(data.Colleague.Id.ToString(), head);
        Assert.DoesNotContain(data.OtherUnit.Id.ToString(), head);

        var otherTenant = await app.NewClient().GetStringAsync(await CreateFeedAsync(await app.SignInAsync("cqupt.director")));
        Assert.Equal([$"trip-{data.OtherTenant.Id}@waishi"], Events(Parse(Encoding.UTF8.GetBytes(otherTenant))).Select(e => e["UID"]));
        foreach (var trip in new[] { data.Own, data.Colleague, data.OtherUnit, data.InReview })
        {
            Assert.DoesNotContain(trip.Id.ToString(), otherTenant);
        }
    }

    [Fact]
    public async Task Rotating_ends_the_old_address_and_revoking_ends_the_feed()
    {
        await using var app = await AppFactory.CreateAsync();
        await CalendarData.SeedAsync(app);
        var user = await app.SignInAsync("cqu.applicant");
        var first = await CreateFeedAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await app.NewClient().GetAsync(first)).StatusCode);

        var page = await user.GetStringAsync("/TripCalendar/Feed");
        Assert.DoesNotContain(first, page); // the address is shown only once
        var version = long.Parse(Regex.Match(page, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value);
        var second = await CreateFeedAsync(user, version);

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.NewClient().GetAsync(second)).StatusCode);

        page = await user.GetStringAsync("/TripCalendar/Feed");
        var id = Regex.Match(page, "name=\"id\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        version = long.Parse(Regex.Match(page, "name=\"id\" value=\"[0-9a-f-]+\" />\\s*<input type=\"hidden\" name=\"version\" value=\"(\\d+)\"").Groups[1].Value);
        var revoked = await user.PostFormAsync("/TripCalendar/Feed", "/TripCalendar/Feed?handler=Revoke", new() { ["id"] = id, ["version"] = version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync(second)).StatusCode);
        Assert.Contains("data-testid=\"no-feed\"", await user.GetStringAsync("/TripCalendar/Feed"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync("/feeds/trips/wcal_unknown-token.ics")).StatusCode);
    }

    [Fact]
    public void Long_lines_fold_at_75_octets_without_splitting_characters_and_text_is_escaped()
    {
        var text = new IcsWriter().Text("SUMMARY", new string('a', 70) + "中文字符" + "x;y,z\\w\nnext").ToString();
        var lines = text.Split("\r\n")[..^1];
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75));
        Assert.All(lines.Skip(1), l => Assert.StartsWith(" ", l));
        Assert.Equal(75, Encoding.UTF8.GetByteCount(lines[0]));
        Assert.Equal("SUMMARY:" + new string('a', 70) + "中文字符x\\;y\\,z\\\\w\\nnext", string.Concat(lines.Select((l, i) => i == 0 ? l : l[1..])));
    }
}
