using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Features.People;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Identity;

namespace Waishi.Tests.Features.Admin;

public sealed class UserAdminTests
{
    private static Task<AppUser> UserAsync(AppFactory app, string userName) =>
        app.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == userName));

    private static Task<HttpResponseMessage> ActAsync(HttpClient admin, Guid id, string handler, Dictionary<string, string>? fields = null) =>
        admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler={handler}", fields ?? []);

    [Fact]
    public async Task A_disabled_user_cannot_use_the_app_on_the_next_request()
    {
        await using var app = await AppFactory.CreateAsync();
        var applicant = await app.SignInAsync("cqu.applicant");
        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync("/")).StatusCode);
        var admin = await app.SignInAsync("cqu.tenant-admin");
        var user = await UserAsync(app, "cqu.applicant");
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, user.Id, "Disable")).StatusCode);
        Assert.True((await UserAsync(app, "cqu.applicant")).IsDisabled);

        var next = await applicant.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/Account/SignIn", next.Headers.Location!.PathAndQuery);

        await ActAsync(admin, user.Id, "Enable");
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAsync("cqu.applicant")).GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_unit_secretary_role_is_bound_to_a_unit()
    {
        await using var app = await AppFactory.CreateAsync();
        var admin = await app.SignInAsync("cqu.tenant-admin");
        var user = await UserAsync(app, "cqu.applicant");
        var cs = await app.UnitAsync("CQU-CS");

        var refused = await ActAsync(admin, user.Id, "AddRole", new() { ["role"] = Roles.UnitSecretary, ["unitId"] = "" });
        Assert.Contains("choose the unit", await admin.GetStringAsync(refused.Headers.Location!.OriginalString));

        await ActAsync(admin, user.Id, "AddRole", new() { ["role"] = Roles.UnitSecretary, ["unitId"] = cs.Id.ToString() });
        var assignments = await app.WithDbAsync(db => db.Set<RoleAssignment>().Where(r => r.UserId == user.Id && r.Role == Roles.UnitSecretary).ToListAsync());
        Assert.Equal(cs.Id, Assert.Single(assignments).OrgUnitId);

        // The new role takes effect at once: unit secretaries read the staff directory.
        var secretary = await app.SignInAsync("cqu.applicant");
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync("/People/Staff")).StatusCode);
    }

    [Fact]
    public async Task A_tenant_role_ignores_a_unit_and_another_tenants_role_is_refused()
    {
        await using var app = await AppFactory.CreateAsync();
        var admin = await app.SignInAsync("cqu.tenant-admin");
        var user = await UserAsync(app, "cqu.applicant");
        var cs = await app.UnitAsync("CQU-CS");
        await ActAsync(admin, user.Id, "AddRole", new() { ["role"] = Roles.Auditor, ["unitId"] = cs.Id.ToString() });
        await ActAsync(admin, user.Id, "AddRole", new() { ["role"] = Roles.FaoDirector, ["unitId"] = "" });
        var roles = await app.WithDbAsync(db => db.Set<RoleAssignment>().Where(r => r.UserId == user.Id).ToListAsync());
        Assert.Null(roles.Single(r => r.Role == Roles.Auditor).OrgUnitId);
        Assert.DoesNotContain(roles, r => r.Role == Roles.FaoDirector);
    }

    [Fact]
    public async Task Creating_a_user_checks_the_password_rules_and_links_the_staff_member()
    {
        await using var app = await AppFactory.CreateAsync();
        var admin = await app.SignInAsync("cqu.tenant-admin");
        var fields = new Dictionary<string, string>
        {
            ["Form.UserName"] = "cqu.new-person", ["Form.DisplayName"] = "新人", ["Form.Email"] = "new@cqu.edu.cn",
            ["Form.StaffNumber"] = "CQU00012", ["Form.Password"] = "onlyletters",
        };
        var weak = await admin.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create", fields);
        var html = await weak.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("The password must contain a digit.", html);
        Assert.Contains("value=\"cqu.new-person\"", html);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "cqu.new-person")));

        fields["Form.Password"] = "long-enough-2026";
        var created = await admin.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var user = await UserAsync(app, "cqu.new-person");
        var staffId = await app.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.StaffNumber == "CQU00012").Select(s => s.Id).SingleAsync());
        Assert.Equal(staffId, user.StaffMemberId);
        await app.SignInAsync("cqu.new-person", "long-enough-2026");
    }

    [Fact]
    public async Task User_names_are_unique_across_tenants()
    {
        await using var app = await AppFactory.CreateAsync();
        var admin = await app.SignInAsync("cqu.tenant-admin");
        var response = await admin.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create", new()
        {
            ["Form.UserName"] = "cqupt.auditor", ["Form.DisplayName"] = "x", ["Form.Password"] = "long-enough-2026",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This user name is already taken.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Filters_by_role_and_disabled()
    {
        await using var app = await AppFactory.CreateAsync();
        var admin = await app.SignInAsync("cqu.tenant-admin");
        var html = await admin.GetStringAsync("/Admin/Users?Role=auditor");
        Assert.Equal(["cqu.auditor"], Regex.Matches(html, "data-user=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
        await ActAsync(admin, (await UserAsync(app, "cqu.counselor")).Id, "Disable");
        html = await admin.GetStringAsync("/Admin/Users?Disabled=true");
        Assert.Equal(["cqu.counselor"], Regex.Matches(html, "data-user=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
        var rows = Sheets.Csv(await admin.GetByteArrayAsync("/Admin/Users?handler=Export&format=csv&Q=cqu.officer"));
        Assert.Equal(5, rows.Count);
    }

    [Fact]
    public async Task A_user_with_history_is_disabled_instead_of_deleted()
    {
        await using var app = await AppFactory.CreateAsync();
        var officer = await app.SignInAsync("cqu.officer-global");
        var staff = await app.WithDbAsync(db => db.Set<StaffMember>().FirstAsync(s => s.StaffNumber == "CQU00012"));
        var fields = StaffPagesTests.Fields(staff);
        fields["Form.Title"] = "Changed by the officer";
        await officer.PostFormAsync($"/People/Staff/Edit/{staff.Id}", $"/People/Staff/Edit/{staff.Id}", fields);

        var admin = await app.SignInAsync("cqu.tenant-admin");
        var withHistory = await UserAsync(app, "cqu.officer-global");
        await ActAsync(admin, withHistory.Id, "Delete");
        Assert.True((await UserAsync(app, "cqu.officer-global")).IsDisabled);

        var fresh = await UserAsync(app, "cqu.counselor");
        var deleted = await ActAsync(admin, fresh.Id, "Delete");
        Assert.Equal("/Admin/Users", deleted.Headers.Location!.OriginalString);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == fresh.Id)));
    }

    [Fact]
    public async Task Reset_password_and_unlock()
    {
        await using var app = await AppFactory.CreateAsync();
        var admin = await app.SignInAsync("cqu.tenant-admin");
        var user = await UserAsync(app, "cqu.leader");
        await app.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.Id == user.Id);
            u.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(10);
            await db.SaveChangesAsync();
        });
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignInAsync("cqu.leader"));
        await ActAsync(admin, user.Id, "Unlock");
        await ActAsync(admin, user.Id, "ResetPassword", new() { ["newPassword"] = "fresh-password-7" });
        await app.SignInAsync("cqu.leader", "fresh-password-7");
    }

    [Fact]
    public async Task A_stale_account_edit_changes_nothing()
    {
        await using var app = await AppFactory.CreateAsync();
        var admin = await app.SignInAsync("cqu.tenant-admin");
        var user = await UserAsync(app, "cqu.director");
        var url = $"/Admin/Users/Edit/{user.Id}";
        Dictionary<string, string> Fields(string displayName) => new()
        {
            ["Form.UserName"] = "cqu.director", ["Form.DisplayName"] = displayName, ["Form.Email"] = user.Email ?? "",
            ["Form.Version"] = user.Version.ToString(),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, url, Fields("First save"))).StatusCode);
        var stale = await admin.PostFormAsync(url, url, Fields("Second, stale"));
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("This record was changed by someone else", html);
        Assert.Contains("value=\"Second, stale\"", html);
        Assert.Equal("First save", (await UserAsync(app, "cqu.director")).DisplayName);
    }

    [Fact]
    public async Task Another_tenants_user_is_not_found()
    {
        await using var app = await AppFactory.CreateAsync();
        var admin = await app.SignInAsync("cqupt.tenant-admin");
        var user = await UserAsync(app, "cqu.applicant");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Users/Edit/{user.Id}")).StatusCode);
        var token = await admin.AntiforgeryTokenAsync("/Admin/Users/Create");
        var response = await admin.PostAsync($"/Admin/Users/Edit/{user.Id}?handler=Disable",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False((await UserAsync(app, "cqu.applicant")).IsDisabled);
    }
}
