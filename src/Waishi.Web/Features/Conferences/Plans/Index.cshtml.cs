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

namespace Waishi.Web.Features.Conferences.Plans;

/// <summary>The units' conference plans for one year: handed in, started or missing, with the due date.</summary>
[Authorize(Policy = Policies.Conferences)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(OrgUnit Unit, int Depth, ConferencePlan? Plan);

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>"submitted", "draft" or "missing".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public int TheYear => Year is { } y && y is >= 1900 and <= 2200 ? y : TripsSetup.Today(clock).Year + 1;
    public DateOnly Due { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string Query(int? page = null) => Platform.Web.ListQuery.Of(("Year", TheYear), ("Q", Q), ("Status", Status), ("PageNo", page));

    public async Task OnGetAsync()
    {
        var all = await RowsAsync(HttpContext.RequestAborted);
        Total = all.Count;
        PageNo = Math.Clamp(PageNo, 1, PageCount);
        Rows = [.. all.Skip((PageNo - 1) * PageSize).Take(PageSize)];
    }

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var chinese = LocalizationSetup.IsChinese;
        var rows = await RowsAsync(HttpContext.RequestAborted);
        var table = new ExportTable(
            [t["Unit"], t["Year"], t["Status"], t["Planned conferences"], t["Expected participants"], t["Expected foreign participants"], t["Handed in"]],
            [.. rows.Select(r => (IReadOnlyList<string?>)
            [
                r.Unit.Name(chinese), TheYear.ToString(System.Globalization.CultureInfo.InvariantCulture), t[StatusOf(r.Plan)],
                (r.Plan?.Items.Count ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
                (r.Plan?.Items.Sum(i => i.ExpectedParticipants) ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
                (r.Plan?.Items.Sum(i => i.ForeignParticipants) ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Plan?.SubmittedUtc?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ])]);
        return ListExport.File(table, format, $"conference-plans-{TheYear}");
    }

    public static string StatusOf(ConferencePlan? plan) => plan is null ? "Not started" : plan.Submitted ? "Handed in" : "Draft";

    private async Task<List<Row>> RowsAsync(CancellationToken ct)
    {
        var access = new PlanAccess(User);
        var policy = await ConferencePolicy.LoadAsync(db, ct);
        Due = ConferencePlan.DueDate(TheYear, policy);
        var year = TheYear;
        var plans = await db.Set<ConferencePlan>().AsNoTracking().Include(p => p.Items).Where(p => p.Year == year).ToDictionaryAsync(p => p.UnitId, ct);
        var rows = (await UnitTree.LoadAsync(db, ct)).Where(n => access.Sees(n.Unit.Id))
            .Select(n => new Row(n.Unit, n.Depth, plans.GetValueOrDefault(n.Unit.Id)));
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            rows = rows.Where(r => r.Unit.NameEn.Contains(q, StringComparison.OrdinalIgnoreCase) || r.Unit.NameZh.Contains(q, StringComparison.Ordinal)
                || r.Unit.Code.Contains(q, StringComparison.OrdinalIgnoreCase));
        }
        rows = Status switch
        {
            "submitted" => rows.Where(r => r.Plan is { Submitted: true }),
            "draft" => rows.Where(r => r.Plan is { Submitted: false }),
            "missing" => rows.Where(r => r.Plan is not { Submitted: true }),
            _ => rows,
        };
        return [.. rows];
    }
}
