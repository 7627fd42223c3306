using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Partners;
using Waishi.Web.Features.People;
using Waishi.Web.Features.PartnerStats;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence.Profiles;

/// <summary>
/// Every field of a profile, the linked partner's agreements and trips beside the risk, and (for the
/// security officer and the director) the risk level form, which needs a rationale and a source.
/// </summary>
public sealed class DetailsModel(AppDbContext db, ProfileWriter writer, IAuthorizationService authorization, IStringLocalizer<SharedResource> t,
    IEnumerable<IPartnerHistorySource> history) : PageModel
{
    public InstitutionProfile Profile { get; private set; } = null!;
    public Partner? Partner { get; private set; }
    /// <summary>The partner's records (agreements, trips, and whatever other module reports partner history), one per record.</summary>
    public List<PartnerRecord> Records { get; private set; } = [];
    public bool Edits { get; private set; }

    [BindProperty]
    public RiskChange Risk { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Risk = new RiskChange { Level = Profile.RiskLevel == RiskLevel.Unrated ? null : Profile.RiskLevel, Rationale = Profile.RiskRationale, SourceId = Profile.RiskSourceId, Version = Profile.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostRiskAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        if (!(await authorization.AuthorizeAsync(User, DueDiligenceSetup.EditorPolicy)).Succeeded)
        {
            return Forbid();
        }
        var profile = await writer.LoadAsync(id, ct);
        if (profile is null)
        {
            return NotFound();
        }
        ModelState.Clear();
        if (profile.Version != Risk.Version)
        {
            ModelState.AddModelError("", t[StaleEdit.Message]);
        }
        else
        {
            ModelState.AddAll("Risk", Risk.Validate(profile), t);
        }
        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id);
            return Page();
        }
        Risk.ApplyTo(profile, ProfileWriter.ReviewerOf(User), writer.Today);
        ProfileChildren.Track(db, profile);
        db.ExpectVersion(profile, Risk.Version);
        if (await writer.SaveAsync(profile, screeningChanged: true, ct) is { } stale)
        {
            ModelState.AddModelError("", t[stale.Message]);
            await LoadAsync(id);
            return Page();
        }
        TempData["Status"] = t["The risk level of {0} is now {1}.", profile.NameEn, t[ProfileLabels.Of(profile.RiskLevel)]].Value;
        return Redirect($"/DueDiligence/Profiles/Details/{id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var profile = await db.Set<InstitutionProfile>().AsNoTracking().Include(p => p.Addresses).Include(p => p.Sources).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (profile is null)
        {
            return false;
        }
        Profile = profile;
        Edits = (await authorization.AuthorizeAsync(User, DueDiligenceSetup.EditorPolicy)).Succeeded;
        if (profile.PartnerId is { } partnerId)
        {
            Partner = await db.Set<Partner>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnerId, ct);
            Records = PartnerRecord.Of(await PartnerHistoryViewComponent.LoadAsync(history, partnerId, ct));
        }
        return true;
    }
}
