using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.DueDiligence.Profiles;
using Waishi.Web.Features.DueDiligence.Reviews;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Localization;
using Waishi.Web.Platform.Web;

namespace Waishi.Web.Features.DueDiligence.Overview;

/// <summary>Agreements with a party that is a high or very high risk institution; filters by level, state and
/// name, paging and export.</summary>
[Authorize(Policy = Policies.DueDiligenceOverview)]
public sealed class AgreementsModel(AppDbContext db, HighRisk risk, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 50;

    /// <summary>One agreement with its risky parties and why each is one.</summary>
    public sealed record Row(Agreement Agreement, IReadOnlyList<(Partner Partner, IReadOnlyList<RiskReason> Reasons)> Parties);

    [BindProperty(SupportsGet = true)]
    public RiskLevel? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public AgreementState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    private IQueryable<Agreement> Filtered()
    {
        var query = risk.Agreements(Level);
        if (State is { } state)
        {
            query = query.Where(a => a.State == state);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim().ToLower();
            var name = NameNormaliser.Normalise(Q);
            var named = db.Set<AgreementParty>().Join(db.Set<Partner>(), p => p.PartnerId, p => p.Id, (party, p) => new { party.AgreementId, p.SearchText })
                .Where(x => name.Length > 0 && x.SearchText.Contains(name)).Select(x => x.AgreementId);
            query = query.Where(a => a.Title.ToLower().Contains(text) || (a.Number != null && a.Number.ToLower().Contains(text)) || named.Contains(a.Id));
        }
        return query.OrderByDescending(a => a.CreatedUtc).ThenBy(a => a.Id);
    }

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Level = HighRisk.Normalise(Level);
        Total = await Filtered().CountAsync(ct);
        PageNo = Math.Clamp(PageNo, 1, PageCount);
        Rows = await RowsAsync(await Filtered().Skip((PageNo - 1) * PageSize).Take(PageSize).ToListAsync(ct), ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var ct = HttpContext.RequestAborted;
        Level = HighRisk.Normalise(Level);
        var rows = await RowsAsync(await Filtered().ToListAsync(ct), ct);
        var table = new ExportTable(
            [t["Number"], t["Title"], t["State"], t["Expires"], t["Partner"], t["Why"]],
            [.. rows.SelectMany(r => r.Parties.Select(p => (IReadOnlyList<string?>)
            [
                r.Agreement.Number, r.Agreement.Title, t[AgreementLabels.Of(r.Agreement.State)], r.Agreement.ExpiresOn?.ToString("yyyy-MM-dd"),
                p.Partner.NameEn, string.Join("; ", p.Reasons.Select(x => OverviewSetup.Describe(x, t))),
            ]))]);
        return ListExport.File(table, format, "high-risk-agreements");
    }

    /// <summary>The risky parties of a page of agreements: three queries, whatever the page's length.</summary>
    private async Task<List<Row>> RowsAsync(List<Agreement> agreements, CancellationToken ct)
    {
        var ids = agreements.Select(a => a.Id).ToList();
        var parties = await db.Set<AgreementParty>().AsNoTracking().Where(p => ids.Contains(p.AgreementId))
            .OrderBy(p => p.SortOrder).Select(p => new { p.AgreementId, p.PartnerId }).ToListAsync(ct);
        var partnerIds = parties.Select(p => p.PartnerId).Distinct().ToList();
        var reasons = await risk.ReasonsAsync(ScreeningSubjects.Partner, partnerIds, Level, ct);
        var partners = await risk.PartnersAsync([.. partnerIds.Where(reasons.Contains)], ct);
        var byAgreement = parties.Where(p => partners.ContainsKey(p.PartnerId)).ToLookup(p => p.AgreementId);
        return [.. agreements.Select(a => new Row(a, [.. byAgreement[a.Id].Select(p => (partners[p.PartnerId], (IReadOnlyList<RiskReason>)[.. reasons[p.PartnerId]]))]))];
    }

    public ListPager Pager => new(PageNo, PageCount, p => $"/DueDiligence/Overview/Agreements?{Query(page: p)}");

    public string Query(int? page = null) => ListQuery.Of(("Level", Level), ("State", State), ("Q", Q), ("PageNo", page));
}
