using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.Conferences;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Notifications;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Features.Conferences;

/// <summary>Reminders of the plan for next year (in October, once) and of the post-conference
/// summary (at the due date and weekly after, once per point); the overdue list.</summary>
public sealed class ConferenceRemindersTests
{
    private static Task<int> PlanRunAsync(AppFactory app, DateOnly today) =>
        ConferenceForms.AsJobAsync(app, (db, notifier) => ConferencePlanReminders.SendAsync(db, notifier, today, CancellationToken.None));

    private static Task<int> SummaryRunAsync(AppFactory app, DateOnly today) =>
        ConferenceForms.AsJobAsync(app, (db, notifier) => ConferenceSummaryReminders.SendAsync(db, notifier, today, CancellationToken.None));

    private static Task<List<OutboxMessage>> MessagesAsync(AppFactory app, string prefix) =>
        app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.DeduplicationKey != null && m.DeduplicationKey.StartsWith(prefix)).ToListAsync());

    [Fact]
    public async Task Units_without_a_plan_for_next_year_are_reminded_once_in_October_and_a_handed_in_plan_stops_it()
    {
        await using var app = await AppFactory.CreateAsync();
        var unit = await ConferenceForms.UnitAsync(app);
        var head = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "cqu.unit-head").Select(u => u.Id).SingleAsync());
        var year = ConferenceForms.Today.Year;

        Assert.Equal(0, await PlanRunAsync(app, new DateOnly(year, 9, 30)));
        Assert.Empty(await MessagesAsync(app, "conference-plan:"));

        // CQUPT's unit heads hand in their plans first: they are not reminded.
        await app.WithDbAsync(async db =>
        {
            var cqupt = await db.Set<Tenant>().Where(t => t.Code == "CQUPT").Select(t => t.Id).SingleAsync();
            var units = await db.Set<RoleAssignment>().Where(r => r.TenantId == cqupt && r.OrgUnitId != null
                && (r.Role == Roles.UnitHead || r.Role == Roles.UnitSecretary)).Select(r => r.OrgUnitId!.Value).Distinct().ToListAsync();
            foreach (var u in units)
            {
                db.Add(new ConferencePlan { TenantId = cqupt, UnitId = u, Year = year + 1, Submitted = true, SubmittedUtc = DateTime.UtcNow });
            }
            await db.SaveChangesAsync();
        });

        var sent = await PlanRunAsync(app, new DateOnly(year, 10, 1));
        Assert.True(sent > 0);
        var messages = await MessagesAsync(app, "conference-plan:");
        Assert.Contains(messages, m => m.DeduplicationKey == ConferencePlanReminders.Key(unit, year + 1, head) && m.RecipientUserId == head);
        var cquptTenant = await app.WithDbAsync(db => db.Set<Tenant>().Where(t => t.Code == "CQUPT").Select(t => t.Id).SingleAsync());
        Assert.DoesNotContain(messages, m => m.TenantId == cquptTenant);
        Assert.Contains(messages, m => m.RecipientUserId == head && m.Subject.Contains($"Conference plan for {year + 1} due {year}-11-30"));

        // Later runs in October send nothing more; November is past the reminder month.
        Assert.Equal(0, await PlanRunAsync(app, new DateOnly(year, 10, 1)));
        Assert.Equal(0, await PlanRunAsync(app, new DateOnly(year, 10, 20)));
        Assert.Equal(0, await PlanRunAsync(app, new DateOnly(year, 11, 2)));
        Assert.Equal(messages.Count, (await MessagesAsync(app, "conference-plan:")).Count);

        // The unit head hands in the plan on its page; it shows as handed in.
        var client = await app.SignInAsync("cqu.unit-head");
        var url = $"/Conferences/Plans/Edit?unit={unit}&year={year + 1}";
        var bad = await client.PostFormAsync(url, url, new Dictionary<string, string>
        {
            ["Form.Version"] = "0", ["Form.Items[0].Title"] = "Forum on hydrogen vehicles", ["Form.Items[0].ExpectedParticipants"] = "80",
            ["Form.Items[0].ForeignParticipants"] = "90", ["Then"] = "submit",
        });
        Assert.Contains("cannot be more than all participants", await bad.Content.ReadAsStringAsync());
        var ok = await client.PostFormAsync(url, url, new Dictionary<string, string>
        {
            ["Form.Version"] = "0", ["Form.Items[0].Title"] = "Forum on hydrogen vehicles", ["Form.Items[0].ApproximateDates"] = "May",
            ["Form.Items[0].ExpectedParticipants"] = "80", ["Form.Items[0].ForeignParticipants"] = "20", ["Then"] = "submit",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var plan = await app.WithDbAsync(db => db.Set<ConferencePlan>().Include(p => p.Items).SingleAsync(p => p.UnitId == unit && p.Year == year + 1));
        Assert.True(plan.Submitted);
        Assert.Equal("Forum on hydrogen vehicles", Assert.Single(plan.Items).Title);
        var plans = await client.GetStringAsync($"/Conferences/Plans?Year={year + 1}&Status=missing");
        Assert.DoesNotContain($"data-unit=\"{unit}\"", plans);
    }

    private static async Task<Conference> ApprovedAsync(AppFactory app, DateOnly end, string title = "Conference on tribology", string number = "CONF-2026-0098")
    {
        var unit = await ConferenceForms.UnitAsync(app);
        return await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "cqu.applicant");
            var officer = await db.Users.SingleAsync(u => u.UserName == "cqu.officer-global");
            var c = new Conference
            {
                TenantId = user.TenantId, TitleEn = title, TitleZh = "摩擦学会议", StartDate = end.AddDays(-2), EndDate = end, Venue = "Hall", City = "Chongqing",
                UnitId = unit, FiledByUserId = user.Id, OfficerUserId = officer.Id, ExpectedParticipants = 100, ExpectedForeign = 10,
                State = ConferenceState.Approved, Number = number, CreatedUtc = DateTime.UtcNow, ApprovedUtc = DateTime.UtcNow,
            };
            db.Add(c);
            await db.SaveChangesAsync();
            return c;
        });
    }

    [Fact]
    public async Task The_summary_is_reminded_at_its_due_date_and_weekly_after_once_per_point_and_listed_as_overdue_until_recorded()
    {
        await using var app = await AppFactory.CreateAsync();
        var today = ConferenceForms.Today;
        var c = await ApprovedAsync(app, today.AddDays(-40));
        var due = today.AddDays(-10);
        var recent = await ApprovedAsync(app, today.AddDays(-5), "Recent conference", "CONF-2026-0099");

        Assert.Equal(0, await SummaryRunAsync(app, due.AddDays(-1)));
        Assert.Equal(2, await SummaryRunAsync(app, due));
        Assert.Equal(0, await SummaryRunAsync(app, due.AddDays(3)));
        Assert.Equal(2, await SummaryRunAsync(app, due.AddDays(7)));
        Assert.Equal(0, await SummaryRunAsync(app, due.AddDays(13)));
        Assert.Equal(2, await SummaryRunAsync(app, due.AddDays(14)));
        var messages = await MessagesAsync(app, $"conference-summary:{c.Id:N}:");
        Assert.Equal(6, messages.Count);
        Assert.Contains(messages, m => m.Subject.Contains("due today"));
        Assert.Contains(messages, m => m.Subject.Contains("14 days overdue"));
        Assert.Empty(await MessagesAsync(app, $"conference-summary:{recent.Id:N}:"));

        var officer = await app.SignInAsync("cqu.officer-global");
        var overdue = await officer.GetStringAsync("/Conferences/Overdue");
        Assert.Contains($"data-conference=\"{c.Id}\"", overdue);
        Assert.DoesNotContain($"data-conference=\"{recent.Id}\"", overdue);
        Assert.Contains($"data-conference=\"{c.Id}\"", await officer.GetStringAsync("/Conferences?Overdue=true"));

        // The filer records the summary; a bad form keeps what was typed and names the field.
        var applicant = await app.SignInAsync("cqu.applicant");
        var url = $"/Conferences/Summary/{c.Id}";
        var fields = new Dictionary<string, string>
        {
            ["Form.Version"] = c.Version.ToString(), ["Form.ActualParticipants"] = "95", ["Form.Countries[0].CountryCode"] = "DE",
            ["Form.Countries[0].Count"] = "6", ["Form.Countries[1].CountryCode"] = "Japan", ["Form.Countries[1].Count"] = "3", ["Form.Outcomes"] = "",
        };
        var bad = await (await applicant.PostFormAsync(url, url, fields)).Content.ReadAsStringAsync();
        Assert.Contains("Describe the outcomes of the conference.", bad);
        Assert.Contains("two-letter ISO code", bad);
        Assert.Contains("value=\"95\"", bad);
        fields["Form.Countries[1].CountryCode"] = "JP";
        fields["Form.Outcomes"] = "Two joint papers and a memorandum with TU Munich.";
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostFormAsync(url, url, fields)).StatusCode);
        var recorded = await ConferenceForms.ReloadAsync(app, c.Id);
        Assert.Equal(95, recorded.ActualParticipants);
        Assert.Equal(["DE 6", "JP 3"], recorded.ActualByCountry.Select(x => $"{x.CountryCode} {x.Count}"));
        Assert.NotNull(recorded.SummarySubmittedUtc);

        Assert.DoesNotContain($"data-conference=\"{c.Id}\"", await officer.GetStringAsync("/Conferences/Overdue"));
        Assert.Equal(0, await SummaryRunAsync(app, due.AddDays(21)));
    }
}
