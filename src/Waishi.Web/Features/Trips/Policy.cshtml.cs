using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Trips;

/// <summary>The tenant admin's page for the trip policy values.</summary>
[Authorize(Policy = Policies.TenantAdmin)]
public sealed class PolicyModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class LimitInput
    {
        public TripType Type { get; set; }
        public int MaxCountries { get; set; }
        public int MaxDays { get; set; }
    }

    public sealed class PolicyInput
    {
        public int LeadTimeDays { get; set; }
        public int TripsPerPersonPerYear { get; set; }
        public int UnitLockOverdueDays { get; set; }
        public int PublicityWorkingDays { get; set; }
        public int ReportDueDays { get; set; }
        public int DocumentReturnDays { get; set; }
        public long Version { get; set; }
        public List<LimitInput> Limits { get; set; } = [];
    }

    [BindProperty]
    public PolicyInput Form { get; set; } = new();

    public async Task OnGetAsync()
    {
        var policy = await TripPolicy.LoadAsync(db, HttpContext.RequestAborted);
        Form = new PolicyInput
        {
            LeadTimeDays = policy.LeadTimeDays, TripsPerPersonPerYear = policy.TripsPerPersonPerYear,
            UnitLockOverdueDays = policy.UnitLockOverdueDays, PublicityWorkingDays = policy.PublicityWorkingDays,
            ReportDueDays = policy.ReportDueDays, DocumentReturnDays = policy.DocumentReturnDays, Version = policy.Version,
            Limits = [.. Enum.GetValues<TripType>().Select(type => new LimitInput
            {
                Type = type, MaxCountries = policy.LimitFor(type).MaxCountries, MaxDays = policy.LimitFor(type).MaxDays,
            })],
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var policy = await db.Set<TripPolicy>().Include(p => p.Limits).FirstOrDefaultAsync(ct);
        if ((policy?.Version ?? 0) != Form.Version)
        {
            ModelState.AddModelError("", t[FormErrors.StaleEdit]);
        }
        Range("LeadTimeDays", Form.LeadTimeDays, 0, 365, "Lead time (days)");
        Range("TripsPerPersonPerYear", Form.TripsPerPersonPerYear, 1, 50, "Trips per person per year");
        Range("UnitLockOverdueDays", Form.UnitLockOverdueDays, 1, 365, "Unit lock after days overdue");
        Range("PublicityWorkingDays", Form.PublicityWorkingDays, 0, 30, "Publicity period (working days)");
        Range("ReportDueDays", Form.ReportDueDays, 1, 180, "Trip report due (days after return)");
        Range("DocumentReturnDays", Form.DocumentReturnDays, 0, 90, "Travel documents due back (days after return)");
        for (var i = 0; i < Form.Limits.Count; i++)
        {
            Range($"Limits[{i}].MaxCountries", Form.Limits[i].MaxCountries, 1, 50, "Countries or regions at most");
            Range($"Limits[{i}].MaxDays", Form.Limits[i].MaxDays, 1, 730, "Days at most");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (policy is null)
        {
            policy = TripPolicy.Defaults();
            db.Add(policy);
        }
        else
        {
            db.ExpectVersion(policy, Form.Version);
            db.Entry(policy).Property(p => p.LeadTimeDays).IsModified = true;
        }
        policy.LeadTimeDays = Form.LeadTimeDays;
        policy.TripsPerPersonPerYear = Form.TripsPerPersonPerYear;
        policy.UnitLockOverdueDays = Form.UnitLockOverdueDays;
        policy.PublicityWorkingDays = Form.PublicityWorkingDays;
        policy.ReportDueDays = Form.ReportDueDays;
        policy.DocumentReturnDays = Form.DocumentReturnDays;
        foreach (var input in Form.Limits.Where(l => Enum.IsDefined(l.Type)))
        {
            var limit = policy.Limits.FirstOrDefault(l => l.Type == input.Type);
            if (limit is null)
            {
                limit = new TripTypeLimit { Type = input.Type };
                policy.Limits.Add(limit);
            }
            limit.MaxCountries = input.MaxCountries;
            limit.MaxDays = input.MaxDays;
        }
        if (await db.TrySaveAsync(ct) is not null)
        {
            ModelState.AddModelError("", t[FormErrors.StaleEdit]);
            return Page();
        }
        TempData["Status"] = t["The trip policy was saved."].Value;
        return Redirect("/Trips/Policy");
    }

    private void Range(string field, int value, int min, int max, string label)
    {
        if (value < min || value > max)
        {
            ModelState.AddModelError("Form." + field, t["{0} must be between {1} and {2}; it is {3}.", t[label].Value, min, max, value]);
        }
    }
}
