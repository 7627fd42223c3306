using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Visits.Letters;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Visits.Calendar;

/// <summary>/Visits/Calendar: a month of visits with their agenda items, as a grid of weeks or a list, filtered by host unit.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? View { get; set; }

    public DateOnly First { get; private set; }
    public DateOnly Last => First.AddMonths(1).AddDays(-1);
    public bool IsList => string.Equals(View, "list", StringComparison.OrdinalIgnoreCase);
    public List<CalendarVisit> Entries { get; private set; } = [];
    public List<UnitNode> Units { get; private set; } = [];

    public IEnumerable<DateOnly[]> Weeks()
    {
        var start = First.AddDays(-(((int)First.DayOfWeek + 6) % 7));
        for (var monday = start; monday <= Last; monday = monday.AddDays(7))
        {
            yield return [.. Enumerable.Range(0, 7).Select(monday.AddDays)];
        }
    }

    public string Query(DateOnly month, string? view = null) =>
        string.Join("&", new[]
        {
            $"Month={month:yyyy-MM}",
            Unit is { } u ? $"Unit={u}" : null,
            (view ?? View) is { Length: > 0 } v ? $"View={Uri.EscapeDataString(v)}" : null,
        }.Where(x => x is not null));

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var today = Trips.TripsSetup.Today(clock);
        First = DateOnly.TryParseExact(Month ?? "", "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is >= 2000 and <= 2100
            ? month
            : new DateOnly(today.Year, today.Month, 1);
        var access = await VisitDocsAccess.ForAsync(db, User, ct);
        Entries = await CalendarVisits.LoadAsync(db, access, First, Last, Unit, ct);
        Units = await UnitTree.LoadAsync(db, ct);
    }
}
