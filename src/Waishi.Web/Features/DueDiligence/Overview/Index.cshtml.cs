using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.DueDiligence.Profiles;
using Waishi.Web.Features.DueDiligence.Reviews;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.DueDiligence.Overview;

/// <summary>
/// The tenant's due diligence at a glance: open and decided screening reviews, partners by the risk
/// level of their linked profiles, and the agreements and trips that involve high or very high risk
/// institutions (each with its own filtered, exportable list).
/// </summary>
[Authorize(Policy = Policies.DueDiligenceOverview)]
public sealed class IndexModel(AppDbContext db, HighRisk risk, IAuthorizationService authorization) : PageModel
{
    public const int Recent = 10;

    public int OpenCount { get; private set; }
    public ScreeningReview? OldestOpen { get; private set; }
    public Dictionary<ScreeningReviewState, int> Decided { get; private set; } = [];
    public List<ScreeningReview> RecentDecided { get; private set; } = [];
    /// <summary>Partners with a linked profile, per level of the profile (most severe first).</summary>
    public List<(RiskLevel Level, int Partners)> PartnersByLevel { get; private set; } = [];
    public int AgreementCount { get; private set; }
    public int TripCount { get; private set; }
    public bool Decides { get; private set; }

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var reviews = db.Set<ScreeningReview>().AsNoTracking();
        var byState = await reviews.GroupBy(r => r.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(ct);
        OpenCount = byState.Where(s => s.State == ScreeningReviewState.Open).Sum(s => s.Count);
        Decided = byState.Where(s => s.State != ScreeningReviewState.Open).ToDictionary(s => s.State, s => s.Count);
        OldestOpen = await reviews.Where(r => r.State == ScreeningReviewState.Open).OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id).FirstOrDefaultAsync(ct);
        RecentDecided = await reviews.Where(r => r.State != ScreeningReviewState.Open && r.DecidedUtc != null)
            .OrderByDescending(r => r.DecidedUtc).ThenBy(r => r.Id).Take(Recent).ToListAsync(ct);
        var levels = await db.Set<InstitutionProfile>().AsNoTracking().Where(p => p.PartnerId != null)
            .GroupBy(p => p.RiskLevel).Select(g => new { Level = g.Key, Partners = g.Select(p => p.PartnerId).Distinct().Count() }).ToListAsync(ct);
        PartnersByLevel = [.. Enum.GetValues<RiskLevel>().Reverse().Select(l => (l, levels.FirstOrDefault(x => x.Level == l)?.Partners ?? 0))];
        AgreementCount = await risk.Agreements(null).CountAsync(ct);
        TripCount = await risk.Trips(null).CountAsync(ct);
        Decides = (await authorization.AuthorizeAsync(User, Policies.ScreeningReviews)).Succeeded;
    }
}
