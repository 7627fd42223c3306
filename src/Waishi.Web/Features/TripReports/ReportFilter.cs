using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.TripReports;

/// <summary>A row of the report lists: an approved trip and its report, if one is written.</summary>
public sealed record ReportRow(Trip Trip, ReportState? State, DateTime? SubmittedUtc, DateOnly Due, ReportStatus Status, int DaysOverdue,
    string Applicant, string Unit, string Destinations);

/// <summary>The filters of the report lists, shared by the page, its export and the API. The rows
/// are the approved trips the user may see, with or without a report.</summary>
public sealed class ReportFilter
{
    /// <summary>Title, inviting organisation or a delegation member's name or number.</summary>
    public string? Q { get; set; }
    public ReportStatus? Status { get; set; }
    public Guid? Unit { get; set; }
    /// <summary>A staff member who is the applicant or in the delegation.</summary>
    public Guid? Person { get; set; }
    /// <summary>Return on or after this date.</summary>
    public DateOnly? From { get; set; }
    /// <summary>Return on or before this date.</summary>
    public DateOnly? To { get; set; }

    public IQueryable<Trip> Apply(AppDbContext db, TripAccess access, TripPolicy policy, DateOnly today)
    {
        var query = access.Visible(db).AsNoTracking().Where(t => t.State == TripState.Approved && t.ReturnDate != null);
        var reports = db.Set<TripReport>();
        var returnedBefore = today.AddDays(-policy.ReportDueDays);
        switch (Status)
        {
            case ReportStatus.Approved:
                query = query.Where(t => reports.Any(r => r.TripId == t.Id && r.State == ReportState.Approved));
                break;
            case ReportStatus.Submitted:
                query = query.Where(t => reports.Any(r => r.TripId == t.Id && r.State == ReportState.Submitted));
                break;
            case ReportStatus.Overdue:
                query = query.Where(t => t.ReturnDate < returnedBefore
                    && !reports.Any(r => r.TripId == t.Id && (r.State == ReportState.Submitted || r.State == ReportState.Approved)));
                break;
            case ReportStatus.Due:
                query = query.Where(t => t.ReturnDate >= returnedBefore
                    && !reports.Any(r => r.TripId == t.Id && (r.State == ReportState.Submitted || r.State == ReportState.Approved)));
                break;
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
        if (Person is { } person)
        {
            query = query.Where(t => t.ApplicantId == person || db.Set<TripMember>().Any(m => m.TripId == t.Id && m.StaffMemberId == person));
        }
        if (From is { } from)
        {
            query = query.Where(t => t.ReturnDate >= from);
        }
        if (To is { } to)
        {
            query = query.Where(t => t.ReturnDate <= to);
        }
        return query.OrderBy(t => t.ReturnDate).ThenBy(t => t.Title);
    }

    /// <summary>The rows of a page (or all, for an export) with names in the reader's language.</summary>
    public static async Task<List<ReportRow>> RowsAsync(AppDbContext db, IQueryable<Trip> query, TripPolicy policy, DateOnly today, bool chinese, CancellationToken ct)
    {
        var trips = await query.Include(t => t.Destinations).ToListAsync(ct);
        var ids = trips.Select(t => t.Id).ToList();
        var reports = await db.Set<TripReport>().AsNoTracking().Where(r => ids.Contains(r.TripId))
            .Select(r => new { r.TripId, r.State, r.SubmittedUtc }).ToDictionaryAsync(r => r.TripId, ct);
        var staffIds = trips.Select(t => t.ApplicantId).Distinct().ToList();
        var staff = await db.Set<StaffMember>().AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var units = await db.Set<OrgUnit>().AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        return [.. trips.Select(t =>
        {
            var report = reports.GetValueOrDefault(t.Id);
            var due = t.ReturnDate!.Value.AddDays(policy.ReportDueDays);
            return new ReportRow(t, report?.State, report?.SubmittedUtc, due, ReportDue.StatusOf(report?.State, due, today),
                Math.Max(0, ReportDue.DaysOverdue(due, today)),
                staff.GetValueOrDefault(t.ApplicantId)?.Name(chinese) ?? "", units.GetValueOrDefault(t.UnitId)?.Name(chinese) ?? "",
                string.Join(", ", t.Destinations.OrderBy(d => d.SortOrder).Select(d => $"{d.City} ({d.CountryCode})")));
        })];
    }

    public string Query(int? page = null)
    {
        return Platform.Web.ListQuery.Of(
            (nameof(Q), Q),
            (nameof(Status), Status),
            (nameof(Unit), Unit),
            (nameof(Person), Person),
            (nameof(From), From),
            (nameof(To), To),
            ("PageNo", page));
    }
}
