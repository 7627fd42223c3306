using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.People.Pages;

/// <summary>
/// The create and edit flow of a page whose form edits one entity: the posted fields are applied and
/// checked by <see cref="PeopleRules"/>, a failed form is shown back with what was typed, and an edit
/// whose version is no longer the row's is refused with the stale-edit notice and changes nothing.
/// </summary>
/// <param name="folder">The page folder, e.g. <c>/People/Staff</c>; a saved row is shown at its Details page.</param>
public abstract class EntityFormPage<TEntity, TInput>(AppDbContext db, IStringLocalizer t, string folder) : PageModel
    where TEntity : Entity
    where TInput : class, IEntityForm<TEntity, TInput>, new()
{
    [BindProperty]
    public TInput Form { get; set; } = new();

    protected AppDbContext Db => db;
    protected IStringLocalizer Localizer => t;

    /// <summary>Loads what the form offers to choose from, for the row being edited (null on a create).</summary>
    protected abstract Task LoadChoicesAsync(Guid? id);

    /// <summary>The notice after a save, in the reader's language.</summary>
    protected abstract string Saved(TEntity entity, bool created);

    /// <summary>Adds a new row from the posted form.</summary>
    protected async Task<IActionResult> CreateAsync(TEntity entity)
    {
        Form.ApplyTo(entity);
        if (ModelState.IsValid)
        {
            ModelState.AddAll("Form", await PeopleRules.ValidateRecordAsync(db, entity), t);
        }
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(null);
            return Page();
        }
        db.Add(entity);
        await db.SaveChangesAsync();
        TempData["Status"] = Saved(entity, created: true);
        return Redirect($"{folder}/Details/{entity.Id}");
    }

    /// <summary>Shows the edit form filled from the stored row.</summary>
    protected async Task<IActionResult> ShowEditAsync(Guid id)
    {
        var entity = await db.Set<TEntity>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id);
        if (entity is null)
        {
            return NotFound();
        }
        Form = TInput.From(entity);
        await LoadChoicesAsync(id);
        return Page();
    }

    /// <summary>Saves the posted edit of a stored row.</summary>
    protected async Task<IActionResult> SaveEditAsync(Guid id)
    {
        var entity = await db.Set<TEntity>().FirstOrDefaultAsync(e => e.Id == id);
        if (entity is null)
        {
            return NotFound();
        }
        // The form carries the version it was read at: a save by someone else since then wins,
        // and this edit is shown back (not saved) with the notice.
        if (entity.Version != Form.Version)
        {
            ModelState.AddModelError("", t[FormErrors.StaleEdit]);
        }
        Form.ApplyTo(entity);
        if (ModelState.IsValid)
        {
            ModelState.AddAll("Form", await PeopleRules.ValidateRecordAsync(db, entity), t);
        }
        if (ModelState.IsValid)
        {
            db.ExpectVersion(entity, Form.Version);
            try
            {
                await db.SaveChangesAsync();
                TempData["Status"] = Saved(entity, created: false);
                return Redirect($"{folder}/Details/{entity.Id}");
            }
            catch (DbUpdateException e) when (e.IsConcurrencyConflict())
            {
                ModelState.AddModelError("", t[FormErrors.StaleEdit]);
            }
        }
        db.ChangeTracker.Clear();
        await LoadChoicesAsync(id);
        return Page();
    }
}
