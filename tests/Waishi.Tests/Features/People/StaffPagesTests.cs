using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;

namespace Waishi.Tests.Features.People;

public sealed class StaffPagesTests
{
    private static List<string> Numbers(string html) =>
        [.. Regex.Matches(html, "data-staff=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task Unit_filter_includes_the_sub_units()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.officer-global");
        var opt = await app.UnitAsync("CQU-OPT");
        var nano = await app.UnitAsync("CQU-NANO");
        var expected = await app.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.UnitId == opt.Id || s.UnitId == nano.Id)
            .Select(s => s.StaffNumber).OrderBy(n => n).ToListAsync());
        var html = await client.GetStringAsync($"/People/Staff?Unit={opt.Id}");
        Assert.Equal(expected, Numbers(html));
        Assert.Contains(await app.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.UnitId == nano.Id).Select(s => s.StaffNumber).FirstAsync()), Numbers(html));
    }

    [Fact]
    public async Task Classified_and_cadre_filters_and_search()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var classified = await app.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.StaffNumber.StartsWith("CQU0") && s.IsClassified)
            .Select(s => s.StaffNumber).OrderBy(n => n).ToListAsync());
        Assert.NotEmpty(classified);
        Assert.Equal(classified, Numbers(await client.GetStringAsync("/People/Staff?Classified=true&PageNo=1")).Take(classified.Count));
        var total = await client.GetStringAsync("/People/Staff?Classified=true");
        Assert.Contains($"{classified.Count} staff member(s)", total);

        var bureau = Numbers(await client.GetStringAsync("/People/Staff?Cadre=DeputyBureau"));
        var leaders = await app.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.StaffNumber.StartsWith("CQU0") && s.CadreLevel == CadreLevel.DeputyBureau)
            .Select(s => s.StaffNumber).OrderBy(n => n).ToListAsync());
        Assert.Equal(leaders, bureau);

        var one = await app.WithDbAsync(db => db.Set<StaffMember>().FirstAsync(s => s.StaffNumber == "CQU00010"));
        Assert.Equal(["CQU00010"], Numbers(await client.GetStringAsync($"/People/Staff?Q={Uri.EscapeDataString(one.NameZh)}")).Where(n => n == "CQU00010"));
        Assert.Equal(["CQU00010"], Numbers(await client.GetStringAsync("/People/Staff?Q=cqu00010")));
    }

    [Fact]
    public async Task Sorting_by_number_descending_and_paging()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var numbers = await app.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.StaffNumber.StartsWith("CQU0"))
            .Select(s => s.StaffNumber).OrderByDescending(n => n).ToListAsync());
        Assert.Equal(numbers.Skip(25).Take(25), Numbers(await client.GetStringAsync("/People/Staff?Sort=-number&PageNo=2")));
        var byUnit = Numbers(await client.GetStringAsync("/People/Staff?Sort=unit&Q=CQU0"));
        var firstUnit = await app.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.StaffNumber == byUnit[0])
            .Select(s => db.Set<Waishi.Web.Features.Organisation.OrgUnit>().Where(u => u.Id == s.UnitId).Select(u => u.Code).First()).SingleAsync());
        Assert.Equal("CQU-ABROAD", firstUnit);
    }

    [Fact]
    public async Task Csv_export_holds_exactly_the_filtered_rows()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var opt = await app.UnitAsync("CQU-OPT");
        var response = await client.GetAsync($"/People/Staff?handler=Export&format=csv&Unit={opt.Id}&Classified=false");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = Sheets.Csv(bytes);
        Assert.Equal("Staff number", rows[0][0]);
        var nano = await app.UnitAsync("CQU-NANO");
        var expected = await app.WithDbAsync(db => db.Set<StaffMember>().Where(s => (s.UnitId == opt.Id || s.UnitId == nano.Id) && !s.IsClassified)
            .Select(s => s.StaffNumber).OrderBy(n => n).ToListAsync());
        Assert.Equal(expected, rows.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public async Task Stale_edit_is_refused_keeps_the_input_and_changes_nothing()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var staff = await app.WithDbAsync(db => db.Set<StaffMember>().FirstAsync(s => s.StaffNumber == "CQU00012"));
        var url = $"/People/Staff/Edit/{staff.Id}";
        var first = Fields(staff);
        first["Form.Title"] = "Professor";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, url, first)).StatusCode);

        var second = Fields(staff);
        second["Form.Title"] = "Lecturer typed late";
        var response = await client.PostFormAsync(url, url, second);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This record was changed by someone else", html);
        Assert.Contains("value=\"Lecturer typed late\"", html);
        Assert.Equal("Professor", (await app.WithDbAsync(db => db.Set<StaffMember>().FirstAsync(s => s.Id == staff.Id))).Title);
    }

    [Fact]
    public async Task Invalid_input_is_reported_by_field_and_nothing_is_saved()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var staff = await app.WithDbAsync(db => db.Set<StaffMember>().FirstAsync(s => s.StaffNumber == "CQU00012"));
        var fields = Fields(staff);
        fields["Form.Email"] = "not-an-address";
        fields["Form.StaffNumber"] = "CQU00013";
        var response = await client.PostFormAsync("/People/Staff/Create", "/People/Staff/Create", fields);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not-an-address is not an e-mail address", html);
        Assert.Contains("Staff number CQU00013 is already used by another person.", html);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<StaffMember>().CountAsync(s => s.StaffNumber == "CQU00013")));
    }

    [Fact]
    public async Task Readers_cannot_edit_and_other_tenants_staff_is_not_found()
    {
        await using var app = await AppFactory.CreateAsync();
        var staff = await app.WithDbAsync(db => db.Set<StaffMember>().FirstAsync(s => s.StaffNumber == "CQU00012"));
        var auditor = await app.SignInAsync("cqu.auditor");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/People/Staff/Details/{staff.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await auditor.GetAsync($"/People/Staff/Edit/{staff.Id}")).StatusCode);
        var other = await app.SignInAsync("cqupt.tenant-admin");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/People/Staff/Details/{staff.Id}")).StatusCode);
    }

    internal static Dictionary<string, string> Fields(StaffMember s) => new()
    {
        ["Form.StaffNumber"] = s.StaffNumber, ["Form.NameZh"] = s.NameZh, ["Form.NameEn"] = s.NameEn ?? "",
        ["Form.UnitId"] = s.UnitId?.ToString() ?? "", ["Form.Title"] = s.Title ?? "", ["Form.CadreLevel"] = s.CadreLevel.ToString(),
        ["Form.IsClassified"] = s.IsClassified ? "true" : "false", ["Form.ClassifiedLevel"] = s.ClassifiedLevel.ToString(),
        ["Form.Email"] = s.Email ?? "", ["Form.Phone"] = s.Phone ?? "", ["Form.Mobile"] = s.Mobile ?? "",
        ["Form.IsActive"] = "true", ["Form.Version"] = s.Version.ToString(),
    };
}
