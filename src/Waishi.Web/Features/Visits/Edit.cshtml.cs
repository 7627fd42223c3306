using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Visits;

public sealed class EditModel(AppDbContext db, VisitWriter writer, IStringLocalizer<SharedResource> t)
    : VisitFormPage(db, writer, t)
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        await LoadChoicesAsync(ct);
        var visit = await VisitWriter.LoadAsync(Access.Visible(Db).AsNoTracking(), id, ct);
        if (visit is null)
        {
            return NotFound();
        }
        if (!Access.CanEdit(visit))
        {
            return Forbid();
        }
        Form = VisitInput.From(visit);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        await LoadChoicesAsync(ct);
        var visit = await VisitWriter.LoadAsync(Access.Visible(Db), id, ct);
        if (visit is null)
        {
            return NotFound();
        }
        if (!Access.CanEdit(visit))
        {
            return Forbid();
        }
        if (ChangeRows())
        {
            return Page();
        }
        // The form carries the version it was read at; a save by someone else since then wins.
        if (visit.Version != Form.Version)
        {
            ModelState.AddModelError("", T[FormErrors.StaleEdit]);
        }
        if (await ApplyAsync(visit, ct))
        {
            Db.ExpectVersion(visit, Form.Version);
            // Changing only rows must still bump the visit's version and check it.
            Db.Entry(visit).Property(x => x.Title).IsModified = true;
            try
            {
                await Db.SaveChangesAsync(ct);
                return await SavedAsync(visit, ct);
            }
            catch (DbUpdateException e) when (e.IsConcurrencyConflict())
            {
                ModelState.AddModelError("", T[FormErrors.StaleEdit]);
            }
        }
        Db.ChangeTracker.Clear();
        return Page();
    }
}
