using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Partners;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Localization;

namespace Waishi.Web.Features.Agreements.Mobilities;

/// <summary>Records a mobility by hand under an agreement in force.</summary>
[Authorize(Policy = Policies.PartnersEditor)]
public sealed class RecordModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public MobilityInput Form { get; set; } = new();

    public Agreement Agreement { get; private set; } = null!;
    public List<(Guid Id, string Name)> Partners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid agreementId)
    {
        if (!await LoadAsync(agreementId))
        {
            return NotFound();
        }
        if (!Agreement.IsInForce)
        {
            ModelState.AddModelError("", t["Mobilities can be recorded only under an agreement in force (active or expiring)."]);
        }
        Form.PartnerId = Partners.Count == 1 ? Partners[0].Id : null;
        var today = TripsSetup.Today(clock);
        Form.Year = today.Month >= 9 ? today.Year : today.Year - 1;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid agreementId)
    {
        var ct = HttpContext.RequestAborted;
        if (!await LoadAsync(agreementId))
        {
            return NotFound();
        }
        ModelState.Clear();
        ModelState.AddAll("Form", Form.Validate(Agreement), t);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var policy = await AgreementPolicy.LoadAsync(db, ct);
        db.Add(Form.Create(Agreement, policy, TripsSetup.Today(clock), clock.GetUtcNow().UtcDateTime, User.GetUserId()!.Value));
        if (await db.TrySaveAsync(ct) is not null)
        {
            ModelState.AddModelError("", t[FormErrors.StaleEdit]);
            await LoadAsync(agreementId);
            return Page();
        }
        TempData["Status"] = t["The mobility of {0} was recorded.", Form.PersonName!].Value;
        return Redirect($"/Agreements/Mobilities?Filter.AgreementId={agreementId}");
    }

    private async Task<bool> LoadAsync(Guid agreementId)
    {
        var ct = HttpContext.RequestAborted;
        if (await MobilityInput.LoadAgreementAsync(db, agreementId, ct) is not { } agreement)
        {
            return false;
        }
        Agreement = agreement;
        var ids = agreement.Parties.Select(p => p.PartnerId).ToList();
        var chinese = LocalizationSetup.IsChinese;
        var partners = await db.Set<Partner>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        Partners = [.. agreement.Parties.OrderBy(p => p.SortOrder).Where(p => partners.ContainsKey(p.PartnerId))
            .Select(p => (p.PartnerId, partners[p.PartnerId].DisplayName(chinese)))];
        return true;
    }
}
