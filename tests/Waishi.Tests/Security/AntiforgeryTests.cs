using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Identity;

namespace Waishi.Tests.Security;

public sealed class AntiforgeryTests
{
    [Fact]
    public async Task A_form_post_without_the_token_is_refused_and_writes_nothing()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.officer-global");

        var response = await client.PostAsync("/Account/Tokens?handler=Create",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Name"] = "forged", ["Form.ExpiresInDays"] = "30" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<PersonalAccessToken>().AnyAsync()));

        var withToken = await client.PostFormAsync("/Account/Tokens", "/Account/Tokens?handler=Create",
            new() { ["Form.Name"] = "genuine", ["Form.ExpiresInDays"] = "30" });
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Set<PersonalAccessToken>().AnyAsync()));
    }

    [Fact]
    public async Task Sign_in_without_the_token_is_refused()
    {
        await using var app = await AppFactory.CreateAsync();
        var response = await app.NewClient().PostAsync("/Account/SignIn",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.UserName"] = "cqu.tenant-admin", ["Form.Password"] = AppFactory.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("waishi.auth", StringComparison.Ordinal)));
    }
}
