using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.TravelDocuments;

/// <summary>Hands a document to its holder for one of the holder's approved trips. The form carries
/// the version it was shown at, so posting it twice checks the document out once and the second
/// post is told the document is already out.</summary>
[Authorize(Policy = Policies.TravelDocumentsEditor)]
public sealed class CheckOutModel(AppDbContext db, Custody custody, IStringLocalizer<SharedResource> t) : PageModel
{
    public TravelDocument Document { get; private set; } = null!;
    public StaffMember? Holder { get; private set; }
    public List<Trip> Trips { get; private set; } = [];
    public TripPolicy Policy { get; private set; } = TripPolicy.Defaults();

    [BindProperty]
    public Guid? TripId { get; set; }

    [BindProperty]
    public long Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Version = Document.Version;
        if (TravelDocumentRules.NotAvailable(Document, custody.Today) is { } unavailable)
        {
            ModelState.AddAll("", [unavailable with { Field = "" }], t);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var doc = await db.Set<TravelDocument>().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null)
        {
            return NotFound();
        }
        var outcome = await custody.CheckOutAsync(doc, TripId, Version, ct);
        if (outcome.Succeeded)
        {
            TempData["Status"] = t["{0} was checked out; it is due back on {1}.", doc.Number, Platform.Localization.Format.Date(doc.ReturnDue!.Value)].Value;
            return Redirect($"/TravelDocuments/Details/{id}");
        }
        ModelState.Clear();
        foreach (var error in outcome.Errors)
        {
            ModelState.AddModelError(outcome.IsConflict ? "" : error.Field, FormErrors.Localize(error, t));
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var doc = await db.Set<TravelDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null)
        {
            return false;
        }
        Document = doc;
        Holder = await db.Set<StaffMember>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == doc.HolderId, ct);
        Trips = await custody.TripChoicesAsync(doc.HolderId, ct);
        Policy = await TripPolicy.LoadAsync(db, ct);
        return true;
    }
}
