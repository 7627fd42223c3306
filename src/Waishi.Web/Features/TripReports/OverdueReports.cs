using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.TripReports;

/// <summary>
/// The overdue flag: a member of an approved trip whose report is past its due date and not handed
/// in cannot go on a new trip. Every member of that delegation carries the flag, as the report is
/// the delegation's; it clears when the report is submitted.
/// </summary>
public sealed class OverdueReportEligibility(AppDbContext db, TimeProvider clock) : ITripEligibility
{
    public sealed record Overdue(Guid StaffMemberId, Guid TripId, string TripTitle, int DaysOverdue);

    public async Task<IReadOnlyList<FieldError>> CheckAsync(Trip trip, IReadOnlyList<StaffMember> members, TripPolicy policy, CancellationToken ct)
    {
        var ids = members.Select(m => m.Id).ToList();
        var overdue = await OfAsync(db, policy, TripsSetup.Today(clock), ids, ct);
        var errors = new List<FieldError>();
        foreach (var (member, i) in trip.Members.Select((m, i) => (m, i)))
        {
            var person = members.FirstOrDefault(p => p.Id == member.StaffMemberId);
            foreach (var o in overdue.Where(o => o.StaffMemberId == member.StaffMemberId && o.TripId != trip.Id))
            {
                errors.Add(new($"Members[{i}].StaffMemberId",
                    "{0} has not handed in the report of the trip \"{1}\", {2} days overdue: submit it before a new trip.",
                    person?.NameZh ?? "", o.TripTitle, o.DaysOverdue));
            }
        }
        return errors;
    }

    /// <summary>The overdue reports of the given people (all when null) in the current tenant.</summary>
    public static async Task<List<Overdue>> OfAsync(AppDbContext db, TripPolicy policy, DateOnly today, IReadOnlyList<Guid>? people, CancellationToken ct)
    {
        // Due = return + ReportDueDays; overdue once today is past it.
        var returnedBefore = today.AddDays(-policy.ReportDueDays);
        var trips = db.Set<Trip>().AsNoTracking()
            .Where(t => t.State == TripState.Approved && t.ReturnDate != null && t.ReturnDate < returnedBefore
                && !db.Set<TripReport>().Any(r => r.TripId == t.Id && (r.State == ReportState.Submitted || r.State == ReportState.Approved)));
        var members = db.Set<TripMember>().AsNoTracking();
        if (people is not null)
        {
            var ids = people.ToList();
            members = members.Where(m => ids.Contains(m.StaffMemberId));
        }
        var rows = await members.Join(trips, m => m.TripId, t => t.Id, (m, t) => new { m.StaffMemberId, t.Id, t.Title, t.ReturnDate })
            .ToListAsync(ct);
        return [.. rows.Select(r => new Overdue(r.StaffMemberId, r.Id, r.Title,
            ReportDue.DaysOverdue(r.ReturnDate!.Value.AddDays(policy.ReportDueDays), today)))];
    }
}
