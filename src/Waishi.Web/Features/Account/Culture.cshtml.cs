using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Localization;

namespace Waishi.Web.Features.Account;

/// <summary>The language switch in the header: remembered in a cookie, and on the account of a
/// signed-in user so that it follows them to other browsers.</summary>
public sealed class CultureModel(UserManager<AppUser> users) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string culture, string? returnUrl)
    {
        var chosen = LocalizationSetup.Normalize(culture);
        CultureCookie.Write(Response, chosen);
        if (User.GetUserId() is { } id && await users.FindByIdAsync(id.ToString()) is { } user)
        {
            user.PreferredCulture = chosen;
            await users.UpdateAsync(user);
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
