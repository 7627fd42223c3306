using Waishi.BrowserTests.Pages;
using Waishi.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Waishi.BrowserTests;

/// <summary>The shell works without a mouse: skip link first, then the main navigation.</summary>
public sealed class KeyboardTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Tab_reaches_the_skip_link_first_and_then_the_main_navigation()
    {
        var page = await app.NewPageAsync();
        await new SignInPage(page).SignInAsync("cqu.auditor");
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByTestId("skip-link");
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("a.navbar-brand")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("[data-nav='home']")).ToBeFocusedAsync();
        // On through the modules the auditor's roles allow, in menu order, to the audit log.
        var visited = new List<string?>();
        for (var step = 0; step < 10 && visited.LastOrDefault() != "audit"; step++)
        {
            await page.Keyboard.PressAsync("Tab");
            visited.Add(await page.EvaluateAsync<string?>("() => document.activeElement.getAttribute('data-nav')"));
        }
        Assert.Equal("audit", visited.Last());
        Assert.DoesNotContain(null, visited);
        var audit = page.Locator("[data-nav='audit']");
        await Expect(audit).ToBeFocusedAsync();

        // A focused link shows where the focus is.
        var outline = await audit.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");
        Assert.NotEqual("none", outline);

        // The skip link moves the focus to the main content.
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main#main")).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_user_menu_and_sign_out_work_from_the_keyboard_on_a_small_screen()
    {
        var page = await app.NewPageAsync();
        await new SignInPage(page).SignInAsync("cqfao.fao-officer");
        await page.SetViewportSizeAsync(390, 800);
        await page.GotoAsync("/");

        // Collapsed: the modules are hidden behind the toggler until it is opened.
        var toggler = page.Locator(".navbar-toggler");
        await Expect(toggler).ToBeVisibleAsync();
        await Expect(page.Locator("[data-nav='home']")).ToBeHiddenAsync();
        await toggler.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-nav='home']")).ToBeVisibleAsync();

        await page.GetByTestId("user-menu").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-nav='tokens']")).ToBeVisibleAsync();
        await page.GetByTestId("sign-out").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/Account/SignIn", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}
