using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.Account;

[EnableRateLimiting(IdentitySetup.SignInRateLimit)]
public sealed class SignInModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, TenantContext tenant, IStringLocalizer<SharedResource> t)
    : PageModel
{
    public sealed class Input
    {
        [Required(ErrorMessage = "Enter your user name.")]
        [Display(Name = "User name")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";
    }

    [BindProperty]
    public Input Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // Accounts are looked up across tenants: the user name says which tenant the user is in.
        using var _ = tenant.AsSystem();
        var user = await users.FindByNameAsync(Form.UserName.Trim());
        if (user is null || user.IsDisabled)
        {
            ModelState.AddModelError("", t["The user name or password is not correct."]);
            return Page();
        }
        var result = await signIn.CheckPasswordSignInAsync(user, Form.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", t["This account is locked after too many failed sign-in attempts. Try again later or ask your administrator to unlock it."]);
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", t["The user name or password is not correct."]);
            return Page();
        }

        // The cookie carries only who the user is; roles and tenant are read from the database on
        // every request (see UserSession), so changes take effect at once.
        var identity = new ClaimsIdentity(
            [
                new Claim(WaishiClaims.UserId, user.Id.ToString()),
                new Claim(ClaimTypes.Name, user.UserName!),
                new Claim(UserSession.SecurityStampClaim, user.SecurityStamp ?? ""),
            ],
            IdentityConstants.ApplicationScheme);
        await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, new ClaimsPrincipal(identity));
        if (user.PreferredCulture is { } culture)
        {
            Platform.Localization.CultureCookie.Write(Response, culture);
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
