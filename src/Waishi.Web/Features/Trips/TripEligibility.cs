using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Trips;

/// <summary>
/// Checks on a submitted trip that belong to other modules: a member with an overdue trip report or
/// an overdue passport return cannot travel, and a unit whose member is more than
/// <see cref="TripPolicy.UnitLockOverdueDays"/> days overdue with a passport cannot file. The trip
/// report and passport modules each register an implementation (services.AddScoped); every
/// registered check runs on each submission.
/// </summary>
public interface ITripEligibility
{
    Task<IReadOnlyList<FieldError>> CheckAsync(Trip trip, IReadOnlyList<StaffMember> members, TripPolicy policy, CancellationToken ct);
}
