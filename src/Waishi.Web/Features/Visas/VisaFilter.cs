using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Visas;

public sealed record VisaRow(Visa Visa, string TripTitle, DateOnly? Departure, TripState TripState, string Person, string StaffNumber, string Unit);

/// <summary>The filters of the visa list, shared by the page, its export and the API.</summary>
public sealed class VisaFilter
{
    /// <summary>The member's name or number, the trip's title or the visa type.</summary>
    public string? Q { get; set; }
    public Guid? Unit { get; set; }
    public VisaStatus? Status { get; set; }
    public string? Country { get; set; }
    /// <summary>Departure on or after this date.</summary>
    public DateOnly? From { get; set; }
    /// <summary>Departure on or before this date.</summary>
    public DateOnly? To { get; set; }
    public Guid? Person { get; set; }
    public Guid? Trip { get; set; }
    /// <summary>Only visas still to apply for or applied for, of live trips departing within the next
    /// <see cref="Visa.PendingHorizonDays"/> days.</summary>
    public bool Pending { get; set; }

    public IQueryable<Visa> Apply(AppDbContext db, IQueryable<Visa> visible, DateOnly today)
    {
        var query = visible.AsNoTracking();
        var trips = db.Set<Trip>();
        if (Pending)
        {
            var until = today.AddDays(Visa.PendingHorizonDays);
            query = query.Where(v => (v.Status == VisaStatus.ToApply || v.Status == VisaStatus.Applied)
                && trips.Any(t => t.Id == v.TripId && t.DepartureDate >= today && t.DepartureDate <= until
                    && t.State != TripState.Draft && t.State != TripState.Rejected && t.State != TripState.Withdrawn));
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            query = query.Where(v => (v.VisaType != null && v.VisaType.ToLower().Contains(q))
                || trips.Any(t => t.Id == v.TripId && t.Title.ToLower().Contains(q))
                || db.Set<StaffMember>().Any(s => s.Id == v.StaffMemberId
                    && (s.NameZh.ToLower().Contains(q) || (s.NameEn != null && s.NameEn.ToLower().Contains(q)) || s.StaffNumber.ToLower() == q)));
        }
        if (Unit is { } unit)
        {
            query = query.Where(v => trips.Any(t => t.Id == v.TripId && t.UnitId == unit));
        }
        if (Status is { } status)
        {
            query = query.Where(v => v.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(Country))
        {
            var code = Country.Trim().ToUpperInvariant();
            query = query.Where(v => v.CountryCode == code);
        }
        if (From is { } from)
        {
            query = query.Where(v => trips.Any(t => t.Id == v.TripId && t.DepartureDate >= from));
        }
        if (To is { } to)
        {
            query = query.Where(v => trips.Any(t => t.Id == v.TripId && t.DepartureDate <= to));
        }
        if (Person is { } person)
        {
            query = query.Where(v => v.StaffMemberId == person);
        }
        if (Trip is { } trip)
        {
            query = query.Where(v => v.TripId == trip);
        }
        return query
            .OrderBy(v => trips.Where(t => t.Id == v.TripId).Select(t => t.DepartureDate).FirstOrDefault())
            .ThenBy(v => v.TripId).ThenBy(v => v.CountryCode).ThenBy(v => v.Id);
    }

    public static async Task<List<VisaRow>> RowsAsync(AppDbContext db, IQueryable<Visa> query, bool chinese, CancellationToken ct)
    {
        var visas = await query.ToListAsync(ct);
        var tripIds = visas.Select(v => v.TripId).Distinct().ToList();
        var trips = await db.Set<Trip>().AsNoTracking().Where(t => tripIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Title, t.DepartureDate, t.State, t.UnitId }).ToDictionaryAsync(t => t.Id, ct);
        var staffIds = visas.Select(v => v.StaffMemberId).Distinct().ToList();
        var staff = await db.Set<StaffMember>().AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var units = await db.Set<OrgUnit>().AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        return [.. visas.Select(v =>
        {
            var trip = trips[v.TripId];
            var person = staff.GetValueOrDefault(v.StaffMemberId);
            return new VisaRow(v, trip.Title, trip.DepartureDate, trip.State, person?.Name(chinese) ?? "", person?.StaffNumber ?? "",
                units.GetValueOrDefault(trip.UnitId)?.Name(chinese) ?? "");
        })];
    }

    public string Query(int? page = null)
    {
        return Platform.Web.ListQuery.Of(
            (nameof(Q), Q),
            (nameof(Unit), Unit),
            (nameof(Status), Status),
            (nameof(Country), Country),
            (nameof(From), From),
            (nameof(To), To),
            (nameof(Person), Person),
            (nameof(Trip), Trip),
            (nameof(Pending), Pending),
            ("PageNo", page));
    }
}
