using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Auditing;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.Admin.Users;

/// <summary>Role assignments and account actions of the user edit page.</summary>
public sealed partial class EditModel
{
    public async Task<IActionResult> OnPostAddRoleAsync(Guid id, string? role, Guid? unitId)
    {
        if (await db.Users.FirstOrDefaultAsync(u => u.Id == id) is not { } user)
        {
            return NotFound();
        }
        string? error = null;
        if (role is null || !Roles.For(tenant.Kind ?? TenantKind.Institution).Contains(role))
        {
            error = "Choose a role from the list.";
        }
        else if (Roles.UnitScoped.Contains(role) && unitId is null)
        {
            error = "A unit secretary or unit head acts for one unit: choose the unit.";
        }
        else if (unitId is { } u && !await db.Set<OrgUnit>().AnyAsync(x => x.Id == u))
        {
            error = "The unit does not exist: choose one from the list.";
        }
        var scope = Roles.UnitScoped.Contains(role ?? "") ? unitId : null;
        if (error is null && await db.Set<RoleAssignment>().AnyAsync(r => r.UserId == id && r.Role == role && r.OrgUnitId == scope))
        {
            error = "The user already has this role.";
        }
        if (error is not null)
        {
            TempData["Error"] = t[error].Value;
            return Redirect($"/Admin/Users/Edit/{id}");
        }
        db.Add(new RoleAssignment { UserId = user.Id, Role = role!, OrgUnitId = scope });
        await db.SaveChangesAsync();
        TempData["Status"] = t["The role was added."].Value;
        return Redirect($"/Admin/Users/Edit/{id}");
    }

    public async Task<IActionResult> OnPostRemoveRoleAsync(Guid id, Guid assignmentId)
    {
        var assignment = await db.Set<RoleAssignment>().FirstOrDefaultAsync(r => r.Id == assignmentId && r.UserId == id);
        if (assignment is null)
        {
            return NotFound();
        }
        if (assignment.Role == Roles.TenantAdmin && id == User.GetUserId())
        {
            TempData["Error"] = t["You cannot remove your own administrator role: ask another administrator."].Value;
            return Redirect($"/Admin/Users/Edit/{id}");
        }
        db.Remove(assignment);
        await db.SaveChangesAsync();
        TempData["Status"] = t["The role was removed."].Value;
        return Redirect($"/Admin/Users/Edit/{id}");
    }

    public Task<IActionResult> OnPostDisableAsync(Guid id) => SetDisabledAsync(id, true);

    public Task<IActionResult> OnPostEnableAsync(Guid id) => SetDisabledAsync(id, false);

    private async Task<IActionResult> SetDisabledAsync(Guid id, bool disabled)
    {
        if (await db.Users.FirstOrDefaultAsync(u => u.Id == id) is not { } user)
        {
            return NotFound();
        }
        if (disabled && id == User.GetUserId())
        {
            TempData["Error"] = t["You cannot disable your own account."].Value;
            return Redirect($"/Admin/Users/Edit/{id}");
        }
        user.IsDisabled = disabled;
        // A new security stamp ends the sessions and tokens of the account on their next request.
        await users.UpdateSecurityStampAsync(user);
        TempData["Status"] = (disabled ? t["The account {0} was disabled.", user.UserName!] : t["The account {0} was enabled.", user.UserName!]).Value;
        return Redirect($"/Admin/Users/Edit/{id}");
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid id)
    {
        if (await db.Users.FirstOrDefaultAsync(u => u.Id == id) is not { } user)
        {
            return NotFound();
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Status"] = t["The account {0} was unlocked.", user.UserName!].Value;
        return Redirect($"/Admin/Users/Edit/{id}");
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(Guid id, string? newPassword)
    {
        if (await db.Users.FirstOrDefaultAsync(u => u.Id == id) is not { } user)
        {
            return NotFound();
        }
        if (string.IsNullOrEmpty(newPassword))
        {
            TempData["Error"] = t["Enter the {0}.", t["New password"].Value].Value;
            return Redirect($"/Admin/Users/Edit/{id}");
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded)
        {
            TempData["Error"] = string.Join(" ", UserAccounts.Describe(result, "NewPassword").Select(e => FormErrors.Localize(e, t)));
            return Redirect($"/Admin/Users/Edit/{id}");
        }
        TempData["Status"] = t["The password of {0} was reset.", user.UserName!].Value;
        return Redirect($"/Admin/Users/Edit/{id}");
    }

    /// <summary>An account that has done something (its changes are in the audit log) is kept and disabled instead.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        if (await db.Users.FirstOrDefaultAsync(u => u.Id == id) is not { } user)
        {
            return NotFound();
        }
        if (id == User.GetUserId())
        {
            TempData["Error"] = t["You cannot delete your own account."].Value;
            return Redirect($"/Admin/Users/Edit/{id}");
        }
        if (await db.Set<AuditEntry>().AnyAsync(e => e.UserId == id))
        {
            user.IsDisabled = true;
            await users.UpdateSecurityStampAsync(user);
            TempData["Status"] = t["The account {0} has a history, so it was disabled instead of deleted.", user.UserName!].Value;
            return Redirect($"/Admin/Users/Edit/{id}");
        }
        await users.DeleteAsync(user);
        TempData["Status"] = t["The account {0} was deleted.", user.UserName!].Value;
        return Redirect("/Admin/Users");
    }
}
