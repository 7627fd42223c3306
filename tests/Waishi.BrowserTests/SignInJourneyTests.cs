using Waishi.BrowserTests.Pages;
using Waishi.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Waishi.BrowserTests;

/// <summary>Signing in and out, the language choice, and the lockout, as a user does them.</summary>
public sealed class SignInJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_admin_signs_in_switches_to_Chinese_keeps_it_after_signing_in_again_and_switches_back()
    {
        var page = await app.NewPageAsync();
        var shell = await new SignInPage(page).SignInAsync("cqu.tenant-admin");

        // The home page of a tenant administrator.
        Assert.Equal("en", await shell.LanguageAsync());
        await Expect(page.Locator("h1")).ToHaveTextAsync("What waits for me");
        await Expect(shell.Card("admin-users")).ToBeVisibleAsync();
        await Expect(shell.Card("locked-users")).ToBeVisibleAsync();
        await Expect(shell.Module("admin")).ToBeVisibleAsync();
        await Expect(shell.Module("home")).ToHaveAttributeAsync("aria-current", "page");
        await shell.OpenUserMenuAsync();
        await Expect(page.GetByTestId("user-name")).ToContainTextAsync("Chongqing University");

        await shell.SwitchLanguageAsync();
        Assert.Equal("zh-CN", await shell.LanguageAsync());
        await Expect(page.Locator("h1")).ToHaveTextAsync("待我处理");
        await shell.SignOutAsync();

        // A different browser, without the language cookie: the choice follows the account.
        var other = await app.NewPageAsync();
        var again = await new SignInPage(other).SignInAsync("cqu.tenant-admin");
        Assert.Equal("zh-CN", await again.LanguageAsync());

        await again.SwitchLanguageAsync();
        Assert.Equal("en", await again.LanguageAsync());
        await again.SignOutAsync();
        await Expect(other.Locator("h1")).ToHaveTextAsync("Sign in");

        var third = await app.NewPageAsync("zh-CN");
        var back = await new SignInPage(third).SignInAsync("cqu.tenant-admin");
        Assert.Equal("en", await back.LanguageAsync());
        await back.Page.Context.CloseAsync();
        await page.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task An_applicant_sees_only_what_the_role_allows()
    {
        var page = await app.NewPageAsync();
        var shell = await new SignInPage(page).SignInAsync("cqupt.applicant");

        await Expect(shell.Card("inbox")).ToBeVisibleAsync();
        await Expect(shell.Card("admin-users")).ToHaveCountAsync(0);
        await Expect(shell.Module("admin")).ToHaveCountAsync(0);
        await Expect(shell.Module("audit")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("roles")).ToContainTextAsync("Applicant");
        await shell.SignOutAsync();

        // Signed out: the home page asks for a sign-in again.
        await page.GotoAsync("/");
        await Expect(page.Locator("#Form_UserName")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_the_sixth_attempt_is_locked_out()
    {
        var page = await app.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await signIn.SubmitAsync("cqmu.applicant", "not-the-password");
            await Expect(signIn.Error).ToContainTextAsync("The user name or password is not correct.");
            // What was typed stays; the password does not.
            await Expect(page.Locator("#Form_UserName")).ToHaveValueAsync("cqmu.applicant");
        }
        await signIn.SubmitAsync("cqmu.applicant", "not-the-password");

        // The sixth attempt, even with the right password, meets the lockout.
        await signIn.SubmitAsync("cqmu.applicant", BrowserApp.Password);
        await Expect(signIn.Error).ToContainTextAsync("This account is locked");
        await Expect(page.GetByTestId("user-menu")).ToHaveCountAsync(0);

        // The administrator of that university sees one locked account waiting.
        var admin = await app.NewPageAsync();
        var shell = await new SignInPage(admin).SignInAsync("cqmu.tenant-admin");
        await Expect(admin.GetByTestId("count-locked-users")).ToHaveTextAsync("1");
        await page.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }
}
