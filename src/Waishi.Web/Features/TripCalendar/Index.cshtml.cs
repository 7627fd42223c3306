using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.TripCalendar;

/// <summary>Who is abroad when: a month of approved trips and trips in publicity, as a grid of
/// weeks or as a list; filtered by unit and person.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>The month shown, as yyyy-MM; this month when absent or malformed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Person { get; set; }

    /// <summary>"list" for the list; the month grid otherwise.</summary>
    [BindProperty(SupportsGet = true)]
    public string? View { get; set; }

    public DateOnly First { get; private set; }
    public DateOnly Last => First.AddMonths(1).AddDays(-1);
    public bool IsList => string.Equals(View, "list", StringComparison.OrdinalIgnoreCase);
    public List<CalendarEntry> Entries { get; private set; } = [];
    public List<UnitNode> Units { get; private set; } = [];
    public List<StaffMember> People { get; private set; } = [];

    /// <summary>The weeks of the grid, Monday first, covering the whole month.</summary>
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
            Person is { } p ? $"Person={p}" : null,
            (view ?? View) is { Length: > 0 } v ? $"View={Uri.EscapeDataString(v)}" : null,
        }.Where(x => x is not null));

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var today = TripsSetup.Today(clock);
        First = DateOnly.TryParseExact(Month ?? "", "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is >= 2000 and <= 2100
            ? month
            : new DateOnly(today.Year, today.Month, 1);
        Entries = await CalendarTrips.LoadAsync(db, User, First, Last, Unit, Person, ct);
        Units = await UnitTree.LoadAsync(db, ct);
        People = await db.Set<StaffMember>().AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.StaffNumber).ToListAsync(ct);
    }
}
