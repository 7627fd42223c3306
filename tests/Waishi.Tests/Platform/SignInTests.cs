using System.Net;
using Waishi.Tests.Support;

namespace Waishi.Tests.Platform;

public sealed class SignInTests
{
    [Fact]
    public async Task Anonymous_home_redirects_to_sign_in()
    {
        await using var app = await AppFactory.CreateAsync();
        var response = await app.NewClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Demo_admin_signs_in_and_sees_the_admin_home()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var html = await client.GetStringAsync("/");
        Assert.Contains("data-card=\"admin-users\"", html);
        Assert.Contains("data-nav=\"admin\"", html);
    }

    [Fact]
    public async Task Applicant_home_has_no_admin_entries()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.applicant");
        var html = await client.GetStringAsync("/");
        Assert.DoesNotContain("data-nav=\"admin\"", html);
        Assert.DoesNotContain("data-card=\"admin-users\"", html);
    }
}
