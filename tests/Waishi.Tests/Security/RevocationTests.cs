using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Api;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Identity;

namespace Waishi.Tests.Security;

/// <summary>Disabling an account or taking a role away applies on the user's next request, whether
/// they come with the sign-in cookie or with a personal access token.</summary>
public sealed class RevocationTests
{
    private const string User = "cqu.officer-global";

    [Fact]
    public async Task A_disabled_user_is_out_on_the_next_request()
    {
        await using var app = await AppFactory.CreateAsync();
        var cookie = await app.SignInAsync(User);
        var bearer = app.BearerClient(await cookie.CreateTokenAsync());
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/staff")).StatusCode);

        await app.WithDbAsync(db => db.Users.Where(u => u.UserName == User).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));

        var page = await cookie.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/SignIn", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/v1/staff")).StatusCode);
    }

    [Fact]
    public async Task A_removed_role_is_gone_on_the_next_request()
    {
        await using var app = await AppFactory.CreateAsync();
        var cookie = await app.SignInAsync(User);
        var bearer = app.BearerClient(await cookie.CreateTokenAsync());
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/api/v1/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/staff")).StatusCode);

        await app.WithDbAsync(db => db.Set<RoleAssignment>()
            .Where(r => r.Role == Roles.OfficerGlobal && db.Users.Any(u => u.Id == r.UserId && u.UserName == User))
            .ExecuteDeleteAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await cookie.GetAsync("/api/v1/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bearer.GetAsync("/api/v1/staff")).StatusCode);
        var me = await (await bearer.GetAsync("/api/v1/me")).JsonAsync();
        Assert.DoesNotContain(me.GetProperty("roles").EnumerateArray(), r => r.GetString() == Roles.OfficerGlobal);
    }
}
