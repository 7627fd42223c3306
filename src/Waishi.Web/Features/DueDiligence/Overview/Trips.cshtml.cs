using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.DueDiligence.Profiles;
using Waishi.Web.Features.DueDiligence.Reviews;
using Waishi.Web.Features.Partners;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Localization;
using Waishi.Web.Platform.Web;

namespace Waishi.Web.Features.DueDiligence.Overview;

/// <summary>Trips whose inviting partner is a high or very high risk institution, or whose inviting
/// organisation was found to be a listed one; filters by level, state and name, paging and export.</summary>
[Authorize(Policy = Policies.DueDiligenceOverview)]
public sealed class TripsModel(AppDbContext db, HighRisk risk, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Trip Trip, Partner? Partner, IReadOnlyList<RiskReason> Reasons);

    [BindProperty(SupportsGet = true)]
    public RiskLevel? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public TripState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public ListPager Pager => new(PageNo, PageCount, p => $"/DueDiligence/Overview/Trips?{Query(page: p)}");

    private IQueryable<Trip> Filtered()
    {
        var query = risk.Trips(Level);
        if (State is { } state)
        {
            query = query.Where(x => x.State == state);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim().ToLower();
            var name = NameNormaliser.Normalise(Q);
            var named = db.Set<Partner>().Where(p => name.Length > 0 && p.SearchText.Contains(name)).Select(p => p.Id);
            query = query.Where(x => x.Title.ToLower().Contains(text) || (x.Number != null && x.Number.ToLower().Contains(text))
                || (x.InvitingOrganisation != null && x.InvitingOrganisation.ToLower().Contains(text)) || (x.PartnerId != null && named.Contains(x.PartnerId.Value)));
        }
        return query.OrderByDescending(x => x.CreatedUtc).ThenBy(x => x.Id);
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
            [t["Number"], t["Title"], t["State"], t["Departure"], t["Return"], t["Inviting organisation"], t["Partner"], t["Why"]],
            [.. rows.Select(r => (IReadOnlyList<string?>)
            [
                r.Trip.Number, r.Trip.Title, t[TripLabels.Of(r.Trip.State)], r.Trip.DepartureDate?.ToString("yyyy-MM-dd"), r.Trip.ReturnDate?.ToString("yyyy-MM-dd"),
                r.Trip.InvitingOrganisation, r.Partner?.NameEn, string.Join("; ", r.Reasons.Select(x => OverviewSetup.Describe(x, t))),
            ])]);
        return ListExport.File(table, format, "high-risk-trips");
    }

    /// <summary>Why each trip of a page is listed: its own true matches and its partner's reasons (a few queries per page).</summary>
    private async Task<List<Row>> RowsAsync(List<Trip> trips, CancellationToken ct)
    {
        var own = await risk.ReasonsAsync(ScreeningSubjects.Trip, [.. trips.Select(x => x.Id)], Level, ct);
        var partnerIds = trips.Where(x => x.PartnerId != null).Select(x => x.PartnerId!.Value).Distinct().ToList();
        var viaPartner = await risk.ReasonsAsync(ScreeningSubjects.Partner, partnerIds, Level, ct);
        var partners = await risk.PartnersAsync(partnerIds, ct);
        return [.. trips.Select(x =>
        {
            var partner = x.PartnerId is { } id ? partners.GetValueOrDefault(id) : null;
            return new Row(x, partner, [.. own[x.Id], .. x.PartnerId is { } pid ? viaPartner[pid] : []]);
        })];
    }

    public string Query(int? page = null) => ListQuery.Of(("Level", Level), ("State", State), ("Q", Q), ("PageNo", page));
}
