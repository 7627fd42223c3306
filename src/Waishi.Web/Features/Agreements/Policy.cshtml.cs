using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Agreements;

/// <summary>The agreement policy of the tenant: its EWP HEI id, when agreements turn "expiring",
/// the reminder points and the dormant period. Tenant admins and the director keep it.</summary>
[Authorize(Policy = Policies.Partners)]
public sealed class PolicyModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class PolicyInput
    {
        public string? EwpHeiId { get; set; }
        public int ExpiringDays { get; set; }
        public string? ReminderDays { get; set; }
        public int DormantYears { get; set; }
        public long Version { get; set; }
    }

    [BindProperty]
    public PolicyInput Form { get; set; } = new();

    private bool MayEdit => User.HasAnyRole(Roles.TenantAdmin, Roles.Director);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!MayEdit)
        {
            return Forbid();
        }
        var policy = await AgreementPolicy.LoadAsync(db, HttpContext.RequestAborted);
        Form = new PolicyInput
        {
            EwpHeiId = policy.EwpHeiId, ExpiringDays = policy.ExpiringDays, ReminderDays = policy.ReminderDays,
            DormantYears = policy.DormantYears, Version = policy.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!MayEdit)
        {
            return Forbid();
        }
        var ct = HttpContext.RequestAborted;
        var policy = await db.Set<AgreementPolicy>().FirstOrDefaultAsync(ct);
        ModelState.Clear();
        if ((policy?.Version ?? 0) != Form.Version)
        {
            ModelState.AddModelError("", t[FormErrors.StaleEdit]);
        }
        var candidate = new AgreementPolicy
        {
            EwpHeiId = string.IsNullOrWhiteSpace(Form.EwpHeiId) ? null : Form.EwpHeiId.Trim().ToLowerInvariant(),
            ExpiringDays = Form.ExpiringDays, ReminderDays = Form.ReminderDays?.Trim() ?? "", DormantYears = Form.DormantYears,
        };
        ModelState.AddAll("Form", AgreementLifecyclePolicy.Validate(candidate), t);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (policy is null)
        {
            policy = new AgreementPolicy();
            db.Add(policy);
        }
        else
        {
            db.ExpectVersion(policy, Form.Version);
        }
        policy.EwpHeiId = candidate.EwpHeiId;
        policy.ExpiringDays = candidate.ExpiringDays;
        policy.ReminderDays = string.Join(",", candidate.ReminderDayList);
        policy.DormantYears = candidate.DormantYears;
        if (await db.TrySaveAsync(ct) is not null)
        {
            ModelState.AddModelError("", t[FormErrors.StaleEdit]);
            return Page();
        }
        TempData["Status"] = t["The agreement policy was saved."].Value;
        return Redirect("/Agreements/Policy");
    }
}
