using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.DueDiligence.Profiles;
using Waishi.Web.Features.DueDiligence.Reviews;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.DueDiligence.Overview;

/// <summary>
/// On the partner page: the risk level of each profile linked to the partner (a badge linking to the
/// profile, for those who read due diligence) and the partner's open screening hits (for those who
/// may see screening; the security officer and the director get the link to decide).
/// </summary>
public sealed class PartnerDueDiligenceViewComponent(AppDbContext db, IAuthorizationService authorization) : ViewComponent
{
    public sealed record LinkedProfile(Guid Id, string NameEn, RiskLevel RiskLevel, string? RiskRationale);

    public sealed record Model(IReadOnlyList<LinkedProfile> Profiles, IReadOnlyList<ScreeningReview> OpenHits);

    public async Task<IViewComponentResult> InvokeAsync(Guid partnerId)
    {
        var ct = HttpContext.RequestAborted;
        List<LinkedProfile> profiles = [];
        List<ScreeningReview> hits = [];
        if ((await authorization.AuthorizeAsync(HttpContext.User, DueDiligenceSetup.ReaderPolicy)).Succeeded)
        {
            profiles = await db.Set<InstitutionProfile>().AsNoTracking().Where(p => p.PartnerId == partnerId)
                .OrderBy(p => p.NameEn).Select(p => new LinkedProfile(p.Id, p.NameEn, p.RiskLevel, p.RiskRationale)).ToListAsync(ct);
        }
        if ((await authorization.AuthorizeAsync(HttpContext.User, Policies.Screening)).Succeeded)
        {
            hits = await db.Set<ScreeningReview>().AsNoTracking()
                .Where(r => r.SubjectType == ScreeningSubjects.Partner && r.SubjectId == partnerId && r.State == ScreeningReviewState.Open)
                .OrderByDescending(r => r.Score).ThenBy(r => r.Id).ToListAsync(ct);
        }
        return profiles.Count == 0 && hits.Count == 0
            ? Content("")
            : View("/Features/DueDiligence/Overview/_PartnerDueDiligence.cshtml", new Model(profiles, hits));
    }
}
