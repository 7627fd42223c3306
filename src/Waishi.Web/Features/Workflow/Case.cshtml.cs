using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Features.Workflow;

/// <summary>A case with its chain, timeline and the decision form of whoever may act on it now.
/// The authority sees only what was referred to it: the summary, not the institution's timeline.</summary>
public sealed class CaseModel(AppDbContext db, WorkflowEngine engine, TenantContext tenant, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class DecisionForm
    {
        public string? Action { get; set; }
        public int Step { get; set; }
        public long Version { get; set; }
        [StringLength(2000, ErrorMessage = "The comment is too long: at most {1} characters.")]
        public string? Comment { get; set; }
        public Guid? DelegateTo { get; set; }
        /// <summary>New for each rendering of the form: a double click or a resent POST repeats it.</summary>
        public string? Key { get; set; }
    }

    public static readonly WorkflowAction[] FormActions =
        [WorkflowAction.Approve, WorkflowAction.Return, WorkflowAction.Reject, WorkflowAction.Comment, WorkflowAction.Delegate, WorkflowAction.Resubmit];

    [BindProperty]
    public DecisionForm Form { get; set; } = new();

    public WorkflowCase Case { get; private set; } = null!;
    public List<StepDefinition> Steps { get; private set; } = [];
    public List<WorkflowEntry> Timeline { get; private set; } = [];
    public bool Referred { get; private set; }
    public string? SourceTenant { get; private set; }
    public bool MayDecide { get; private set; }
    public bool IsApplicant { get; private set; }
    public List<Holder> Delegates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Form = new DecisionForm { Step = Case.Step, Version = Case.Version, Key = Guid.NewGuid().ToString("N") };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var me = User.GetUserId()!.Value;
        if (!Enum.TryParse<WorkflowAction>(Form.Action, out var action) || !FormActions.Contains(action))
        {
            ModelState.AddModelError("Form.Action", t["Choose what to do: approve, return, reject, comment, delegate or resubmit."]);
        }
        if (action == WorkflowAction.Resubmit && await engine.FindAsync(id, HttpContext.RequestAborted) is { SubjectId: not null, Link: { } link })
        {
            // A module's case is revised where its record is, so that the module's checks run again.
            ModelState.AddModelError("", t["Revise and resubmit it on its own page: {0}", link]);
        }
        if (ModelState.IsValid)
        {
            var result = await engine.DecideAsync(id, new CaseDecision(action, me, Form.Step, Form.Version, Form.Comment, Form.DelegateTo, null, Form.Key),
                HttpContext.RequestAborted);
            if (result.Status == DecisionStatus.NotFound)
            {
                return NotFound();
            }
            if (result.Succeeded)
            {
                TempData["Message"] = t["Saved: {0}.", t[CaseTypes.Label(action)].Value].Value;
                return Redirect($"/Workflow/Case/{id}");
            }
            ModelState.AddModelError(result.Status == DecisionStatus.Invalid && action is WorkflowAction.Return or WorkflowAction.Comment ? "Form.Comment" : "",
                t[result.Message ?? WorkflowMachine.ConflictMessage]);
        }
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var c = await engine.FindAsync(id, HttpContext.RequestAborted);
        if (c is null)
        {
            return false;
        }
        db.Entry(c).State = EntityState.Detached;
        Case = c;
        var me = User.GetUserId()!.Value;
        Referred = c.TenantId != tenant.TenantId;
        Steps = await WorkflowChains.StepsAsync(db, c.ChainVersionId);
        if (!await WorkflowAccess.CanViewAsync(db, User, c, Steps))
        {
            return false;
        }
        if (Referred)
        {
            var referral = await db.Set<WorkflowReferral>().AsNoTracking().SingleAsync(r => r.CaseId == id);
            SourceTenant = referral.SourceTenantName;
            Steps = [.. Steps.Where(s => s.Scope == StepScope.Authority)];
        }
        else
        {
            Timeline = await WorkflowQueries.TimelineAsync(db, id);
        }
        IsApplicant = c.ApplicantUserId == me;
        var current = Steps.FirstOrDefault(s => s.Position == c.Step);
        if (c.State == CaseState.InProgress && current is not null && !IsApplicant)
        {
            MayDecide = c.DelegateUserId is { } d ? d == me : await WorkflowHolders.HoldsAsync(db, me, current, c);
            if (MayDecide)
            {
                Delegates = [.. (await WorkflowHolders.OfAsync(db, current, c)).Where(h => h.UserId != me && h.UserId != c.ApplicantUserId)];
            }
        }
        return true;
    }
}
