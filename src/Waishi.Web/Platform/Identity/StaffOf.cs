using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Identity;

/// <summary>The staff member of an account.</summary>
public static class StaffOf
{
    /// <summary>
    /// From the principal when it was read from the database for this request (the usual case: every
    /// signed-in request and API token loads the account), otherwise from the account row.
    /// </summary>
    public static async Task<Guid?> UserAsync(AppDbContext db, ClaimsPrincipal user, Guid userId, CancellationToken ct = default)
    {
        if (user.IsLoaded() && user.GetUserId() == userId)
        {
            return user.GetStaffId();
        }
        return await db.Set<AppUser>().Where(u => u.Id == userId).Select(u => u.StaffMemberId).FirstOrDefaultAsync(ct);
    }
}
