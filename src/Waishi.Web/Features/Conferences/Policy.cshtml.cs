using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Conferences;

/// <summary>The conference policy of the tenant: lead times, the city's thresholds, the plan and
/// summary dates. Tenant admins and the director keep it.</summary>
[Authorize(Policy = Policies.Conferences)]
public sealed class PolicyModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class PolicyInput
    {
        public int LeadMonths { get; set; }
        public int LeadMonthsWithNgo { get; set; }
        public int CityTotalThreshold { get; set; }
        public int CityForeignThreshold { get; set; }
        public string? SensitiveKeywords { get; set; }
        public int PlanDueMonth { get; set; }
        public int PlanReminderMonth { get; set; }
        public int SummaryDueDays { get; set; }
        public long Version { get; set; }
    }

    [BindProperty]
    public PolicyInput Form { get; set; } = new();

    private bool MayEdit => User.HasAnyRole(ConferencesSetup.PolicyRoles);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!MayEdit)
        {
            return Forbid();
        }
        var p = await ConferencePolicy.LoadAsync(db, HttpContext.RequestAborted);
        Form = new PolicyInput
        {
            LeadMonths = p.LeadMonths, LeadMonthsWithNgo = p.LeadMonthsWithNgo, CityTotalThreshold = p.CityTotalThreshold,
            CityForeignThreshold = p.CityForeignThreshold, SensitiveKeywords = p.SensitiveKeywords, PlanDueMonth = p.PlanDueMonth,
            PlanReminderMonth = p.PlanReminderMonth, SummaryDueDays = p.SummaryDueDays, Version = p.Version,
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
        var policy = await db.Set<ConferencePolicy>().FirstOrDefaultAsync(ct);
        ModelState.Clear();
        if ((policy?.Version ?? 0) != Form.Version)
        {
            ModelState.AddModelError("", t[StaleEdit.Message]);
            return Page();
        }
        var candidate = new ConferencePolicy
        {
            LeadMonths = Form.LeadMonths, LeadMonthsWithNgo = Form.LeadMonthsWithNgo, CityTotalThreshold = Form.CityTotalThreshold,
            CityForeignThreshold = Form.CityForeignThreshold, SensitiveKeywords = string.Join(",", (Form.SensitiveKeywords ?? "")
                .Split([',', '，', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            PlanDueMonth = Form.PlanDueMonth, PlanReminderMonth = Form.PlanReminderMonth, SummaryDueDays = Form.SummaryDueDays,
        };
        ModelState.AddAll("Form", candidate.Validate(), t);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (policy is null)
        {
            policy = new ConferencePolicy();
            db.Add(policy);
        }
        else
        {
            db.ExpectVersion(policy, Form.Version);
        }
        policy.LeadMonths = candidate.LeadMonths;
        policy.LeadMonthsWithNgo = candidate.LeadMonthsWithNgo;
        policy.CityTotalThreshold = candidate.CityTotalThreshold;
        policy.CityForeignThreshold = candidate.CityForeignThreshold;
        policy.SensitiveKeywords = candidate.SensitiveKeywords;
        policy.PlanDueMonth = candidate.PlanDueMonth;
        policy.PlanReminderMonth = candidate.PlanReminderMonth;
        policy.SummaryDueDays = candidate.SummaryDueDays;
        if (await db.TrySaveAsync(ct) is not null)
        {
            ModelState.AddModelError("", t[StaleEdit.Message]);
            return Page();
        }
        TempData["Status"] = t["The conference policy was saved."].Value;
        return Redirect("/Conferences/Policy");
    }
}
