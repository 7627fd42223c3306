using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Features.Workflow.Chains;

/// <summary>Edits the steps of one chain. Saving adds a version; nothing of the old one changes.</summary>
public sealed class EditModel(AppDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>Empty rows offered after the existing steps, for adding steps.</summary>
    public const int SpareRows = 3;

    public string CaseType { get; private set; } = "";

    /// <summary>The version the form was filled from (0: the default, never saved).</summary>
    [BindProperty]
    public int BaseVersion { get; set; }

    [BindProperty]
    public List<StepInput> Steps { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string caseType)
    {
        if (!CaseTypes.IsKnown(caseType))
        {
            return NotFound();
        }
        CaseType = caseType;
        var chain = await db.Set<WorkflowChain>().AsNoTracking().FirstOrDefaultAsync(c => c.CaseType == caseType);
        BaseVersion = chain?.CurrentVersion ?? 0;
        var steps = chain is null
            ? CaseTypes.DefaultChain(caseType)
            : await WorkflowChains.StepsAsync(db, await db.Set<WorkflowChainVersion>()
                .Where(v => v.ChainId == chain.Id && v.Number == chain.CurrentVersion).Select(v => v.Id).SingleAsync());
        Steps = [.. steps.Select(s => new StepInput
        {
            Order = s.Position, Role = s.Role, Scope = s.Scope, Condition = s.Condition, Threshold = s.Threshold, DeadlineDays = s.DeadlineDays,
        })];
        AddSpareRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string caseType)
    {
        if (!CaseTypes.IsKnown(caseType))
        {
            return NotFound();
        }
        CaseType = caseType;
        if (ModelState.IsValid)
        {
            foreach (var error in ChainRules.Check(Steps))
            {
                ModelState.AddModelError(error.Field, FormErrors.Localize(error, t));
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var chain = await db.Set<WorkflowChain>().FirstOrDefaultAsync(c => c.CaseType == caseType);
        if ((chain?.CurrentVersion ?? 0) != BaseVersion)
        {
            ModelState.AddModelError("", t[StaleEdit.Message]);
            return Page();
        }
        WorkflowChains.AddVersion(db, tenant.TenantId!.Value, caseType, chain, ChainRules.ToSteps(Steps), User.Identity?.Name ?? "");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Someone saved this chain in between (its version, or the first version of a new chain).
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", t[StaleEdit.Message]);
            return Page();
        }
        TempData["Message"] = t["The chain was saved as version {0}.", BaseVersion + 1].Value;
        return Redirect("/Workflow/Chains");
    }

    private void AddSpareRows()
    {
        var next = Steps.Count;
        for (var i = 0; i < SpareRows; i++)
        {
            Steps.Add(new StepInput { Order = ++next });
        }
    }

    public static IEnumerable<string> RoleChoices => [.. Roles.Institution.Where(r => r is not (Roles.Student or Roles.Applicant)), .. ChainRules.AuthorityRoles];
}
