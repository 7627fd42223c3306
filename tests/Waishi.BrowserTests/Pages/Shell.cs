namespace Waishi.BrowserTests.Pages;

/// <summary>The header every page shares: modules, inbox, language switch and user menu.</summary>
public sealed class Shell(IPage page)
{
    public IPage Page => page;

    public ILocator Html => page.Locator("html");

    public ILocator MainNavigation => page.Locator("nav.navbar");

    public ILocator Module(string key) => page.Locator($"[data-nav='{key}']");

    public ILocator Card(string key) => page.Locator($"[data-card='{key}']");

    public ILocator UserMenu => page.GetByTestId("user-menu");

    public ILocator LanguageSwitch => page.GetByTestId("switch-language");

    public async Task SwitchLanguageAsync()
    {
        await LanguageSwitch.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public async Task<string?> LanguageAsync() => await Html.GetAttributeAsync("lang");

    public async Task OpenUserMenuAsync()
    {
        await UserMenu.ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("sign-out")).ToBeVisibleAsync();
    }

    public async Task SignOutAsync()
    {
        await OpenUserMenuAsync();
        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Account/SignIn", StringComparison.Ordinal));
    }
}
