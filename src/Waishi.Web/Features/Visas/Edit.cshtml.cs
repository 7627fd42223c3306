using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Visas;

/// <summary>Records a new visa of a trip (<c>?tripId=</c>) or edits one (<c>/Visas/Edit/{id}</c>).</summary>
public sealed class EditModel(AppDbContext db, VisaWriter writer, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public VisaInput Form { get; set; } = new();

    public Trip Trip { get; private set; } = null!;
    public List<StaffMember> Members { get; private set; } = [];
    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? tripId, Guid? staffMemberId, string? countryCode)
    {
        var ct = HttpContext.RequestAborted;
        var access = await TripAccess.ForAsync(db, User, ct);
        Visa? visa = null;
        if (id is { } visaId)
        {
            visa = await writer.Visible(access).AsNoTracking().FirstOrDefaultAsync(v => v.Id == visaId, ct);
            if (visa is null)
            {
                return NotFound();
            }
            tripId = visa.TripId;
        }
        if (tripId is null || await writer.TripAsync(access, tripId.Value, ct) is not { } trip)
        {
            return NotFound();
        }
        if (!VisaRules.CanEdit(access, trip))
        {
            return Forbid();
        }
        Form = visa is null
            ? new VisaInput { TripId = trip.Id, StaffMemberId = staffMemberId ?? Guid.Empty, CountryCode = countryCode }
            : VisaInput.From(visa);
        await ShowAsync(trip, visa is null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        var ct = HttpContext.RequestAborted;
        var access = await TripAccess.ForAsync(db, User, ct);
        Visa? visa = null;
        if (id is { } visaId)
        {
            visa = await writer.Visible(access).FirstOrDefaultAsync(v => v.Id == visaId, ct);
            if (visa is null)
            {
                return NotFound();
            }
            Form.TripId = visa.TripId;
        }
        if (await writer.TripAsync(access, Form.TripId, ct) is not { } trip)
        {
            return NotFound();
        }
        if (!VisaRules.CanEdit(access, trip))
        {
            return Forbid();
        }
        // The form carries the version it was read at; a save by someone else since then wins.
        if (visa is not null && visa.Version != Form.Version)
        {
            ModelState.AddModelError("", t[FormErrors.StaleEdit]);
        }
        if (ModelState.IsValid)
        {
            if (visa is null)
            {
                visa = new Visa { TenantId = trip.TenantId, TripId = trip.Id };
                db.Add(visa);
            }
            ModelState.AddAll("Form", await writer.ApplyAsync(trip, visa, Form, ct), t);
        }
        if (ModelState.IsValid)
        {
            if (id is not null)
            {
                db.ExpectVersion(visa!, Form.Version);
            }
            try
            {
                await db.SaveChangesAsync(ct);
                TempData["Status"] = t["The visa was saved."].Value;
                return Redirect($"/Visas/Trip/{trip.Id}");
            }
            catch (DbUpdateException)
            {
                // Someone saved this visa, or the same member and country, in between.
                ModelState.AddModelError("", t[FormErrors.StaleEdit]);
            }
        }
        db.ChangeTracker.Clear();
        await ShowAsync(trip, id is null, ct);
        return Page();
    }

    /// <summary>Deletes a visa row recorded by mistake, if nobody changed it since it was shown.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var access = await TripAccess.ForAsync(db, User, ct);
        var visa = await writer.Visible(access).FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visa is null || await writer.TripAsync(access, visa.TripId, ct) is not { } trip)
        {
            return NotFound();
        }
        if (!VisaRules.CanEdit(access, trip))
        {
            return Forbid();
        }
        db.Remove(visa);
        db.ExpectVersion(visa, Form.Version);
        if (await db.TrySaveAsync(ct) is not null)
        {
            ModelState.AddModelError("", t[FormErrors.StaleEdit]);
            Form = VisaInput.From(await db.Set<Visa>().AsNoTracking().FirstAsync(v => v.Id == id, ct));
            await ShowAsync(trip, isNew: false, ct);
            return Page();
        }
        TempData["Status"] = t["The visa was deleted."].Value;
        return Redirect($"/Visas/Trip/{trip.Id}");
    }

    private async Task ShowAsync(Trip trip, bool isNew, CancellationToken ct)
    {
        Trip = trip;
        IsNew = isNew;
        var ids = trip.Members.Select(m => m.StaffMemberId).ToList();
        Members = await db.Set<StaffMember>().AsNoTracking().Where(s => ids.Contains(s.Id)).OrderBy(s => s.StaffNumber).ToListAsync(ct);
    }
}
