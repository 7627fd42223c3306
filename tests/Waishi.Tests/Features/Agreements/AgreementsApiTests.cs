using System.Net;
using System.Text.Json;
using Waishi.Tests.Api;
using Waishi.Tests.Support;
using Waishi.Web.Features.Agreements;

namespace Waishi.Tests.Features.Agreements;

public sealed class AgreementsApiTests
{
    /// <summary>The body of a PUT from an agreement as the API returned it, with the given changes.</summary>
    public static Dictionary<string, object?> BodyOf(JsonElement dto, params (string Key, object? Value)[] changes)
    {
        var body = new Dictionary<string, object?>
        {
            ["version"] = dto.GetProperty("version").GetInt64(), ["title"] = dto.GetProperty("title").GetString(),
            ["type"] = dto.GetProperty("type").GetString(),
            ["signingUnitId"] = dto.GetProperty("signingUnitId").ValueKind == JsonValueKind.Null ? null : dto.GetProperty("signingUnitId").GetGuid(),
            ["officerUserId"] = dto.GetProperty("officerUserId").ValueKind == JsonValueKind.Null ? null : dto.GetProperty("officerUserId").GetGuid(),
            ["effectiveOn"] = dto.GetProperty("effectiveOn").GetString(), ["expiresOn"] = dto.GetProperty("expiresOn").GetString(),
            ["subjectAreas"] = dto.GetProperty("subjectAreas").GetString(),
            ["parties"] = dto.GetProperty("partnerIds").EnumerateArray().Select(p => new { partnerId = p.GetGuid() }).ToList(),
            ["quotas"] = JsonSerializer.Deserialize<List<Dictionary<string, object?>>>(dto.GetProperty("quotas").GetRawText()),
        };
        foreach (var (key, value) in changes)
        {
            body[key] = value;
        }
        return body;
    }

    private static object Quota(Guid partner, string kind = "StudentStudies", int first = 2026, int last = 2028, object? months = null, object? days = null,
        string? eqf = "6,7", string? languages = "en B2") =>
        new { partnerId = partner, direction = "Outgoing", kind, firstYear = first, lastYear = last, placesPerYear = 3, monthsPerYear = months, daysPerYear = days,
            eqfLevels = eqf, languageSkills = languages, subjectAreas = "0610 Computer science" };

    [Fact]
    public async Task Create_read_update_list_and_delete_round_trip_with_problem_details_naming_the_fields()
    {
        await using var app = await AppFactory.CreateAsync();
        var partner = await AgreementData.PartnerAsync(app, "University of Leeds", "GB");
        var other = await AgreementData.PartnerAsync(app, "Osaka University", "JP");
        var unit = await AgreementData.UnitIdAsync(app, "CQU-ME");
        var officerId = await AgreementData.UserIdAsync(app, "cqu.officer-global");
        var client = await app.SignInAsync("cqu.officer-global");

        var bad = await client.PostJsonAsync("/api/v1/agreements", new
        {
            title = "", type = "StudentExchange", parties = new[] { new { partnerId = partner } },
            effectiveOn = "2026-09-01", expiresOn = "2026-08-31", subjectAreas = "Computer science", autoRenew = true,
            quotas = new[] { Quota(other), Quota(partner, kind: "StaffTeacher", first: 2028, last: 2027, months: 5, eqf: "4"), Quota(partner, languages: "english please") },
        });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.Contains("Enter the title", errors.GetProperty("title")[0].GetString());
        Assert.Contains("after the effective date", errors.GetProperty("expiresOn")[0].GetString());
        Assert.Contains("four-digit ISCED-F code", errors.GetProperty("subjectAreas")[0].GetString());
        Assert.Contains("from 1 to 120", errors.GetProperty("renewalMonths")[0].GetString());
        Assert.Contains("among the parties", errors.GetProperty("quotas[0].PartnerId")[0].GetString());
        Assert.Contains("cannot be before the first", errors.GetProperty("quotas[1].LastYear")[0].GetString());
        Assert.Contains("count days, not months", errors.GetProperty("quotas[1].MonthsPerYear")[0].GetString());
        Assert.Contains("student mobilities only", errors.GetProperty("quotas[1].EqfLevels")[0].GetString());
        Assert.Contains("\"en B2\"", errors.GetProperty("quotas[2].LanguageSkills")[0].GetString());

        var created = await client.PostJsonAsync("/api/v1/agreements", new
        {
            title = "Exchange with Leeds", type = "StudentExchange", parties = new[] { new { partnerId = partner } }, signingUnitId = unit, officerUserId = officerId,
            effectiveOn = "2026-09-01", expiresOn = "2031-08-31", subjectAreas = "0610 Computer science\n0710 Engineering", autoRenew = true, renewalMonths = 60,
            signatories = new[] { new { name = "Jane Smith", title = "Vice-Chancellor", partnerId = (Guid?)partner } },
            quotas = new[] { Quota(partner, months: 10), Quota(partner, kind: "StaffTraining", days: 5, eqf: null) },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dto = await created.JsonAsync();
        var id = dto.GetProperty("id").GetGuid();
        Assert.Equal("Draft", dto.GetProperty("state").GetString());
        Assert.Equal(2, dto.GetProperty("quotas").GetArrayLength());
        Assert.Equal("Jane Smith", dto.GetProperty("signatories")[0].GetProperty("name").GetString());

        var read = await (await client.GetAsync($"/api/v1/agreements/{id}")).JsonAsync();
        var updated = await client.PutJsonAsync($"/api/v1/agreements/{id}", BodyOf(read, ("title", "Exchange with Leeds and York")));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(2, (await updated.JsonAsync()).GetProperty("version").GetInt64());
        var stale = await client.PutJsonAsync($"/api/v1/agreements/{id}", BodyOf(read, ("title", "Lost update")));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var list = await (await client.GetAsync("/api/v1/agreements?q=leeds&state=Draft&type=StudentExchange&country=GB")).JsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(0, (await (await client.GetAsync("/api/v1/agreements?q=osaka")).JsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/agreements?state=Signed")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/agreements?expiresBefore=soon")).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/v1/agreements/{id}?version=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/agreements/{id}?version=2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/agreements/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_endpoints_are_in_the_OpenAPI_document()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.officer-global");
        var document = await client.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/v1/agreements", "/api/v1/agreements/{id}/submit", "/api/v1/agreements/{id}/sign", "/api/v1/agreements/{id}/terminate",
            "/api/v1/agreements/{id}/renew", "/api/v1/agreements/{id}/documents", "/api/v1/agreements/{id}/documents/{documentId}" })
        {
            Assert.Contains($"\"{path}\"", document);
        }
    }

    [Fact]
    public async Task Only_the_officers_of_the_partners_region_and_directors_manage_agreements_others_read_or_are_refused()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await AgreementData.TenantIdAsync(app);
        var partner = await AgreementData.PartnerAsync(app, "University of Leeds", "GB");
        var id = await AgreementData.AddAsync(app, new AgreementBuilder(tenant, partner));
        var body = new { title = "Taken over", type = "StudentExchange", parties = new[] { new { partnerId = partner } }, version = 1 };

        foreach (var user in new[] { "cqu.unit-secretary", "cqu.applicant", "cqu.student" })
        {
            var client = await app.SignInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/agreements")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/v1/agreements", body)).StatusCode);
            var page = await client.GetAsync("/Agreements");
            Assert.True(page.StatusCode == HttpStatusCode.Forbidden || page.Headers.Location?.ToString().Contains("Denied") == true, $"{user}: {page.StatusCode}");
        }
        foreach (var user in new[] { "cqu.auditor", "cqu.officer-exit" })
        {
            var reader = await app.SignInAsync(user);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/agreements/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/Agreements/Details/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutJsonAsync($"/api/v1/agreements/{id}", body)).StatusCode);
            var create = await reader.GetAsync("/Agreements/Create");
            Assert.True(create.StatusCode == HttpStatusCode.Forbidden || create.Headers.Location?.ToString().Contains("Denied") == true, $"{user}: {create.StatusCode}");
        }

        // A British partner's agreement is global relations' business, not HMT's.
        var hmt = await app.SignInAsync("cqu.officer-hmt");
        Assert.Equal(HttpStatusCode.Forbidden, (await hmt.PutJsonAsync($"/api/v1/agreements/{id}", body)).StatusCode);
        var director = await app.SignInAsync("cqu.director");
        Assert.Equal(HttpStatusCode.OK, (await director.PutJsonAsync($"/api/v1/agreements/{id}", body)).StatusCode);
    }
}
