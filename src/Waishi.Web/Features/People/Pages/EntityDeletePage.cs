using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.People.Pages;

/// <summary>
/// The delete action of a details page: a GET goes back to the details; a POST deletes the row and
/// returns to the list, or goes back to the details with the reason the row is kept.
/// </summary>
/// <param name="folder">The page folder, e.g. <c>/People/Staff</c> (the list; details are below it).</param>
public abstract class EntityDeletePage<TEntity>(AppDbContext db, string folder) : PageModel
    where TEntity : Entity
{
    protected AppDbContext Db => db;

    public IActionResult OnGet(Guid id) => Redirect($"{folder}/Details/{id}");

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var entity = await db.Set<TEntity>().FirstOrDefaultAsync(e => e.Id == id);
        if (entity is null)
        {
            return NotFound();
        }
        if (await ReasonToKeepAsync(entity) is { } reason)
        {
            TempData["Error"] = reason;
            return Redirect($"{folder}/Details/{id}");
        }
        db.Remove(entity);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException) when (StillReferred is not null)
        {
            // Another record still points at this one: keep it.
            TempData["Error"] = StillReferred;
            return Redirect($"{folder}/Details/{id}");
        }
        TempData["Status"] = Deleted(entity);
        return Redirect(folder);
    }

    /// <summary>Why the row must stay, checked before deleting; null when nothing keeps it.</summary>
    protected virtual Task<string?> ReasonToKeepAsync(TEntity entity) => Task.FromResult<string?>(null);

    /// <summary>The notice when the database refuses the delete because other rows point at it;
    /// null lets that failure through.</summary>
    protected virtual string? StillReferred => null;

    /// <summary>The notice after the delete, in the reader's language.</summary>
    protected abstract string Deleted(TEntity entity);
}
