using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.TripCalendar;

/// <summary>One trip on the calendar: who travels, where and when.</summary>
public sealed record CalendarEntry(Guid TripId, string? Number, string Title, TripState State, DateOnly Departure, DateOnly Return,
    Guid UnitId, string UnitZh, string UnitEn, IReadOnlyList<CalendarEntry.Traveller> Members, IReadOnlyList<CalendarEntry.Place> Destinations,
    DateTime StampUtc)
{
    public sealed record Traveller(Guid StaffId, string NameZh, string? NameEn, DelegationRole Role)
    {
        public string Name(bool chinese) => chinese || string.IsNullOrEmpty(NameEn) ? NameZh : NameEn;
    }

    public sealed record Place(string CountryCode, string City);

    public string Unit(bool chinese) => chinese ? UnitZh : UnitEn;

    public bool IsAbroadOn(DateOnly day) => day >= Departure && day <= Return;
}

/// <summary>
/// The trips of the calendar: approved trips and trips in publicity, with dates. A user sees the
/// trips they file, apply for or travel on; unit heads and secretaries their units' trips; exit
/// officers, directors and leaders every trip of the institution. The same rule serves the page,
/// the API and the iCalendar feed.
/// </summary>
public static class CalendarTrips
{
    public static readonly TripState[] Shown = [TripState.Publicity, TripState.Approved];

    public static bool SeesAll(ClaimsPrincipal user) => user.HasAnyRole(Roles.OfficerExit, Roles.Director, Roles.Leader);

    public static async Task<IQueryable<Trip>> VisibleAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var trips = db.Set<Trip>().AsNoTracking().Where(t => Shown.Contains(t.State) && t.DepartureDate != null && t.ReturnDate != null);
        if (SeesAll(user))
        {
            return trips;
        }
        var access = await TripAccess.ForAsync(db, user, ct);
        var units = access.Units.ToList();
        var userId = access.UserId;
        var staffId = access.StaffId;
        return trips.Where(t => units.Contains(t.UnitId) || t.FiledByUserId == userId || t.ApplicantId == staffId
            || db.Set<TripMember>().Any(m => m.TripId == t.Id && m.StaffMemberId == staffId));
    }

    /// <summary>Visible trips abroad on any day from <paramref name="from"/> to <paramref name="to"/> (inclusive), optionally of one unit or one person.</summary>
    public static async Task<List<CalendarEntry>> LoadAsync(AppDbContext db, ClaimsPrincipal user, DateOnly from, DateOnly to,
        Guid? unit, Guid? person, CancellationToken ct)
    {
        var query = (await VisibleAsync(db, user, ct)).Where(t => t.DepartureDate <= to && t.ReturnDate >= from);
        if (unit is { } u)
        {
            query = query.Where(t => t.UnitId == u);
        }
        if (person is { } p)
        {
            query = query.Where(t => t.ApplicantId == p || db.Set<TripMember>().Any(m => m.TripId == t.Id && m.StaffMemberId == p));
        }
        var trips = await query.Include(t => t.Members).Include(t => t.Destinations)
            .OrderBy(t => t.DepartureDate).ThenBy(t => t.Title).Take(2000).ToListAsync(ct);
        var staffIds = trips.SelectMany(t => t.Members).Select(m => m.StaffMemberId).Distinct().ToList();
        var staff = await db.Set<StaffMember>().AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var unitIds = trips.Select(t => t.UnitId).Distinct().ToList();
        var units = await db.Set<OrgUnit>().AsNoTracking().Where(x => unitIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        return [.. trips.Select(t => new CalendarEntry(t.Id, t.Number, t.Title, t.State, t.DepartureDate!.Value, t.ReturnDate!.Value, t.UnitId,
            units.GetValueOrDefault(t.UnitId)?.NameZh ?? "", units.GetValueOrDefault(t.UnitId)?.NameEn ?? "",
            [.. t.Members.OrderBy(m => m.SortOrder).Where(m => staff.ContainsKey(m.StaffMemberId))
                .Select(m => new CalendarEntry.Traveller(m.StaffMemberId, staff[m.StaffMemberId].NameZh, staff[m.StaffMemberId].NameEn, m.Role))],
            [.. t.Destinations.OrderBy(d => d.SortOrder).Select(d => new CalendarEntry.Place(d.CountryCode, d.City))],
            t.ApprovedUtc ?? t.SubmittedUtc ?? t.CreatedUtc))];
    }
}
