using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;

namespace Waishi.Tests.Api;

public sealed class StaffApiTests
{
    [Fact]
    public async Task Create_read_update_and_delete_a_staff_member()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.officer-global");

        var created = await client.PostJsonAsync("/api/v1/staff", new
        {
            staffNumber = "T-0001", nameZh = "测试", nameEn = "Test Person", cadreLevel = "Division",
            isClassified = true, classifiedLevel = "Important", email = "test@cqu.edu.cn",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var staff = await created.JsonAsync();
        var id = staff.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/staff/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(1, staff.GetProperty("version").GetInt64());

        var read = await (await client.GetAsync($"/api/v1/staff/{id}")).JsonAsync();
        Assert.Equal("Division", read.GetProperty("cadreLevel").GetString());

        var updated = await client.PutJsonAsync($"/api/v1/staff/{id}", ApiClient.StaffBody(read, ("title", "Professor")));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(2, (await updated.JsonAsync()).GetProperty("version").GetInt64());
        Assert.Equal("Professor", await app.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.Id == id).Select(s => s.Title).SingleAsync()));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/staff/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/staff/{id}")).StatusCode);
    }

    [Fact]
    public async Task Filters_narrow_the_list()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var list = await (await client.GetAsync("/api/v1/staff?classified=true&cadreLevel=None&pageSize=200")).JsonAsync();
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, s =>
        {
            Assert.True(s.GetProperty("isClassified").GetBoolean());
            Assert.Equal("None", s.GetProperty("cadreLevel").GetString());
        });
        var number = items[0].GetProperty("staffNumber").GetString()!;
        var byNumber = await (await client.GetAsync($"/api/v1/staff?q={number.ToLowerInvariant()}")).JsonAsync();
        Assert.Equal(number, byNumber.GetProperty("items")[0].GetProperty("staffNumber").GetString());
        Assert.Equal(1, byNumber.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_stale_version_is_a_409_and_changes_nothing()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var id = await app.StaffIdAsync("CQU");
        var read = await (await client.GetAsync($"/api/v1/staff/{id}")).JsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/staff/{id}", ApiClient.StaffBody(read, ("title", "First")))).StatusCode);

        var stale = await client.PutJsonAsync($"/api/v1/staff/{id}", ApiClient.StaffBody(read, ("title", "Second")));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("changed by someone else", (await stale.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal("First", await app.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.Id == id).Select(s => s.Title).SingleAsync()));
        var missing = await client.PutJsonAsync($"/api/v1/staff/{id}", ApiClient.StaffBody(read, ("version", null)));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.JsonAsync()).GetProperty("errors").TryGetProperty("version", out _));
    }

    [Fact]
    public async Task Another_tenants_staff_member_is_404_for_every_verb()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var foreign = await app.StaffIdAsync("CQUPT");
        var before = await app.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.Id == foreign).Select(s => s.Version).SingleAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/staff/{foreign}")).StatusCode);
        var put = await client.PutJsonAsync($"/api/v1/staff/{foreign}", new { staffNumber = "HACK", nameZh = "黑", version = before });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/staff/{foreign}")).StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.Id == foreign).Select(s => s.Version).SingleAsync()));
    }

    [Fact]
    public async Task A_staff_member_with_a_user_account_cannot_be_deleted()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var linked = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "cqu.director").Select(u => u.StaffMemberId!.Value).SingleAsync());

        var response = await client.DeleteAsync($"/api/v1/staff/{linked}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("user account", (await response.JsonAsync()).GetProperty("detail").GetString());
        Assert.True(await app.WithDbAsync(db => db.Set<StaffMember>().AnyAsync(s => s.Id == linked)));
    }

    [Fact]
    public async Task Rules_of_PeopleRules_apply_to_the_api()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var existing = await app.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.StaffNumber.StartsWith("CQU0")).Select(s => s.StaffNumber).FirstAsync());
        var foreignUnit = await app.WithDbAsync(db => db.Set<Waishi.Web.Features.Organisation.OrgUnit>().Where(u => u.Code == "CQUPT-CS").Select(u => u.Id).SingleAsync());

        var response = await client.PostJsonAsync("/api/v1/staff", new
        {
            staffNumber = existing, nameZh = "重复", unitId = foreignUnit, isClassified = false, classifiedLevel = "Core",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains("already used", errors.GetProperty("staffNumber")[0].GetString());
        Assert.True(errors.TryGetProperty("unitId", out _));
        Assert.True(errors.TryGetProperty("classifiedLevel", out _));
    }
}
