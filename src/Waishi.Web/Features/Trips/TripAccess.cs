using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Trips;

/// <summary>
/// Who sees and edits which trips. Exit officers and directors see every trip of the tenant; unit
/// secretaries and unit heads the trips of their units; everyone the trips they filed, apply for
/// or travel on; the security officer and the leader, who decide on trips, see them all. Only
/// drafts and trips returned for revision are edited: by the filer, the applicant, the unit's
/// secretary or an exit officer.
/// </summary>
public sealed record TripAccess(ClaimsPrincipal User, Guid UserId, Guid? StaffId, IReadOnlyList<Guid> Units)
{
    public bool SeesAll => User.HasAnyRole(Roles.OfficerExit, Roles.Director, Roles.SecurityOfficer, Roles.Leader);

    public static async Task<TripAccess> ForAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = user.GetUserId() ?? Guid.Empty;
        var staffId = await StaffOf.UserAsync(db, user, userId, ct);
        var units = user.UnitsFor(Roles.UnitSecretary).Concat(user.UnitsFor(Roles.UnitHead)).Distinct().ToList();
        return new TripAccess(user, userId, staffId, units);
    }

    public IQueryable<Trip> Visible(AppDbContext db)
    {
        var trips = db.Set<Trip>();
        if (SeesAll)
        {
            return trips;
        }
        var units = Units.ToList();
        var userId = UserId;
        var staffId = StaffId;
        return trips.Where(t => units.Contains(t.UnitId) || t.FiledByUserId == userId || t.ApplicantId == staffId
            || db.Set<TripMember>().Any(m => m.TripId == t.Id && m.StaffMemberId == staffId));
    }

    public bool CanEdit(Trip trip) =>
        trip.State is TripState.Draft or TripState.Returned
        && (trip.FiledByUserId == UserId || trip.ApplicantId == StaffId || User.HasRole(Roles.OfficerExit)
            || User.UnitsFor(Roles.UnitSecretary).Contains(trip.UnitId));

    /// <summary>Amendments of an approved trip are asked for by the filer, the applicant or an exit officer.</summary>
    public bool CanAmend(Trip trip) =>
        trip.State == TripState.Approved
        && (trip.FiledByUserId == UserId || trip.ApplicantId == StaffId || User.HasRole(Roles.OfficerExit));

    /// <summary>A trip in publicity or approved and not yet departed is withdrawn by its filer or
    /// applicant, or by an exit officer (an objection raised during publicity).</summary>
    public bool CanWithdraw(Trip trip, DateOnly today) =>
        trip.State is TripState.Publicity or TripState.Approved
        && (trip.DepartureDate is null || trip.DepartureDate > today)
        && (trip.FiledByUserId == UserId || trip.ApplicantId == StaffId || User.HasRole(Roles.OfficerExit));

    /// <summary>The people this user may file for: anyone for an exit officer, the members of her
    /// units for a unit secretary, and always oneself.</summary>
    public IQueryable<StaffMember> Applicants(AppDbContext db)
    {
        var staff = db.Set<StaffMember>().AsNoTracking().Where(s => s.IsActive);
        if (User.HasRole(Roles.OfficerExit))
        {
            return staff;
        }
        var units = User.UnitsFor(Roles.UnitSecretary).ToList();
        var staffId = StaffId;
        return staff.Where(s => s.Id == staffId || (s.UnitId != null && units.Contains(s.UnitId.Value)));
    }
}
