using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.Admin.Users;

/// <summary>Checks shared by creating and editing accounts.</summary>
public static class UserAccounts
{
    /// <summary>Identity's error codes turned into field errors with our own (translatable) messages.</summary>
    public static IEnumerable<FieldError> Describe(IdentityResult result, string passwordField = "Password") =>
        result.Errors.Select(e => e.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => new FieldError(passwordField, "The password must have at least {0} characters.", 10),
            nameof(IdentityErrorDescriber.PasswordRequiresDigit) => new FieldError(passwordField, "The password must contain a digit."),
            nameof(IdentityErrorDescriber.PasswordRequiresLower) => new FieldError(passwordField, "The password must contain a lower-case letter."),
            nameof(IdentityErrorDescriber.PasswordRequiresUpper) => new FieldError(passwordField, "The password must contain an upper-case letter."),
            nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => new FieldError(passwordField, "The password must contain a character other than letters and digits."),
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => new FieldError(passwordField, "The password needs more different characters."),
            nameof(IdentityErrorDescriber.InvalidUserName) => new FieldError("UserName", "A user name may contain only letters, digits and - . _ @ +."),
            nameof(IdentityErrorDescriber.DuplicateUserName) => new FieldError("UserName", "This user name is already taken."),
            _ => new FieldError("", e.Description),
        });

    /// <summary>User names are unique across all tenants, which the tenant-filtered store cannot see.</summary>
    public static async Task<bool> UserNameTakenAsync(AppDbContext db, TenantContext tenant, string userName, Guid exceptId)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        using var _ = tenant.AsSystem();
        return await db.Users.AnyAsync(u => u.NormalizedUserName == normalized && u.Id != exceptId);
    }

    /// <summary>Resolves the staff and student numbers typed in the form to this tenant's records.</summary>
    public static async Task<List<FieldError>> LinkAsync(AppDbContext db, AppUser user, string? staffNumber, string? studentNumber)
    {
        var errors = new List<FieldError>();
        user.StaffMemberId = null;
        user.StudentId = null;
        if (!string.IsNullOrWhiteSpace(staffNumber))
        {
            var staff = await db.Set<StaffMember>().Where(s => s.StaffNumber == staffNumber.Trim()).Select(s => (Guid?)s.Id).FirstOrDefaultAsync();
            if (staff is null)
            {
                errors.Add(new("StaffNumber", "There is no staff member with number {0}.", staffNumber.Trim()));
            }
            user.StaffMemberId = staff;
        }
        if (!string.IsNullOrWhiteSpace(studentNumber))
        {
            var student = await db.Set<Student>().Where(s => s.StudentNumber == studentNumber.Trim()).Select(s => (Guid?)s.Id).FirstOrDefaultAsync();
            if (student is null)
            {
                errors.Add(new("StudentNumber", "There is no student with number {0}.", studentNumber.Trim()));
            }
            user.StudentId = student;
        }
        if (user.StaffMemberId is not null && user.StudentId is not null)
        {
            errors.Add(new("StudentNumber", "An account stands for a staff member or a student, not both."));
        }
        return errors;
    }

    public static void Basics(List<FieldError> errors, string? userName, string? displayName, string? email)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            errors.Add(new("UserName", "Enter the {0}.", "User name"));
        }
        if (string.IsNullOrWhiteSpace(displayName))
        {
            errors.Add(new("DisplayName", "Enter the {0}.", "Display name"));
        }
        else if (displayName.Length > 200)
        {
            errors.Add(new("DisplayName", "{0} is too long: at most {1} characters.", "Display name", 200));
        }
        if (!string.IsNullOrWhiteSpace(email) && !System.Net.Mail.MailAddress.TryCreate(email.Trim(), out _))
        {
            errors.Add(new("Email", "{0} is not an e-mail address: write it as name@example.edu.cn.", email));
        }
    }
}
