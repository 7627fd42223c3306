using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.TravelDocuments;

/// <summary>A member who has not handed back a travel document by its due date cannot travel
/// again until it is returned.</summary>
public sealed class OverdueDocumentEligibility(AppDbContext db, TimeProvider clock) : ITripEligibility
{
    public async Task<IReadOnlyList<FieldError>> CheckAsync(Trip trip, IReadOnlyList<StaffMember> members, TripPolicy policy, CancellationToken ct)
    {
        var today = TripsSetup.Today(clock);
        var ids = members.Select(m => m.Id).ToList();
        var overdue = await db.Set<TravelDocument>().AsNoTracking()
            .Where(d => ids.Contains(d.HolderId) && d.Status == TravelDocumentStatus.CheckedOut && d.ReturnDue < today)
            .OrderBy(d => d.ReturnDue).ToListAsync(ct);
        var errors = new List<FieldError>();
        foreach (var (member, i) in trip.Members.Select((m, i) => (m, i)))
        {
            var person = members.FirstOrDefault(s => s.Id == member.StaffMemberId);
            foreach (var doc in overdue.Where(d => d.HolderId == member.StaffMemberId))
            {
                errors.Add(new($"Members[{i}].StaffMemberId",
                    "{0} has not returned {1} {2}, due back on {3} and now {4} days overdue: the document must be returned before {0} can travel again.",
                    person?.NameZh ?? "", TravelDocumentLabels.Of(doc.Type), doc.Number, TravelDocumentRules.Day(doc.ReturnDue!.Value), doc.DaysOverdue(today)));
            }
        }
        return errors;
    }
}

/// <summary>A unit with a member more than <see cref="TripPolicy.UnitLockOverdueDays"/> days late
/// with a travel document cannot file trips until the document is returned.</summary>
public sealed class UnitLockEligibility(AppDbContext db, TimeProvider clock) : ITripEligibility
{
    public async Task<IReadOnlyList<FieldError>> CheckAsync(Trip trip, IReadOnlyList<StaffMember> members, TripPolicy policy, CancellationToken ct)
    {
        var today = TripsSetup.Today(clock);
        var lockedBefore = today.AddDays(-policy.UnitLockOverdueDays);
        var unitId = trip.UnitId;
        var late = await (
                from d in db.Set<TravelDocument>().AsNoTracking()
                join s in db.Set<StaffMember>() on d.HolderId equals s.Id
                where s.UnitId == unitId && d.Status == TravelDocumentStatus.CheckedOut && d.ReturnDue < lockedBefore
                orderby d.ReturnDue
                select new { Document = d, Holder = s })
            .ToListAsync(ct);
        if (late.Count == 0)
        {
            return [];
        }
        var unit = await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        return [.. late.Select(x => new FieldError(nameof(Trip.ApplicantId),
            "{0} cannot file trips while {1} {2} of {3} is {4} days overdue (more than {5}); the unit may file again once it is returned.",
            unit?.NameZh ?? "", TravelDocumentLabels.Of(x.Document.Type), x.Document.Number, x.Holder.NameZh,
            x.Document.DaysOverdue(today), policy.UnitLockOverdueDays))];
    }
}
