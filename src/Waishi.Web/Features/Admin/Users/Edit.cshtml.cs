using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.Admin.Users;

/// <summary>An account: its details, its roles (per tenant, or per unit for unit roles) and the
/// administrator's actions on it (see EditActions.cs).</summary>
public sealed partial class EditModel(
    AppDbContext db, UserManager<AppUser> users, TenantContext tenant, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class Input
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? StaffNumber { get; set; }
        public string? StudentNumber { get; set; }
        public long Version { get; set; }
    }

    public sealed record RoleRow(Guid Id, string Role, string? Unit);

    [BindProperty]
    public Input Form { get; set; } = new();

    public AppUser Account { get; private set; } = null!;
    public List<RoleRow> Assigned { get; private set; } = [];
    public IReadOnlyList<string> AvailableRoles { get; private set; } = [];
    public List<UnitNode> Units { get; private set; } = [];
    public bool IsLockedOut { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id);
        if (user is null)
        {
            return NotFound();
        }
        await FillFormAsync(user);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id);
        if (user is null)
        {
            return NotFound();
        }
        var errors = new List<FieldError>();
        if (user.Version != Form.Version)
        {
            errors.Add(new("", FormErrors.StaleEdit));
        }
        UserAccounts.Basics(errors, Form.UserName, Form.DisplayName, Form.Email);
        if (!string.IsNullOrWhiteSpace(Form.UserName) && await UserAccounts.UserNameTakenAsync(db, tenant, Form.UserName, user.Id))
        {
            errors.Add(new("UserName", "This user name is already taken."));
        }
        errors.AddRange(await UserAccounts.LinkAsync(db, user, Form.StaffNumber, Form.StudentNumber));
        if (errors.Count == 0)
        {
            user.DisplayName = Form.DisplayName!.Trim();
            user.Email = string.IsNullOrWhiteSpace(Form.Email) ? null : Form.Email.Trim();
            user.NormalizedEmail = user.Email?.ToUpperInvariant();
            db.ExpectVersion(user, Form.Version);
            var result = await users.SetUserNameAsync(user, Form.UserName!.Trim());
            errors.AddRange(UserAccounts.Describe(result));
            if (!result.Succeeded && result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                errors.Add(new("", FormErrors.StaleEdit));
            }
        }
        if (errors.Count > 0)
        {
            ModelState.AddAll("Form", errors, t);
            db.ChangeTracker.Clear();
            user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == id);
            await LoadAsync(user);
            return Page();
        }
        TempData["Status"] = t["The account {0} was saved.", user.UserName!].Value;
        return Redirect($"/Admin/Users/Edit/{id}");
    }

    private async Task FillFormAsync(AppUser user)
    {
        Form = new Input
        {
            UserName = user.UserName, DisplayName = user.DisplayName, Email = user.Email, Version = user.Version,
            StaffNumber = user.StaffMemberId is { } s ? await db.Set<StaffMember>().Where(x => x.Id == s).Select(x => x.StaffNumber).FirstOrDefaultAsync() : null,
            StudentNumber = user.StudentId is { } st ? await db.Set<Student>().Where(x => x.Id == st).Select(x => x.StudentNumber).FirstOrDefaultAsync() : null,
        };
    }

    private async Task LoadAsync(AppUser user)
    {
        Account = user;
        IsLockedOut = user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow;
        Units = await UnitTree.LoadAsync(db);
        var names = Units.ToDictionary(n => n.Unit.Id, n => n.Unit.Name(Platform.Localization.LocalizationSetup.IsChinese));
        Assigned = [.. (await db.Set<RoleAssignment>().AsNoTracking().Where(r => r.UserId == user.Id).ToListAsync())
            .OrderBy(r => r.Role).Select(r => new RoleRow(r.Id, r.Role, r.OrgUnitId is { } u ? names.GetValueOrDefault(u) : null))];
        AvailableRoles = Roles.For(tenant.Kind ?? TenantKind.Institution);
    }
}
