using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Api;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;

namespace Waishi.Tests.Security;

public sealed class ApiConcurrencyTests
{
    [Fact]
    public async Task Two_updates_from_the_same_version_one_wins_the_other_gets_409()
    {
        await using var app = await AppFactory.CreateAsync();
        var first = await app.SignInAsync("cqu.tenant-admin");
        var second = await app.SignInAsync("cqu.officer-global");
        var id = await app.StaffIdAsync("CQU");
        var read = await (await first.GetAsync($"/api/v1/staff/{id}")).JsonAsync();

        var answers = await Task.WhenAll(
            first.PutJsonAsync($"/api/v1/staff/{id}", ApiClient.StaffBody(read, ("title", "Alpha"))),
            second.PutJsonAsync($"/api/v1/staff/{id}", ApiClient.StaffBody(read, ("title", "Beta"))));

        var statuses = answers.Select(a => a.StatusCode).Order().ToArray();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);
        var winner = answers[0].StatusCode == HttpStatusCode.OK ? "Alpha" : "Beta";
        var loser = answers.Single(a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("changed by someone else", (await loser.JsonAsync()).GetProperty("detail").GetString());
        var row = await app.WithDbAsync(db => db.Set<StaffMember>().AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal(winner, row.Title);
        Assert.Equal(read.GetProperty("version").GetInt64() + 1, row.Version);
    }
}
