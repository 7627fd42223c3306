using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Localization;

namespace Waishi.Web.Features.Trips;

public sealed class IndexModel(AppDbContext db, ListOptions lists, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(Trip Trip, string Applicant, string Unit, string Countries);

    [BindProperty(SupportsGet = true)]
    public TripFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    /// <summary>More trips match than <see cref="Total"/> (the count stopped at <see cref="ListOptions.CountCap"/>).</summary>
    public bool TotalCapped { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<UnitNode> Units { get; private set; } = [];
    public const int MaxPeopleListed = 300;

    public List<StaffMember> People { get; private set; } = [];
    public bool PeopleListed { get; private set; }

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var access = await TripAccess.ForAsync(db, User, ct);
        var query = Filter.Apply(db, access);
        (Total, TotalCapped) = await Filter.Matching(db, access).CountUpToAsync(lists.CountCap, ct);
        PageNo = Math.Clamp(PageNo, 1, PageCount);
        var units = await db.Set<OrgUnit>().AsNoTracking().ToListAsync(ct);
        Rows = await RowsAsync(query.Skip((PageNo - 1) * PageSize).Take(PageSize), units, ct);
        Units = UnitTree.Order(units);
        // A large directory is searched by name or staff number in the search box instead of listed here.
        // Counted only as far as the limit: counting CQU's 8,571 staff to the end took 0.6 ms of a 6 ms page.
        PeopleListed = !(await db.Set<StaffMember>().CountUpToAsync(MaxPeopleListed, ct)).Capped;
        var people = db.Set<StaffMember>().AsNoTracking().OrderBy(s => s.StaffNumber);
        var person = Filter.Person;
        People = PeopleListed ? await people.ToListAsync(ct)
            : person is null ? [] : await people.Where(s => s.Id == person).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var ct = HttpContext.RequestAborted;
        var units = await db.Set<OrgUnit>().AsNoTracking().ToListAsync(ct);
        var rows = await RowsAsync(Filter.Apply(db, await TripAccess.ForAsync(db, User, ct)), units, ct);
        var table = new ExportTable(
            [t["Title"], t["Trip type"], t["State"], t["Applicant"], t["Unit"], t["Destinations"], t["Departure date"],
             t["Return date"], t["Inviting organisation"], t["Funding source"]],
            [.. rows.Select(r => (IReadOnlyList<string?>)
            [
                r.Trip.Title, t[TripLabels.Of(r.Trip.Type)], t[TripLabels.Of(r.Trip.State)], r.Applicant, r.Unit, r.Countries,
                r.Trip.DepartureDate?.ToString("yyyy-MM-dd"), r.Trip.ReturnDate?.ToString("yyyy-MM-dd"),
                r.Trip.InvitingOrganisation, r.Trip.FundingSource,
            ])]);
        return ListExport.File(table, format, "trips");
    }

    /// <summary>
    /// The trips of the query with their destinations, applicant and unit names: the trips first, then
    /// the destinations and applicants of those trips alone (a join in the trips' query would read
    /// every destination of the institution to find the page's).
    /// </summary>
    private async Task<List<Row>> RowsAsync(IQueryable<Trip> query, List<OrgUnit> units, CancellationToken ct)
    {
        var chinese = LocalizationSetup.IsChinese;
        var trips = await query.ToListAsync(ct);
        // In chunks, so that an export of every trip stays within the database's parameter limits.
        var places = new List<(Guid TripId, int SortOrder, string City, string CountryCode)>();
        foreach (var chunk in trips.Select(x => x.Id).Chunk(1000))
        {
            places.AddRange((await db.Set<TripDestination>().AsNoTracking().Where(d => chunk.Contains(d.TripId))
                .Select(d => new { d.TripId, d.SortOrder, d.City, d.CountryCode }).ToListAsync(ct))
                .Select(d => (d.TripId, d.SortOrder, d.City, d.CountryCode)));
        }
        var placesOf = places.ToLookup(d => d.TripId);
        var staff = new Dictionary<Guid, string>();
        foreach (var chunk in trips.Select(x => x.ApplicantId).Distinct().Chunk(1000))
        {
            foreach (var s in await db.Set<StaffMember>().AsNoTracking().Where(s => chunk.Contains(s.Id))
                .Select(s => new { s.Id, s.NameZh, s.NameEn }).ToListAsync(ct))
            {
                staff[s.Id] = chinese || string.IsNullOrEmpty(s.NameEn) ? s.NameZh : s.NameEn;
            }
        }
        var unitNames = units.ToDictionary(u => u.Id, u => u.Name(chinese));
        return [.. trips.Select(x => new Row(x,
            staff.GetValueOrDefault(x.ApplicantId) ?? "",
            unitNames.GetValueOrDefault(x.UnitId) ?? "",
            string.Join(", ", placesOf[x.Id].OrderBy(d => d.SortOrder).Select(d => $"{d.City} ({d.CountryCode})"))))];
    }
}
