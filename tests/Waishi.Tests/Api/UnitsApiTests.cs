using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.Organisation;

namespace Waishi.Tests.Api;

public sealed class UnitsApiTests
{
    private static Task<Guid> UnitIdAsync(AppFactory app, string code) =>
        app.WithDbAsync(db => db.Set<OrgUnit>().Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task A_unit_is_created_under_a_parent_listed_and_deleted()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var io = await UnitIdAsync(app, "CQU-IO");

        var created = await client.PostJsonAsync("/api/v1/units", new { parentId = io, code = "CQU-NEW", nameZh = "新科", nameEn = "New Section", kind = "Section" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        var children = await (await client.GetAsync($"/api/v1/units?unitId={io}")).JsonAsync();
        Assert.Contains(children.GetProperty("items").EnumerateArray(), u => u.GetProperty("id").GetGuid() == id);
        Assert.Equal(5, children.GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/units/{id}")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<OrgUnit>().AnyAsync(u => u.Id == id)));
    }

    [Theory]
    [InlineData("CQU-IO", "sub-units")]
    [InlineData("CQU-CS", "staff or students")]
    public async Task A_unit_in_use_is_refused_with_409_and_a_reason(string code, string reason)
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var id = await UnitIdAsync(app, code);

        var response = await client.DeleteAsync($"/api/v1/units/{id}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(reason, (await response.JsonAsync()).GetProperty("detail").GetString());
        Assert.True(await app.WithDbAsync(db => db.Set<OrgUnit>().AnyAsync(u => u.Id == id)));
    }

    [Fact]
    public async Task A_unit_cannot_be_moved_under_its_own_sub_unit()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var io = await UnitIdAsync(app, "CQU-IO");
        var section = await UnitIdAsync(app, "CQU-HMT");
        var unit = await (await client.GetAsync($"/api/v1/units/{io}")).JsonAsync();

        var response = await client.PutJsonAsync($"/api/v1/units/{io}", new
        {
            parentId = section, code = "CQU-IO", nameZh = unit.GetProperty("nameZh").GetString(), nameEn = "Office", kind = "Office",
            version = unit.GetProperty("version").GetInt64(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("parentId", out _));
        Assert.Null(await app.WithDbAsync(db => db.Set<OrgUnit>().Where(u => u.Id == io).Select(u => u.ParentId).SingleAsync()));
    }
}
