using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Partners;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Visits;

/// <summary>A visit with its delegation, agenda, budget and gifts, its approval history, and the
/// actions its state allows: submit, delete a draft, withdraw a returned request, cancel an approved visit.</summary>
public sealed class DetailsModel(AppDbContext db, TimeProvider clock, VisitWriter writer, VisitApproval approval,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public Visit Visit { get; private set; } = null!;
    public Dictionary<Guid, StaffMember> People { get; private set; } = [];
    public Dictionary<Guid, string> PartnerNames { get; private set; } = [];
    public OrgUnit? Unit { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanWithdraw { get; private set; }
    public bool CanCancel { get; private set; }
    public List<Platform.Workflow.WorkflowEntry> Timeline { get; private set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var access = await VisitAccess.ForAsync(db, User, ct);
        var visit = await VisitWriter.LoadAsync(access.Visible(db).AsNoTracking(), id, ct);
        if (visit is null)
        {
            return NotFound();
        }
        Visit = visit;
        CanEdit = access.CanEdit(visit);
        CanWithdraw = access.CanWithdraw(visit);
        CanCancel = access.CanCancel(visit, VisitsSetup.Today(clock));
        if (visit.CaseId is { } caseId)
        {
            Timeline = await Platform.Workflow.WorkflowQueries.TimelineAsync(db, caseId, ct);
        }
        var ids = visit.Agenda.SelectMany(a => a.Attendees).Select(a => a.StaffMemberId).ToList();
        if (visit.HostContactId is { } contact)
        {
            ids.Add(contact);
        }
        People = await db.Set<StaffMember>().AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var partnerIds = visit.Members.Select(m => m.PartnerId).Append(visit.PartnerId).OfType<Guid>().ToList();
        PartnerNames = await db.Set<Partner>().AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.NameEn, ct);
        Unit = await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == visit.UnitId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, long version)
    {
        var ct = HttpContext.RequestAborted;
        var access = await VisitAccess.ForAsync(db, User, ct);
        var visit = await VisitWriter.LoadAsync(access.Visible(db), id, ct);
        if (visit is null)
        {
            return NotFound();
        }
        if (!access.CanEdit(visit))
        {
            return Back(id, "Only a draft or a returned request can be submitted, by its filer, the host unit's secretary or a global relations officer.");
        }
        if (visit.Version != version)
        {
            return Back(id, FormErrors.StaleEdit);
        }
        var errors = await writer.CheckSubmissionAsync(visit, ct);
        if (errors.Count > 0)
        {
            TempData["Error"] = t["The visit cannot be submitted yet: {0}", string.Join(" ", errors.Select(e => FormErrors.Localize(e, t)))].Value;
            return Redirect($"/Visits/Details/{id}");
        }
        var result = await approval.SubmitAsync(id, access.UserId, ct);
        if (!result.Succeeded)
        {
            return Back(id, result.Message ?? Platform.Workflow.WorkflowMachine.ConflictMessage, VisitLabels.Of(visit.State));
        }
        TempData["Status"] = t["The visit request was submitted."].Value;
        return Redirect($"/Visits/Details/{id}");
    }

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, long version) =>
        EndAsync(id, version, VisitState.Withdrawn, (a, v) => a.CanWithdraw(v),
            "Only a request returned for revision can be withdrawn (ask the approver to return it first), by its filer, the host unit's secretary or a global relations officer.",
            "The visit request was withdrawn.");

    public Task<IActionResult> OnPostCancelAsync(Guid id, long version) =>
        EndAsync(id, version, VisitState.Cancelled, (a, v) => a.CanCancel(v, VisitsSetup.Today(clock)),
            "Only an approved visit that has not begun can be cancelled, by its filer, the host unit's secretary or a global relations officer.",
            "The visit was cancelled.");

    private async Task<IActionResult> EndAsync(Guid id, long version, VisitState state, Func<VisitAccess, Visit, bool> allowed, string refusal, string done)
    {
        var ct = HttpContext.RequestAborted;
        var access = await VisitAccess.ForAsync(db, User, ct);
        var visit = await access.Visible(db).FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null)
        {
            return NotFound();
        }
        if (!allowed(access, visit))
        {
            return Back(id, refusal);
        }
        var reason = Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 2000)
        {
            return Back(id, "Give the reason (at most 2,000 characters).");
        }
        db.ExpectVersion(visit, version);
        visit.State = state;
        visit.CancelledReason = reason;
        visit.DecidedUtc = clock.GetUtcNow().UtcDateTime;
        if (await db.TrySaveAsync(ct) is not null)
        {
            return Back(id, FormErrors.StaleEdit);
        }
        TempData["Status"] = t[done].Value;
        return Redirect($"/Visits/Details/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, long version)
    {
        var ct = HttpContext.RequestAborted;
        var access = await VisitAccess.ForAsync(db, User, ct);
        var visit = await VisitWriter.LoadAsync(access.Visible(db), id, ct);
        if (visit is null)
        {
            return NotFound();
        }
        if (visit.State != VisitState.Draft || !access.CanEdit(visit))
        {
            return Back(id, "Only a draft can be deleted, by its filer, the host unit's secretary or a global relations officer.");
        }
        db.ExpectVersion(visit, version);
        db.Remove(visit);
        if (await db.TrySaveAsync(ct) is not null)
        {
            return Back(id, FormErrors.StaleEdit);
        }
        TempData["Status"] = t["The draft was deleted."].Value;
        return Redirect("/Visits");
    }

    private RedirectResult Back(Guid id, string message, params object[] arguments)
    {
        TempData["Error"] = t[message, [.. arguments.Select(a => a is string s ? (object)t[s].Value : a)]].Value;
        return Redirect($"/Visits/Details/{id}");
    }
}
