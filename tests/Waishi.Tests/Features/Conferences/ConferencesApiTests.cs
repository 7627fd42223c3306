using System.Net;
using Waishi.Tests.Api;
using Waishi.Tests.Support;

namespace Waishi.Tests.Features.Conferences;

public sealed class ConferencesApiTests
{
    private static object Body(Guid unit, DateOnly start, string? late = null, int participants = 120) => new
    {
        titleEn = "Forum on smart materials", titleZh = "智能材料论坛", startDate = start.ToString("yyyy-MM-dd"), endDate = start.AddDays(1).ToString("yyyy-MM-dd"),
        venue = "Hall A", city = "Chongqing", unitId = unit, expectedParticipants = participants, expectedForeign = 20,
        countries = new[] { new { countryCode = "fr", count = 8 } }, coOrganisers = new[] { new { name = "Université de Lyon" } },
        lateJustification = late,
    };

    [Fact]
    public async Task An_application_is_filed_checked_submitted_and_listed_through_the_API()
    {
        await using var app = await AppFactory.CreateAsync();
        var unit = await ConferenceForms.UnitAsync(app);
        var client = await app.SignInAsync("cqu.applicant");

        var late = await client.PostJsonAsync("/api/v1/conferences", Body(unit, ConferenceForms.Today.AddMonths(1)));
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("less than the lead time of 4 months",
            (await late.JsonAsync()).GetProperty("errors").GetProperty("lateJustification")[0].GetString());
        var shape = await client.PostJsonAsync("/api/v1/conferences", new { titleEn = "x", expectedParticipants = 5, expectedForeign = 9 });
        var errors = (await shape.JsonAsync()).GetProperty("errors");
        Assert.Contains("Chinese title", errors.GetProperty("titleZh")[0].GetString());
        Assert.Contains("cannot be more than all participants", errors.GetProperty("expectedForeign")[0].GetString());

        var created = await client.PostJsonAsync("/api/v1/conferences", Body(unit, ConferenceForms.Today.AddMonths(1), "Urgent: ministry request", participants: 300));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dto = await created.JsonAsync();
        var id = dto.GetProperty("id").GetGuid();
        Assert.True(dto.GetProperty("isLate").GetBoolean());
        Assert.True(dto.GetProperty("cityApproval").GetBoolean());
        Assert.Equal("FR", dto.GetProperty("countries")[0].GetProperty("countryCode").GetString());
        Assert.Equal(JsonNull, dto.GetProperty("number").ValueKind);

        var submitted = await client.PostJsonAsync($"/api/v1/conferences/{id}/submit", new { });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var after = await submitted.JsonAsync();
        Assert.Equal("Submitted", after.GetProperty("state").GetString());
        Assert.StartsWith($"CONF-{ConferenceForms.Today.Year}-", after.GetProperty("number").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostJsonAsync($"/api/v1/conferences/{id}/submit", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/v1/conferences/{id}")).StatusCode);

        var list = await (await client.GetAsync("/api/v1/conferences?late=true&city=true")).JsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(0, (await (await client.GetAsync("/api/v1/conferences?late=false")).JsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/conferences?state=Nope")).StatusCode);

        // Another applicant of the tenant sees nothing of it.
        var other = await app.SignInAsync("cqu.officer-exit");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/conferences/{id}")).StatusCode);

        var openapi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/conferences/{id}/submit", openapi);
        Assert.Contains("/api/v1/conference-plans/{unitId}/{year}", openapi);
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task A_unit_head_keeps_the_units_plan_through_the_API_and_versions_guard_it()
    {
        await using var app = await AppFactory.CreateAsync();
        var unit = await ConferenceForms.UnitAsync(app);
        var year = ConferenceForms.Today.Year + 1;
        var head = await app.SignInAsync("cqu.unit-head");
        var body = new { version = 0, notes = "Two events", submit = true, items = new[] { new { title = "Forum", expectedParticipants = 50, foreignParticipants = 10 } } };
        var saved = await head.PutJsonAsync($"/api/v1/conference-plans/{unit}/{year}", body);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var plan = await saved.JsonAsync();
        Assert.True(plan.GetProperty("submitted").GetBoolean());
        Assert.Equal($"{year - 1}-11-30", plan.GetProperty("due").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await head.PutJsonAsync($"/api/v1/conference-plans/{unit}/{year}", body)).StatusCode);

        var all = await (await head.GetAsync($"/api/v1/conference-plans?year={year}")).JsonAsync();
        Assert.Contains(all.EnumerateArray(), p => p.GetProperty("unitId").GetGuid() == unit && p.GetProperty("items").GetArrayLength() == 1);

        // An applicant who heads no unit cannot keep it.
        var applicant = await app.SignInAsync("cqu.applicant");
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/api/v1/conference-plans/{unit}/{year}")).StatusCode);
    }
}
