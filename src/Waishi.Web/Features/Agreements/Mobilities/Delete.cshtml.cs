using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Agreements.Mobilities;

/// <summary>Deletes a mobility entered by mistake (after a confirmation); the quota use follows.</summary>
[Authorize(Policy = Policies.PartnersEditor)]
public sealed class DeleteModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public AgreementMobility Mobility { get; private set; } = null!;

    [BindProperty]
    public long Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await db.Set<AgreementMobility>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, HttpContext.RequestAborted) is not { } mobility)
        {
            return NotFound();
        }
        Mobility = mobility;
        Version = mobility.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        if (await db.Set<AgreementMobility>().SingleOrDefaultAsync(m => m.Id == id, ct) is not { } mobility)
        {
            return NotFound();
        }
        Mobility = mobility;
        if (mobility.Version != Version)
        {
            ModelState.AddModelError("", t[FormErrors.StaleEdit]);
            Version = mobility.Version;
            return Page();
        }
        db.ExpectVersion(mobility, Version);
        db.Remove(mobility);
        if (await db.TrySaveAsync(ct) is not null)
        {
            ModelState.AddModelError("", t[FormErrors.StaleEdit]);
            return Page();
        }
        TempData["Status"] = t["The mobility of {0} was deleted.", mobility.PersonName].Value;
        return Redirect($"/Agreements/Mobilities?Filter.AgreementId={mobility.AgreementId}");
    }
}
