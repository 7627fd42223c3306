using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Trips;

/// <summary>
/// Checks on a submitted trip that belong to other modules: a member with an overdue trip report or
/// an overdue passport return cannot travel, and a unit whose member is more than
/// <see cref="TripPolicy.UnitLockOverdueDays"/> days overdue with a passport cannot file. The trip
/// report and passport modules register their own implementation in place of the empty default.
/// </summary>
public interface ITripEligibility
{
    Task<IReadOnlyList<FieldError>> CheckAsync(Trip trip, IReadOnlyList<StaffMember> members, TripPolicy policy, CancellationToken ct);
}

/// <summary>No reports or passports are tracked yet, so nothing blocks a trip.</summary>
public sealed class NoTripEligibilityChecks : ITripEligibility
{
    public Task<IReadOnlyList<FieldError>> CheckAsync(Trip trip, IReadOnlyList<StaffMember> members, TripPolicy policy, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<FieldError>>([]);
}
