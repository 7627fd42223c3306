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

/// <summary>Approved conferences whose summary is past its due date, the longest overdue first.</summary>
[Authorize(Policy = Policies.Conferences)]
public sealed class OverdueModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Row(Conference Conference, string Unit, DateOnly Due, int DaysOverdue);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = await RowsAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var rows = await RowsAsync(HttpContext.RequestAborted);
        var table = new ExportTable(
            [t["Number"], t["English title"], t["Organising unit"], t["End date"], t["Summary due"], t["Days overdue"]],
            [.. rows.Select(r => (IReadOnlyList<string?>)
            [
                r.Conference.Number, r.Conference.TitleEn, r.Unit, r.Conference.EndDate.ToString("yyyy-MM-dd"), r.Due.ToString("yyyy-MM-dd"),
                r.DaysOverdue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ])]);
        return ListExport.File(table, format, "conference-summaries-overdue");
    }

    private async Task<List<Row>> RowsAsync(CancellationToken ct)
    {
        var policy = await ConferencePolicy.LoadAsync(db, ct);
        var today = TripsSetup.Today(clock);
        var list = await ConferenceSummaries.Overdue(ConferenceAccess.For(User).Visible(db).AsNoTracking(), policy, today)
            .OrderBy(c => c.EndDate).ThenBy(c => c.Id).ToListAsync(ct);
        var chinese = LocalizationSetup.IsChinese;
        var units = await db.Set<OrgUnit>().AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        return [.. list.Select(c => new Row(c, units.GetValueOrDefault(c.UnitId)?.Name(chinese) ?? "", c.SummaryDue(policy),
            ConferenceSummaries.DaysOverdue(c.SummaryDue(policy), today)))];
    }
}
