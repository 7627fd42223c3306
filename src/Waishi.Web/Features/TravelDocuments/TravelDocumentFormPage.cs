using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.TravelDocuments;

/// <summary>Registering and editing a document: a failed form is shown back with what was typed and
/// a message at each field; an edit made from an old version is refused with the stale-edit notice.</summary>
[Authorize(Policy = Policies.TravelDocumentsEditor)]
public abstract class TravelDocumentFormPage(AppDbContext db, Custody custody, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public TravelDocumentInput Form { get; set; } = new();

    public List<StaffMember> People { get; private set; } = [];

    protected async Task LoadChoicesAsync(CancellationToken ct) =>
        People = await db.Set<StaffMember>().AsNoTracking().OrderBy(s => s.StaffNumber).ToListAsync(ct);

    protected async Task<IActionResult> CreateAsync()
    {
        var ct = HttpContext.RequestAborted;
        var doc = new TravelDocument { Status = TravelDocumentStatus.InCustody, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        Form.ApplyTo(doc);
        ModelState.Clear();
        ModelState.AddAll("Form", await TravelDocumentRules.ValidateRecordAsync(db, doc, holderLocked: false, ct), t);
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        db.Add(doc);
        custody.Registered(doc);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["The document {0} was registered.", doc.Number].Value;
        return Redirect($"/TravelDocuments/Details/{doc.Id}");
    }

    protected async Task<IActionResult> ShowEditAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var doc = await db.Set<TravelDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null)
        {
            return NotFound();
        }
        Form = TravelDocumentInput.From(doc);
        await LoadChoicesAsync(ct);
        return Page();
    }

    protected async Task<IActionResult> SaveEditAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var doc = await db.Set<TravelDocument>().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null)
        {
            return NotFound();
        }
        ModelState.Clear();
        if (doc.Version != Form.Version)
        {
            ModelState.AddModelError("", t[FormErrors.StaleEdit]);
        }
        var holder = doc.HolderId;
        Form.ApplyTo(doc);
        var locked = doc.Status == TravelDocumentStatus.CheckedOut && doc.HolderId != holder;
        ModelState.AddAll("Form", await TravelDocumentRules.ValidateRecordAsync(db, doc, locked, ct), t);
        if (ModelState.IsValid)
        {
            db.ExpectVersion(doc, Form.Version);
            if (await db.TrySaveAsync(ct) is null)
            {
                TempData["Status"] = t["The document {0} was saved.", doc.Number].Value;
                return Redirect($"/TravelDocuments/Details/{doc.Id}");
            }
            ModelState.AddModelError("", t[FormErrors.StaleEdit]);
        }
        db.ChangeTracker.Clear();
        await LoadChoicesAsync(ct);
        return Page();
    }
}
