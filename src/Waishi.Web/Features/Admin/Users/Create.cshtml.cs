using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.Admin.Users;

public sealed class CreateModel(AppDbContext db, UserManager<AppUser> users, TenantContext tenant, TimeProvider clock, IStringLocalizer<SharedResource> t)
    : PageModel
{
    public sealed class Input
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? StaffNumber { get; set; }
        public string? StudentNumber { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty]
    public Input Form { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = new AppUser
        {
            UserName = Form.UserName?.Trim(), DisplayName = Form.DisplayName?.Trim() ?? "",
            Email = string.IsNullOrWhiteSpace(Form.Email) ? null : Form.Email.Trim(),
            CreatedUtc = clock.GetUtcNow().UtcDateTime, LockoutEnabled = true, EmailConfirmed = true,
        };
        var errors = new List<FieldError>();
        UserAccounts.Basics(errors, Form.UserName, Form.DisplayName, Form.Email);
        errors.AddRange(await UserAccounts.LinkAsync(db, user, Form.StaffNumber, Form.StudentNumber));
        if (string.IsNullOrEmpty(Form.Password))
        {
            errors.Add(new("Password", "Enter the {0}.", "Initial password"));
        }
        if (!string.IsNullOrWhiteSpace(Form.UserName) && await UserAccounts.UserNameTakenAsync(db, tenant, Form.UserName, user.Id))
        {
            errors.Add(new("UserName", "This user name is already taken."));
        }
        if (errors.Count == 0)
        {
            // Validates the user name and the password against the Identity rules before anything is stored.
            var result = await users.CreateAsync(user, Form.Password!);
            errors.AddRange(UserAccounts.Describe(result));
        }
        if (errors.Count > 0)
        {
            ModelState.AddAll("Form", errors, t);
            Form.Password = null;
            return Page();
        }
        TempData["Status"] = t["The account {0} was created. Now give it its roles.", user.UserName!].Value;
        return Redirect($"/Admin/Users/Edit/{user.Id}");
    }
}
