using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Api;
using Waishi.Tests.Support;
using Waishi.Web.Features.Projects;

namespace Waishi.Tests.Features.Projects;

public sealed class ProjectsApiTests
{
    private static async Task<Guid> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostJsonAsync("/api/v1/projects", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Validation_names_each_field_and_its_fix()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync(ProjectData.Officer);
        var partner = await ProjectData.PartnerAsync(app, "University of Leeds", "GB");
        var response = await client.PostJsonAsync("/api/v1/projects", ProjectData.Body([partner],
            ("kind", null), ("titleEn", " "), ("partnerIds", Array.Empty<Guid>()), ("amount", -5m), ("currency", "EURO"),
            ("startOn", "2026-06-01"), ("endOn", "2026-05-31")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains("kind of project", errors.GetProperty("kind")[0].GetString());
        Assert.Contains("English title", errors.GetProperty("titleEn")[0].GetString());
        Assert.Contains("at least one partner", errors.GetProperty("partnerIds")[0].GetString());
        Assert.Contains("zero or more", errors.GetProperty("amount")[0].GetString());
        Assert.Contains("ISO 4217", errors.GetProperty("currency")[0].GetString());
        Assert.Contains("on or after the start date 2026-06-01", errors.GetProperty("endOn")[0].GetString());

        // A partner of another tenant is not a choice, and a partner-side investigator must belong to one of the project's partners.
        var foreign = await ProjectData.PartnerAsync(app, "Foreign Tenant University", "FR", tenantCode: "CQUPT");
        var other = await ProjectData.PartnerAsync(app, "University of York", "GB");
        var refused = await client.PostJsonAsync("/api/v1/projects", ProjectData.Body([partner, foreign],
            ("investigators", new object[] { new { side = "Partner", name = "Ann", partnerId = other } })));
        var text = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Choose the partners from the list", text);
        Assert.Contains("which of the project's partners", text);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<CooperationProject>().CountAsync()));
    }

    [Fact]
    public async Task A_project_is_created_read_updated_with_outputs_and_deleted_with_versions_guarding_each_change()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.director");
        var leeds = await ProjectData.PartnerAsync(app, "University of Leeds", "GB");
        var kyoto = await ProjectData.PartnerAsync(app, "Kyoto University", "JP", "京都大学");
        var id = await CreateAsync(client, ProjectData.Body([leeds, kyoto]));

        var project = await (await client.GetAsync($"/api/v1/projects/{id}")).JsonAsync();
        Assert.Equal("JointLaboratory", project.GetProperty("kind").GetString());
        Assert.Equal([leeds, kyoto], project.GetProperty("partnerIds").EnumerateArray().Select(p => p.GetGuid()));
        Assert.Equal(1500000.00m, project.GetProperty("amount").GetDecimal());
        Assert.Equal("Jane Smith", project.GetProperty("investigators")[1].GetProperty("name").GetString());
        Assert.Equal(leeds, project.GetProperty("investigators")[1].GetProperty("partnerId").GetGuid());

        var updated = await client.PutJsonAsync($"/api/v1/projects/{id}", ProjectData.Body([kyoto], ("version", 1), ("status", "Completed"),
            ("investigators", new object[] { new { side = "Partner", name = "Taro Yamada", partnerId = kyoto } })));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = await updated.JsonAsync();
        Assert.Equal(2, after.GetProperty("version").GetInt64());
        Assert.Equal("Completed", after.GetProperty("status").GetString());
        Assert.Equal([kyoto], after.GetProperty("partnerIds").EnumerateArray().Select(p => p.GetGuid()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ProjectPartner>().CountAsync(p => p.ProjectId == id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ProjectInvestigator>().CountAsync(p => p.ProjectId == id)));

        var stale = await client.PutJsonAsync($"/api/v1/projects/{id}", ProjectData.Body([kyoto], ("version", 1)));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var output = await client.PostJsonAsync($"/api/v1/projects/{id}/outputs", new { kind = "Publication", title = "Battery anodes", date = "2027-03-01", reference = "10.1000/xyz123" });
        Assert.Equal(HttpStatusCode.Created, output.StatusCode);
        var outputId = (await output.JsonAsync()).GetProperty("id").GetGuid();
        var badOutput = await client.PostJsonAsync($"/api/v1/projects/{id}/outputs", new { kind = "Publication", title = "" });
        Assert.Contains("title of the output", (await badOutput.JsonAsync()).GetProperty("errors").GetProperty("title")[0].GetString());
        var outputs = await (await client.GetAsync($"/api/v1/projects/{id}/outputs")).JsonAsync();
        Assert.Equal("10.1000/xyz123", Assert.Single(outputs.EnumerateArray()).GetProperty("reference").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/projects/{id}/outputs/{outputId}")).StatusCode);
        await client.PostJsonAsync($"/api/v1/projects/{id}/outputs", new { kind = "Patent", title = "Anode patent" });

        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/v1/projects/{id}?version=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/projects/{id}?version=2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/projects/{id}")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ProjectOutput>().CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ProjectPartner>().CountAsync()));
    }

    [Fact]
    public async Task The_list_filters_by_partner_name_kind_status_partner_country_unit_and_year()
    {
        await using var app = await AppFactory.CreateAsync();
        var leeds = await ProjectData.PartnerAsync(app, "University of Leeds", "GB");
        var kyoto = await ProjectData.PartnerAsync(app, "Kyoto University", "JP", "京都大学");
        var unit = await ProjectData.UnitAsync(app);
        var lab = await ProjectData.ProjectAsync(app, "Materials lab", [leeds, kyoto], ProjectKind.JointLaboratory, ProjectStatus.Active,
            new DateOnly(2020, 5, 1), null, unit);
        var old = await ProjectData.ProjectAsync(app, "Old river study", [leeds], ProjectKind.JointResearch, ProjectStatus.Completed,
            new DateOnly(2018, 1, 1), new DateOnly(2019, 12, 31));
        var planned = await ProjectData.ProjectAsync(app, "Planned centre", [kyoto], ProjectKind.JointCentre, ProjectStatus.Planned, new DateOnly(2027, 9, 1));
        var client = await app.SignInAsync("cqu.auditor");

        async Task<List<Guid>> Ids(string query)
        {
            var response = await client.GetAsync("/api/v1/projects?" + query);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return [.. (await response.JsonAsync()).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid())];
        }

        Assert.Equal([planned, lab, old], await Ids(""));
        Assert.Equal([planned, lab], await Ids("q=" + Uri.EscapeDataString("京都大学")));
        Assert.Equal([lab], await Ids("q=materials"));
        Assert.Equal([old], await Ids("kind=JointResearch"));
        Assert.Equal([planned], await Ids("status=Planned"));
        Assert.Equal([lab, old], await Ids($"partner={leeds}"));
        Assert.Equal([planned, lab], await Ids("country=jp"));
        Assert.Equal([lab], await Ids($"unit={unit}"));
        Assert.Equal([old], await Ids("year=2019"));
        Assert.Equal([planned, lab], await Ids("year=2028"));
        Assert.Equal([lab], await Ids("year=2021"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/projects?year=next")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/projects?kind=Lab")).StatusCode);

        var paths = (await (await client.GetAsync("/openapi/v1.json")).JsonAsync()).GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/projects/{id}").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/v1/projects/{id}/outputs").TryGetProperty("post", out _));
    }

    [Theory]
    [InlineData("cqu.officer-global", true, true)]
    [InlineData("cqu.director", true, true)]
    [InlineData("cqu.officer-hmt", true, false)]
    [InlineData("cqu.auditor", true, false)]
    [InlineData("cqu.applicant", false, false)]
    [InlineData("cqu.unit-head", false, false)]
    public async Task Office_roles_read_and_global_relations_officers_and_directors_edit(string user, bool reads, bool edits)
    {
        await using var app = await AppFactory.CreateAsync();
        var partner = await ProjectData.PartnerAsync(app, "University of Leeds", "GB");
        var client = await app.SignInAsync(user);
        Assert.Equal(reads ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/projects")).StatusCode);
        var created = await client.PostJsonAsync("/api/v1/projects", ProjectData.Body([partner]));
        Assert.Equal(edits ? HttpStatusCode.Created : HttpStatusCode.Forbidden, created.StatusCode);
    }
}
