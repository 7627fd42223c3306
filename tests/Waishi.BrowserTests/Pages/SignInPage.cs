namespace Waishi.BrowserTests.Pages;

/// <summary>The sign-in form at /Account/SignIn.</summary>
public sealed class SignInPage(IPage page)
{
    public ILocator Error => page.GetByTestId("sign-in-error");

    public async Task OpenAsync() => await page.GotoAsync("/Account/SignIn");

    /// <summary>Fills the form and submits it; waits for the page that answers.</summary>
    public async Task SubmitAsync(string userName, string password)
    {
        await page.Locator("#Form_UserName").FillAsync(userName);
        await page.Locator("#Form_Password").FillAsync(password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>Signs in and returns the shell of the page it lands on.</summary>
    public async Task<Shell> SignInAsync(string userName, string password = Support.BrowserApp.Password)
    {
        await OpenAsync();
        await SubmitAsync(userName, password);
        var shell = new Shell(page);
        await Microsoft.Playwright.Assertions.Expect(shell.UserMenu).ToBeVisibleAsync();
        return shell;
    }
}
