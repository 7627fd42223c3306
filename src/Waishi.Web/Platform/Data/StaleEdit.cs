using Microsoft.EntityFrameworkCore;

namespace Waishi.Web.Platform.Data;

/// <summary>
/// What a page or the API says when an edit was made from an old version of a record: someone else
/// saved it in between, so this save changed nothing. The message is English and the key of its
/// translation, like every <see cref="FieldError"/>.
/// </summary>
public static class StaleEdit
{
    public const string Message = "This record was changed by someone else. Reload it to see their changes, then make yours again.";

    /// <summary>A form-level error (no field) carrying <see cref="Message"/>.</summary>
    public static FieldError Error => new("", Message);

    /// <summary>
    /// Saves; on a version conflict returns <see cref="Error"/> instead of throwing and forgets the
    /// refused changes, so that nothing of them is saved later by the same context.
    /// </summary>
    public static async Task<FieldError?> TrySaveAsync(this AppDbContext db, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Error;
        }
    }
}
