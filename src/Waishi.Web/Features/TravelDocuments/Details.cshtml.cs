using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.TravelDocuments;

/// <summary>A document with its custody ledger; the exit officer records its return, or reports it
/// lost or cancelled, from here.</summary>
[Authorize(Policy = Policies.TravelDocuments)]
public sealed class DetailsModel(AppDbContext db, Custody custody, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class CloseInput
    {
        public CustodyAction Action { get; set; } = CustodyAction.Lost;
        public string? Reason { get; set; }
        public long Version { get; set; }
    }

    public TravelDocument Document { get; private set; } = null!;
    public TravelDocumentStatus Status { get; private set; }
    public StaffMember? Holder { get; private set; }
    public OrgUnit? Unit { get; private set; }
    public List<CustodyEntry> Ledger { get; private set; } = [];
    public Dictionary<Guid, string> Trips { get; private set; } = [];
    public bool CanEdit => User.HasRole(Roles.OfficerExit);
    public int DaysOverdue { get; private set; }

    [BindProperty]
    public CloseInput Close { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReturnAsync(Guid id, long version, string? note)
    {
        var ct = HttpContext.RequestAborted;
        if (!User.HasRole(Roles.OfficerExit))
        {
            return Forbid();
        }
        var doc = await db.Set<TravelDocument>().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null)
        {
            return NotFound();
        }
        var outcome = await custody.ReturnAsync(doc, version, note, ct);
        return await AfterAsync(id, outcome, t["The return of {0} was recorded.", doc.Number].Value);
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        if (!User.HasRole(Roles.OfficerExit))
        {
            return Forbid();
        }
        var doc = await db.Set<TravelDocument>().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null)
        {
            return NotFound();
        }
        var outcome = await custody.CloseAsync(doc, Close.Action, Close.Reason, Close.Version, ct);
        return await AfterAsync(id, outcome, t["{0} is now recorded as {1}.", doc.Number, t[TravelDocumentLabels.Of(doc.Status)].Value].Value);
    }

    private async Task<IActionResult> AfterAsync(Guid id, CustodyOutcome outcome, string done)
    {
        if (outcome.Succeeded)
        {
            TempData["Status"] = done;
            return Redirect($"/TravelDocuments/Details/{id}");
        }
        ModelState.Clear();
        ModelState.AddAll("Close", outcome.Errors, t);
        db.ChangeTracker.Clear();
        return await LoadAsync(id) ? Page() : NotFound();
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
        Status = doc.StatusOn(custody.Today);
        DaysOverdue = doc.DaysOverdue(custody.Today);
        Close.Version = doc.Version;
        Holder = await db.Set<StaffMember>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == doc.HolderId, ct);
        Unit = Holder?.UnitId is { } unitId ? await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct) : null;
        Ledger = await db.Set<CustodyEntry>().AsNoTracking().Where(e => e.DocumentId == id).OrderBy(e => e.AtUtc).ToListAsync(ct);
        var tripIds = Ledger.Where(e => e.TripId != null).Select(e => e.TripId!.Value).Distinct().ToList();
        Trips = await db.Set<Trip>().AsNoTracking().Where(x => tripIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Title, ct);
        return true;
    }
}
