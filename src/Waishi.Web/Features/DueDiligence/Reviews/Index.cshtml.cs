using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Localization;
using Waishi.Web.Platform.Web;

namespace Waishi.Web.Features.DueDiligence.Reviews;

/// <summary>The hits of partners and trips on the lists: open ones to decide, decided ones to look
/// up; filters by state, subject type and name, paging and export.</summary>
[Authorize(Policy = Policies.ScreeningReviews)]
public sealed class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public ScreeningReviewState? State { get; set; } = ScreeningReviewState.Open;

    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? SubjectType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public List<ScreeningReview> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    private IQueryable<ScreeningReview> Filtered() =>
        new ReviewFilter { State = All ? null : State, SubjectType = SubjectType, Q = Q }.Apply(db.Set<ScreeningReview>().AsNoTracking())
            .OrderByDescending(r => r.CreatedUtc).ThenBy(r => r.Id);

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Total = await Filtered().CountAsync(ct);
        PageNo = Math.Clamp(PageNo, 1, PageCount);
        Rows = await Filtered().Skip((PageNo - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var rows = await Filtered().ToListAsync(HttpContext.RequestAborted);
        var table = new ExportTable(
            [t["Found on"], t["Subject"], t["Screened name"], t["Country"], t["Listed entry"], t["List"], t["Score"], t["Explanation"], t["State"], t["Note"], t["Decided by"]],
            [.. rows.Select(r => (IReadOnlyList<string?>)
            [
                Format.Date(r.CreatedUtc), t[ReviewLabels.Subject(r.SubjectType)], r.ScreenedName, r.CountryCode, r.EntryName, r.ListName,
                r.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), r.AsCandidate().Describe(t), t[ReviewLabels.Of(r.State)], r.Note, r.DecidedBy,
            ])]);
        return ListExport.File(table, format, "screening-reviews");
    }

    public string Query(int? page = null) =>
        ListQuery.Of(("State", State), ("All", All ? true : null), ("SubjectType", SubjectType), ("Q", Q), ("PageNo", page));
}
