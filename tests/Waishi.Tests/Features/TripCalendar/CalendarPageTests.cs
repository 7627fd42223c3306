using System.Net;
using Waishi.Tests.Api;
using Waishi.Tests.Support;

namespace Waishi.Tests.Features.TripCalendar;

public sealed class CalendarPageTests
{
    public static TheoryData<string, string[]> Roles() => new()
    {
        { "cqu.applicant", ["Own"] },
        { "cqu.unit-secretary", ["Own", "Colleague"] },
        { "cqu.unit-head", ["Own", "Colleague"] },
        { "cqu.officer-exit", ["Own", "Colleague", "OtherUnit"] },
        { "cqu.director", ["Own", "Colleague", "OtherUnit"] },
        { "cqu.leader", ["Own", "Colleague", "OtherUnit"] },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task The_calendar_shows_the_approved_trips_each_role_may_see(string user, string[] expected)
    {
        await using var app = await AppFactory.CreateAsync();
        var data = await CalendarData.SeedAsync(app);
        var client = await app.SignInAsync(user);
        var named = new Dictionary<string, Guid>
        {
            ["Own"] = data.Own.Id, ["Colleague"] = data.Colleague.Id, ["OtherUnit"] = data.OtherUnit.Id,
            ["InReview"] = data.InReview.Id, ["OtherTenant"] = data.OtherTenant.Id,
        };

        foreach (var view in new[] { "month", "list" })
        {
            var html = await client.GetStringAsync($"/TripCalendar?Month={CalendarData.Month}&View={view}");
            foreach (var (name, id) in named)
            {
                Assert.True(expected.Contains(name) == html.Contains($"data-trip=\"{id}\""), $"{user}, {view} view: {name} {(expected.Contains(name) ? "missing" : "shown")}");
            }
        }

        var api = await (await client.GetAsync("/api/v1/trip-calendar?from=2027-03-01&to=2027-03-31")).JsonAsync();
        Assert.Equal(expected.Select(n => named[n]).Order(), api.EnumerateArray().Select(e => e.GetProperty("tripId").GetGuid()).Order());
    }

    [Fact]
    public async Task The_month_grid_marks_the_days_abroad_and_the_filters_narrow_by_unit_and_person()
    {
        await using var app = await AppFactory.CreateAsync();
        var data = await CalendarData.SeedAsync(app);
        var director = await app.SignInAsync("cqu.director");

        var html = await director.GetStringAsync($"/TripCalendar?Month={CalendarData.Month}");
        // The own trip is abroad from 10 to 14 March: in those five day cells and in no other.
        var cells = System.Text.RegularExpressions.Regex.Matches(html, "<td[^>]*data-day=\"(\\d{4}-\\d{2}-\\d{2})\"[^>]*>(.*?)</td>", System.Text.RegularExpressions.RegexOptions.Singleline);
        var days = cells.Where(c => c.Groups[2].Value.Contains($"data-trip=\"{data.Own.Id}\"")).Select(c => c.Groups[1].Value).ToList();
        Assert.Equal(["2027-03-10", "2027-03-11", "2027-03-12", "2027-03-13", "2027-03-14"], days);
        Assert.Contains(data.People.Applicant.NameEn ?? data.People.Applicant.NameZh, html);

        var unit = await director.GetStringAsync($"/TripCalendar?Month={CalendarData.Month}&View=list&Unit={data.OtherUnit.UnitId}");
        Assert.Contains($"data-trip=\"{data.OtherUnit.Id}\"", unit);
        Assert.DoesNotContain($"data-trip=\"{data.Own.Id}\"", unit);

        var person = await director.GetStringAsync($"/TripCalendar?Month={CalendarData.Month}&View=list&Person={data.Colleague.ApplicantId}");
        Assert.Contains($"data-trip=\"{data.Colleague.Id}\"", person);
        Assert.DoesNotContain($"data-trip=\"{data.Own.Id}\"", person);
        Assert.Contains("Seoul (KR)", person);

        var april = await director.GetStringAsync("/TripCalendar?Month=2027-04&View=list");
        Assert.DoesNotContain($"data-trip=\"{data.Own.Id}\"", april);
        Assert.Equal(HttpStatusCode.BadRequest, (await director.GetAsync("/api/v1/trip-calendar?from=2027-3-1")).StatusCode);
    }

    [Fact]
    public async Task A_student_has_no_calendar()
    {
        await using var app = await AppFactory.CreateAsync();
        var student = await app.SignInAsync("cqu.student");
        Assert.Equal(HttpStatusCode.Redirect, (await student.GetAsync("/TripCalendar")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await student.GetAsync("/api/v1/trip-calendar")).StatusCode);
    }

    [Fact]
    public async Task The_calendar_is_in_Chinese_for_a_Chinese_reader()
    {
        await using var app = await AppFactory.CreateAsync();
        await CalendarData.SeedAsync(app);
        var director = await app.SignInAsync("cqu.director", culture: "zh-CN");

        var html = await director.GetStringAsync($"/TripCalendar?Month={CalendarData.Month}");
        Assert.Contains("2027年3月", html);
        Assert.Contains("周一", html);
        Assert.Contains(CalendarData.LongTitle, html);
        foreach (var english in new[] { "Trip calendar", "Previous month", "List view", ">Mon<", "All units" })
        {
            Assert.DoesNotContain(english, html);
        }
        var feed = await director.GetStringAsync("/TripCalendar/Feed");
        Assert.Contains("创建订阅地址", feed);
        Assert.DoesNotContain("Create feed address", feed);
    }
}
