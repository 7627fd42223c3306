using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Trips;

public sealed class DetailsModel(AppDbContext db, TimeProvider clock, Platform.Documents.DocumentRegister documents,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : PageModel
{
    public Trip Trip { get; private set; } = null!;
    public Dictionary<Guid, StaffMember> People { get; private set; } = [];
    public OrgUnit? Unit { get; private set; }
    public TripLetter? Letter { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanAmend { get; private set; }
    public List<Platform.Workflow.WorkflowEntry> Timeline { get; private set; } = [];
    public List<TripAmendment> Amendments { get; private set; } = [];
    public string? PlanLine { get; private set; }
    public bool CanWithdraw { get; private set; }

    [BindProperty]
    public string? WithdrawReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var access = await TripAccess.ForAsync(db, User, ct);
        var trip = await EditModel.LoadAsync(db, access.Visible(db).AsNoTracking(), id, ct);
        if (trip is null)
        {
            return NotFound();
        }
        Trip = trip;
        CanEdit = access.CanEdit(trip);
        Amendments = await db.Set<TripAmendment>().AsNoTracking().Where(a => a.TripId == id).OrderBy(a => a.Sequence).ToListAsync(ct);
        CanAmend = access.CanAmend(trip);
        CanWithdraw = access.CanWithdraw(trip, TripsSetup.Today(clock));
        if (trip.PlanItemId is { } lineId)
        {
            PlanLine = await db.Set<OutboundPlans.OutboundPlanLine>().AsNoTracking().Where(l => l.Id == lineId)
                .Join(db.Set<OutboundPlans.OutboundPlan>(), l => l.PlanId, p => p.Id, (l, p) => p.Year + "-" + l.Month + " · " + l.Purpose)
                .FirstOrDefaultAsync(ct);
        }
        if (trip.CaseId is { } caseId)
        {
            Timeline = await Platform.Workflow.WorkflowQueries.TimelineAsync(db, caseId, ct);
        }
        var amended = Amendments.SelectMany(a => TripTerms.FromJson(a.Before).Members.Concat(TripTerms.FromJson(a.After).Members))
            .Select(m => m.StaffMemberId);
        var ids = trip.Members.Select(m => m.StaffMemberId).Append(trip.ApplicantId).Concat(amended).Distinct().ToList();
        People = await db.Set<StaffMember>().AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        Unit = await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == trip.UnitId, ct);
        // The letter's bytes stay in the database until it is downloaded.
        Letter = await db.Set<TripLetter>().AsNoTracking().Where(l => l.TripId == id)
            .Select(l => new TripLetter { Id = l.Id, FileName = l.FileName, ContentType = l.ContentType, Size = l.Size, UploadedUtc = l.UploadedUtc })
            .FirstOrDefaultAsync(ct);
        return Page();
    }

    /// <summary>Withdraws a trip in publicity (an objection) or approved and not yet departed; its
    /// approval document, if issued, then verifies as revoked.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, long version)
    {
        var ct = HttpContext.RequestAborted;
        var access = await TripAccess.ForAsync(db, User, ct);
        var trip = await access.Visible(db).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (trip is null)
        {
            return NotFound();
        }
        if (!access.CanWithdraw(trip, TripsSetup.Today(clock)))
        {
            TempData["Error"] = t["Only a trip in publicity, or approved and not yet departed, can be withdrawn, by its filer, its applicant or an exit officer."].Value;
            return Redirect($"/Trips/Details/{id}");
        }
        var reason = WithdrawReason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 2000)
        {
            TempData["Error"] = t["Give the reason for withdrawing the trip (at most 2,000 characters)."].Value;
            return Redirect($"/Trips/Details/{id}");
        }
        db.ExpectVersion(trip, version);
        trip.State = TripState.Withdrawn;
        trip.WithdrawnReason = reason;
        await documents.RevokeAsync(db, Platform.Documents.DocumentKinds.TripApproval, trip.Id, ct);
        if (await db.TrySaveAsync(ct) is not null)
        {
            TempData["Error"] = t[FormErrors.StaleEdit].Value;
            return Redirect($"/Trips/Details/{id}");
        }
        TempData["Status"] = t["The trip was withdrawn."].Value;
        return Redirect($"/Trips/Details/{id}");
    }

    /// <summary>The invitation letter, to those who may see the trip.</summary>
    public async Task<IActionResult> OnGetLetterAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var access = await TripAccess.ForAsync(db, User, ct);
        if (!await access.Visible(db).AnyAsync(t => t.Id == id, ct))
        {
            return NotFound();
        }
        var letter = await db.Set<TripLetter>().AsNoTracking().FirstOrDefaultAsync(l => l.TripId == id, ct);
        return letter is null ? NotFound() : File(letter.Content, letter.ContentType, letter.FileName);
    }
}
