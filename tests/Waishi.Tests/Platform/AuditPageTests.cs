using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Auditing;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Platform;

/// <summary>The audit log page: a tenant's auditors read, filter, export and verify their own entries.</summary>
public sealed class AuditPageTests
{
    [Fact]
    public async Task Auditor_sees_a_change_field_by_field_and_only_their_own_tenants_entries()
    {
        await using var app = await AppFactory.CreateAsync();
        var (cquStaff, cquptStaff) = await EditTitlesAsync(app);
        var client = await app.SignInAsync("cqu.auditor");

        var html = await client.GetStringAsync($"/Audit?Filter.EntityType=StaffMember&Filter.Action=Update&Filter.EntityId={cquStaff.Id}");
        Assert.Contains("data-field=\"Title\"", html);
        Assert.Contains(WebUtility.HtmlEncode(cquStaff.Title ?? ""), html);
        Assert.Contains("Visiting Professor", html);
        Assert.DoesNotContain("data-field=\"Phone\"", html); // the update changed only the title

        var other = await client.GetStringAsync($"/Audit?Filter.EntityId={cquptStaff.Id}");
        Assert.Contains("data-testid=\"empty\"", other);

        var cquId = await app.WithDbAsync(db => db.Set<Tenant>().Where(t => t.Code == "CQU").Select(t => t.Id).SingleAsync());
        var own = await app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(e => e.TenantId == cquId));
        Assert.Contains($"{own} entries", await client.GetStringAsync("/Audit"));
    }

    [Fact]
    public async Task Authority_auditor_sees_only_the_authoritys_entries()
    {
        await using var app = await AppFactory.CreateAsync();
        var (cquStaff, _) = await EditTitlesAsync(app);
        var client = await app.SignInAsync("cqfao.auditor");
        Assert.Contains("data-testid=\"empty\"", await client.GetStringAsync($"/Audit?Filter.EntityId={cquStaff.Id}"));
        var faoId = await app.WithDbAsync(db => db.Set<Tenant>().Where(t => t.Code == "CQFAO").Select(t => t.Id).SingleAsync());
        var own = await app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(e => e.TenantId == faoId));
        Assert.Contains($"{own} entries", await client.GetStringAsync("/Audit"));
    }

    [Fact]
    public async Task Filters_page_and_export_the_filtered_entries_as_csv()
    {
        await using var app = await AppFactory.CreateAsync();
        var (cquStaff, _) = await EditTitlesAsync(app);
        var client = await app.SignInAsync("cqu.auditor");

        var updates = await client.GetStringAsync("/Audit?Filter.Action=Update&Filter.EntityType=StaffMember");
        Assert.Contains("1 entries", updates);
        var first = await client.GetStringAsync("/Audit");
        Assert.Contains("data-testid=\"next\"", first);
        Assert.Contains("Page 2 of", await client.GetStringAsync("/Audit?p=2"));

        var response = await client.GetAsync($"/Audit?handler=Csv&Filter.EntityId={cquStaff.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Trim('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"Sequence\"", lines[0]);
        Assert.Equal(3, lines.Length); // header, create, update
        Assert.Contains("Title: ", lines[2]);
        Assert.Contains("-> Visiting Professor", lines[2]);
    }

    [Fact]
    public async Task Bad_filter_input_gets_a_message_and_keeps_what_was_typed()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.auditor");
        var swapped = await client.GetAsync("/Audit?Filter.From=2026-12-01&Filter.To=2026-11-01");
        Assert.Equal(HttpStatusCode.OK, swapped.StatusCode);
        Assert.Contains("The end date must not be before the start date", await swapped.Content.ReadAsStringAsync());

        var garbage = await client.GetAsync("/Audit?Filter.From=yesterday-ish&Filter.Action=Explode");
        Assert.Equal(HttpStatusCode.OK, garbage.StatusCode);
        var html = await garbage.Content.ReadAsStringAsync();
        Assert.Contains("value=\"yesterday-ish\"", html);
        Assert.Contains("field-validation-error", html);
    }

    [Fact]
    public async Task Verify_button_reports_intact_then_names_a_row_changed_behind_the_apps_back()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.auditor");
        var intact = await client.PostFormAsync("/Audit", "/Audit?handler=Verify", new());
        Assert.Contains("The audit log is intact", await intact.Content.ReadAsStringAsync());

        var (cquStaff, cquptStaff) = await EditTitlesAsync(app);
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"StaffMember\" SET \"Mobile\" = '123' WHERE \"StaffNumber\" IN ('CQU00020', 'CQUPT00020')"));
        var broken = await (await client.PostFormAsync("/Audit", "/Audit?handler=Verify", new())).Content.ReadAsStringAsync();
        Assert.Contains("The audit log is not intact: 1 problem(s).", broken);
        Assert.Contains($"StaffMember {cquStaff.Id} was changed", broken);
        Assert.DoesNotContain(cquptStaff.Id.ToString(), broken); // another tenant's rows are not this auditor's business
    }

    [Fact]
    public async Task Page_and_verification_speak_chinese()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin", culture: "zh-CN");
        Assert.Contains("校验审计链", await client.GetStringAsync("/Audit"));
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"StaffMember\" SET \"Mobile\" = '123' WHERE \"StaffNumber\" = 'CQU00021'"));
        var html = await (await client.PostFormAsync("/Audit", "/Audit?handler=Verify", new())).Content.ReadAsStringAsync();
        Assert.Contains("审计日志不完整", html);
        Assert.Contains("被绕过系统修改：字段 Mobile", html);
    }

    [Theory]
    [InlineData("cqu.applicant")]
    [InlineData("cqu.student")]
    [InlineData("cqu.officer-global")]
    public async Task Other_roles_are_refused(string user)
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync(user);
        var response = await client.GetAsync("/Audit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Audit?handler=Csv")).StatusCode);
    }

    /// <summary>Changes the title of one staff member of CQU and one of CQUPT through the application's data layer.</summary>
    private static Task<(StaffMember Cqu, StaffMember Cqupt)> EditTitlesAsync(AppFactory app) => app.WithDbAsync(async db =>
    {
        var cqu = await db.Set<StaffMember>().SingleAsync(s => s.StaffNumber == "CQU00020");
        var cqupt = await db.Set<StaffMember>().SingleAsync(s => s.StaffNumber == "CQUPT00020");
        var before = (cqu.Title, cqupt.Title);
        cqu.Title = "Visiting Professor";
        cqupt.Title = "Visiting Professor";
        await db.SaveChangesAsync();
        return (new StaffMember { Id = cqu.Id, StaffNumber = cqu.StaffNumber, NameZh = "", Title = before.Item1 },
                new StaffMember { Id = cqupt.Id, StaffNumber = cqupt.StaffNumber, NameZh = "", Title = before.Item2 });
    });
}
