using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Trips;

public sealed class EditModel(AppDbContext db, TripWriter writer, IStringLocalizer<SharedResource> t)
    : TripFormPage(db, writer, t)
{
    public static Task<Trip?> LoadAsync(AppDbContext db, IQueryable<Trip> visible, Guid id, CancellationToken ct) =>
        visible.Include(x => x.Members).Include(x => x.Destinations).Include(x => x.Itinerary).Include(x => x.Budget)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        await LoadChoicesAsync(ct);
        var trip = await LoadAsync(Db, Access.Visible(Db).AsNoTracking(), id, ct);
        if (trip is null)
        {
            return NotFound();
        }
        if (!Access.CanEdit(trip))
        {
            return Forbid();
        }
        Form = TripInput.From(trip);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        await LoadChoicesAsync(ct);
        var trip = await LoadAsync(Db, Access.Visible(Db), id, ct);
        if (trip is null)
        {
            return NotFound();
        }
        if (!Access.CanEdit(trip))
        {
            return Forbid();
        }
        if (ChangeRows())
        {
            return Page();
        }
        // The form carries the version it was read at; a save by someone else since then wins.
        if (trip.Version != Form.Version)
        {
            ModelState.AddModelError("", T[FormErrors.StaleEdit]);
        }
        if (await ApplyAsync(trip, ct))
        {
            Db.ExpectVersion(trip, Form.Version);
            // Changing only rows must still bump the trip's version and check it.
            Db.Entry(trip).Property(x => x.Title).IsModified = true;
            try
            {
                await Db.SaveChangesAsync(ct);
                return await SavedAsync(trip, ct);
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
