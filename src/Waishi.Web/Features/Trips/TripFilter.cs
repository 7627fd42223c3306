using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Trips;

/// <summary>The filters of the trip list, shared by the page, its export and the API.</summary>
public sealed class TripFilter
{
    /// <summary>Title, inviting organisation or a delegation member's name or number.</summary>
    public string? Q { get; set; }
    /// <summary>Only trips the user files, applies for or travels on.</summary>
    public bool Mine { get; set; }
    public Guid? Unit { get; set; }
    public TripState? State { get; set; }
    public TripType? Type { get; set; }
    public string? Country { get; set; }
    /// <summary>Departure on or after this date.</summary>
    public DateOnly? From { get; set; }
    /// <summary>Departure on or before this date.</summary>
    public DateOnly? To { get; set; }
    /// <summary>A staff member who is the applicant or in the delegation.</summary>
    public Guid? Person { get; set; }

    /// <summary>The visible trips that pass the filters, in the list's order.</summary>
    public IQueryable<Trip> Apply(AppDbContext db, TripAccess access) =>
        Filtered(db, access, counting: false).OrderByDescending(t => t.DepartureDate).ThenByDescending(t => t.CreatedUtc);

    /// <summary>The visible trips that pass the filters, in no order: for counting.</summary>
    public IQueryable<Trip> Matching(AppDbContext db, TripAccess access) => Filtered(db, access, counting: true);

    private IQueryable<Trip> Filtered(AppDbContext db, TripAccess access, bool counting)
    {
        var query = access.Visible(db).AsNoTracking();
        if (Mine)
        {
            var userId = access.UserId;
            var staffId = access.StaffId;
            query = query.Where(t => t.FiledByUserId == userId || t.ApplicantId == staffId
                || db.Set<TripMember>().Any(m => m.TripId == t.Id && m.StaffMemberId == staffId));
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            query = query.Where(t => t.Title.ToLower().Contains(q)
                || (t.InvitingOrganisation != null && t.InvitingOrganisation.ToLower().Contains(q))
                || db.Set<TripMember>().Any(m => m.TripId == t.Id && db.Set<StaffMember>().Any(s => s.Id == m.StaffMemberId
                    && (s.NameZh.ToLower().Contains(q) || (s.NameEn != null && s.NameEn.ToLower().Contains(q)) || s.StaffNumber.ToLower() == q))));
        }
        if (Unit is { } unit)
        {
            query = query.Where(t => t.UnitId == unit);
        }
        if (State is { } state)
        {
            query = query.Where(t => t.State == state);
        }
        if (Type is { } type)
        {
            query = query.Where(t => t.Type == type);
        }
        if (!string.IsNullOrWhiteSpace(Country))
        {
            var code = Country.Trim().ToUpperInvariant();
            // A count goes from the country's trips to the trips ("Id IN (…)"): at 100,000 trips on
            // SQLite the approved trips to Japan counted in 18 ms instead of 41, a rare country in
            // none. The list keeps the test per trip, which walks the trips in the page's order and
            // stops when the page is full (0.3 ms against 7–50 ms).
            query = counting
                ? query.Where(t => db.Set<TripDestination>().Where(d => d.CountryCode == code).Select(d => d.TripId).Contains(t.Id))
                : query.Where(t => db.Set<TripDestination>().Any(d => d.TripId == t.Id && d.CountryCode == code));
        }
        if (From is { } from)
        {
            query = query.Where(t => t.DepartureDate >= from);
        }
        if (To is { } to)
        {
            query = query.Where(t => t.DepartureDate <= to);
        }
        if (Person is { } person)
        {
            query = query.Where(t => t.ApplicantId == person || db.Set<TripMember>().Any(m => m.TripId == t.Id && m.StaffMemberId == person));
        }
        return query;
    }

    /// <summary>The query string of these filters, with another page if given.</summary>
    public string Query(int? page = null)
    {
        return Platform.Web.ListQuery.Of(
            (nameof(Q), Q),
            (nameof(Mine), Mine),
            (nameof(Unit), Unit),
            (nameof(State), State),
            (nameof(Type), Type),
            (nameof(Country), Country),
            (nameof(From), From),
            (nameof(To), To),
            (nameof(Person), Person),
            ("PageNo", page));
    }
}
