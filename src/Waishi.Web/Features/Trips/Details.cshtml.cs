using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Trips;

public sealed class DetailsModel(AppDbContext db) : PageModel
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
