using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Api;
using Waishi.Tests.Platform;
using Waishi.Tests.Support;
using Xunit.Abstractions;

namespace Waishi.Tests.Resilience;

/// <summary>
/// Revocation through the real admin actions (not a database write): disabling an account ends every
/// cookie session and every access token on their very next request, and enabling it again does not
/// bring the old sessions back (the security stamp changed). The delay is measured and printed.
/// </summary>
public sealed class SessionRevocationTests(ITestOutputHelper output)
{
    private const string User = "cqu.officer-global";

    private static Task<HttpResponseMessage> ActAsync(HttpClient admin, Guid id, string handler) =>
        admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler={handler}", []);

    private static bool Refused(HttpResponseMessage page) =>
        page.StatusCode == HttpStatusCode.Redirect && page.Headers.Location!.OriginalString.Contains("/Account/SignIn");

    [Fact]
    public async Task Disabling_in_the_admin_ends_every_session_and_token_on_the_next_request()
    {
        await using var app = await AppFactory.CreateAsync();
        var browser = await app.SignInAsync(User);
        var laptop = await app.SignInAsync(User);
        var secret = await browser.CreateTokenAsync("sync");
        var bearer = app.BearerClient(secret);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/staff")).StatusCode);
        var admin = await app.SignInAsync("cqu.tenant-admin");
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == User).Select(u => u.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, id, "Disable")).StatusCode);
        var disabledAt = Stopwatch.StartNew();
        var page = await browser.GetAsync("/");
        var cookieDelay = disabledAt.Elapsed;
        var api = await bearer.GetAsync("/api/v1/staff");
        var tokenDelay = disabledAt.Elapsed;
        Assert.True(Refused(page), $"cookie after disable: {(int)page.StatusCode}");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/api/v1/me")).StatusCode);
        // A write is refused too, not only reads.
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.PostJsonAsync("/api/v1/units", new { code = "X-1", name = "x" })).StatusCode);
        output.WriteLine($"revocation delay: 0 requests; cookie refused {cookieDelay.TotalMilliseconds:F0} ms and token {tokenDelay.TotalMilliseconds:F0} ms after the disable was acknowledged");

        // Enabling the account again does not revive what was ended: the user must sign in anew.
        await ActAsync(admin, id, "Enable");
        Assert.True(Refused(await laptop.GetAsync("/")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.BearerClient(secret).GetAsync("/api/v1/me")).StatusCode);
        var signedInAgain = await app.SignInAsync(User);
        Assert.Equal(HttpStatusCode.OK, (await signedInAgain.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.BearerClient(await signedInAgain.CreateTokenAsync("new")).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Deleting_an_account_with_history_or_resetting_its_password_ends_its_sessions()
    {
        await using var app = await AppFactory.CreateAsync();
        var applicant = await app.SignInAsync(User);
        var bearer = app.BearerClient(await applicant.CreateTokenAsync());
        var cli = await CliRunner.RunAsync(app.ConnectionString, "user", "reset-password", "--user", User, "--password", "another-secret-42");
        Assert.Equal(0, cli.ExitCode);
        Assert.True(Refused(await applicant.GetAsync("/")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/v1/me")).StatusCode);

        var again = await app.SignInAsync(User, "another-secret-42");
        var token = app.BearerClient(await again.CreateTokenAsync("after reset"));
        var admin = await app.SignInAsync("cqu.tenant-admin");
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == User).Select(u => u.Id).SingleAsync());
        // The token creation above is in the audit log, so delete keeps the account and disables it.
        await ActAsync(admin, id, "Delete");
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsDisabled).SingleAsync()));
        Assert.True(Refused(await again.GetAsync("/")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/me")).StatusCode);
    }
}
