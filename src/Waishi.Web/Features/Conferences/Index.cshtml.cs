using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Localization;

namespace Waishi.Web.Features.Conferences;

/// <summary>The applications the user may see, with filters (state, unit, year, late, city approval,
/// overdue summary), search, paging and export.</summary>
[Authorize(Policy = Policies.Conferences)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(Conference Conference, string Unit, DateOnly SummaryDue, bool SummaryOverdue);

    [BindProperty(SupportsGet = true)]
    public ConferenceFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<UnitNode> Units { get; private set; } = [];
    public bool CanFile { get; private set; }

    private async Task<IQueryable<Conference>> QueryAsync(CancellationToken ct)
    {
        var policy = await ConferencePolicy.LoadAsync(db, ct);
        return Filter.Apply(db, ConferenceAccess.For(User).Visible(db), policy, TripsSetup.Today(clock));
    }

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var query = await QueryAsync(ct);
        Total = await query.CountAsync(ct);
        PageNo = Math.Clamp(PageNo, 1, PageCount);
        Rows = await RowsAsync(query.Skip((PageNo - 1) * PageSize).Take(PageSize), ct);
        Units = await UnitTree.LoadAsync(db, ct);
        CanFile = ConferenceAccess.For(User).CanFile;
    }

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var ct = HttpContext.RequestAborted;
        var rows = await RowsAsync(await QueryAsync(ct), ct);
        var table = new ExportTable(
            [t["Number"], t["English title"], t["Chinese title"], t["Start date"], t["End date"], t["Venue"], t["City"], t["Organising unit"],
             t["Participants"], t["Foreign participants"], t["State"], t["Filed late"], t["City approval"], t["Summary due"], t["Actual participants"]],
            [.. rows.Select(r => (IReadOnlyList<string?>)
            [
                r.Conference.Number, r.Conference.TitleEn, r.Conference.TitleZh, r.Conference.StartDate.ToString("yyyy-MM-dd"),
                r.Conference.EndDate.ToString("yyyy-MM-dd"), r.Conference.Venue, r.Conference.City, r.Unit,
                r.Conference.ExpectedParticipants.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Conference.ExpectedForeign.ToString(System.Globalization.CultureInfo.InvariantCulture),
                t[ConferenceLabels.Of(r.Conference.State)], r.Conference.IsLate ? t["Yes"] : t["No"], r.Conference.CityApproval ? t["Yes"] : t["No"],
                r.SummaryDue.ToString("yyyy-MM-dd"), r.Conference.ActualParticipants?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ])]);
        return ListExport.File(table, format, "conferences");
    }

    private async Task<List<Row>> RowsAsync(IQueryable<Conference> query, CancellationToken ct)
    {
        var chinese = LocalizationSetup.IsChinese;
        var policy = await ConferencePolicy.LoadAsync(db, ct);
        var today = TripsSetup.Today(clock);
        var list = await query.ToListAsync(ct);
        var units = await db.Set<OrgUnit>().AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        return [.. list.Select(c => new Row(c, units.GetValueOrDefault(c.UnitId)?.Name(chinese) ?? "", c.SummaryDue(policy),
            c.State == ConferenceState.Approved && c.SummarySubmittedUtc is null && c.SummaryDue(policy) < today))];
    }
}
