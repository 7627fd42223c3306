using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.Organisation;

namespace Waishi.Tests.Features.Organisation;

public sealed class UnitPagesTests
{
    [Fact]
    public async Task Tree_lists_sub_units_below_their_parent()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.auditor");
        var html = await client.GetStringAsync("/Organisation/Units");
        var io = html.IndexOf("data-unit=\"CQU-IO\"", StringComparison.Ordinal);
        var hmt = html.IndexOf("data-unit=\"CQU-HMT\"", StringComparison.Ordinal);
        Assert.True(io > 0 && hmt > io);
        Assert.DoesNotContain("CQUPT-IO", html);
    }

    [Fact]
    public async Task Excel_export_has_localised_headers_and_the_units()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin", culture: "zh-CN");
        var response = await client.GetAsync("/Organisation/Units?handler=Export&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Sheets.Xlsx(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("代码", rows[0][0]);
        var nano = rows.Single(r => r[0] == "CQU-NANO");
        Assert.Equal("新型微纳器件与系统技术国防重点学科实验室", nano[1]);
        Assert.Equal("光电工程学院", nano[4]);
        Assert.DoesNotContain(rows, r => r[0].StartsWith("CQUPT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Moving_a_unit_under_its_own_sub_unit_is_refused()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var io = await app.UnitAsync("CQU-IO");
        var hmt = await app.UnitAsync("CQU-HMT");
        var response = await client.PostFormAsync($"/Organisation/Units/Edit/{io.Id}", $"/Organisation/Units/Edit/{io.Id}", Fields(io, parent: hmt.Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("A unit cannot be placed under itself or one of its own sub-units.", await response.Content.ReadAsStringAsync());
        Assert.Null((await app.UnitAsync("CQU-IO")).ParentId);
    }

    [Fact]
    public async Task A_unit_moves_under_another_parent()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var nano = await app.UnitAsync("CQU-NANO");
        var cs = await app.UnitAsync("CQU-CS");
        var response = await client.PostFormAsync($"/Organisation/Units/Edit/{nano.Id}", $"/Organisation/Units/Edit/{nano.Id}", Fields(nano, parent: cs.Id));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(cs.Id, (await app.UnitAsync("CQU-NANO")).ParentId);
    }

    [Fact]
    public async Task Stale_edit_of_a_unit_is_refused_and_keeps_the_input()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var cs = await app.UnitAsync("CQU-CS");
        var fields = Fields(cs, parent: null);
        fields["Form.NameEn"] = "Typed but stale";
        fields["Form.Version"] = (cs.Version - 1).ToString();
        var response = await client.PostFormAsync($"/Organisation/Units/Edit/{cs.Id}", $"/Organisation/Units/Edit/{cs.Id}", fields);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This record was changed by someone else", html);
        Assert.Contains("value=\"Typed but stale\"", html);
        Assert.Equal(cs.NameEn, (await app.UnitAsync("CQU-CS")).NameEn);
    }

    [Fact]
    public async Task Delete_is_refused_with_a_reason_while_sub_units_or_people_remain()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var io = await app.UnitAsync("CQU-IO");
        var response = await client.PostFormAsync($"/Organisation/Units/Details/{io.Id}", $"/Organisation/Units/Delete/{io.Id}", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("sub-unit(s)", details);
        var cs = await app.UnitAsync("CQU-CS");
        await client.PostFormAsync($"/Organisation/Units/Details/{cs.Id}", $"/Organisation/Units/Delete/{cs.Id}", []);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<OrgUnit>().CountAsync(u => u.Code == "CQU-IO" || u.Code == "CQU-CS")));
    }

    [Fact]
    public async Task An_empty_unit_is_created_and_deleted()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var created = await client.PostFormAsync("/Organisation/Units/Create", "/Organisation/Units/Create", new()
        {
            ["Form.Code"] = "CQU-NEW", ["Form.NameZh"] = "新单位", ["Form.NameEn"] = "New unit", ["Form.Kind"] = "Department",
            ["Form.SortOrder"] = "0", ["Form.IsActive"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var unit = await app.UnitAsync("CQU-NEW");
        var deleted = await client.PostFormAsync($"/Organisation/Units/Details/{unit.Id}", $"/Organisation/Units/Delete/{unit.Id}", []);
        Assert.Equal("/Organisation/Units", deleted.Headers.Location!.OriginalString);
        Assert.False(await app.WithDbAsync(db => db.Set<OrgUnit>().AnyAsync(u => u.Code == "CQU-NEW")));
    }

    [Fact]
    public async Task A_deactivated_unit_leaves_the_default_tree_and_shows_in_chinese()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin", culture: "zh-CN");
        var arch = await app.UnitAsync("CQU-ARCH");
        var fields = Fields(arch, parent: null);
        fields["Form.IsActive"] = "false";
        var url = $"/Organisation/Units/Edit/{arch.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, url, fields)).StatusCode);
        Assert.False((await app.UnitAsync("CQU-ARCH")).IsActive);
        Assert.DoesNotContain("data-unit=\"CQU-ARCH\"", await client.GetStringAsync("/Organisation/Units"));
        Assert.Contains("data-unit=\"CQU-ARCH\"", await client.GetStringAsync("/Organisation/Units?ShowInactive=true"));

        var reactivate = await client.PostFormAsync($"/Organisation/Units/Details/{arch.Id}", $"{url}?handler=Active", new()
        {
            ["active"] = "true", ["version"] = (await app.UnitAsync("CQU-ARCH")).Version.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, reactivate.StatusCode);
        Assert.True((await app.UnitAsync("CQU-ARCH")).IsActive);

        fields["Form.Code"] = "bad code!";
        fields["Form.Version"] = (await app.UnitAsync("CQU-ARCH")).Version.ToString();
        var refused = await (await client.PostFormAsync(url, url, fields)).Content.ReadAsStringAsync();
        Assert.Contains("代码只能包含字母、数字", refused);
    }

    [Fact]
    public async Task Another_tenants_unit_is_not_found()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqupt.tenant-admin");
        var cs = await app.UnitAsync("CQU-CS");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Organisation/Units/Edit/{cs.Id}")).StatusCode);
    }

    private static Dictionary<string, string> Fields(OrgUnit unit, Guid? parent) => new()
    {
        ["Form.Code"] = unit.Code, ["Form.NameZh"] = unit.NameZh, ["Form.NameEn"] = unit.NameEn,
        ["Form.Kind"] = unit.Kind.ToString(), ["Form.ParentId"] = parent?.ToString() ?? "",
        ["Form.SortOrder"] = unit.SortOrder.ToString(), ["Form.IsActive"] = "true", ["Form.Version"] = unit.Version.ToString(),
    };
}
