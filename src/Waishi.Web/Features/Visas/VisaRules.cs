using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Visas;

/// <summary>
/// What makes a visa row valid: a member of the delegation and one of the trip's destination
/// countries, at most one row per member and country, and dates that fit the status (an
/// application date once applied, a decision date only once decided, never before the
/// application). Fields are property names of <see cref="VisaInput"/>.
/// </summary>
public static class VisaRules
{
    public static readonly TripState[] Closed = [TripState.Rejected, TripState.Withdrawn];

    /// <summary>Whether the visas of <paramref name="trip"/> may be edited by <paramref name="access"/>:
    /// exit officers, the applicant and the filer, while the trip is not rejected or withdrawn.</summary>
    public static bool CanEdit(TripAccess access, Trip trip) =>
        !Closed.Contains(trip.State)
        && (access.User.HasRole(Roles.OfficerExit) || trip.ApplicantId == access.StaffId || trip.FiledByUserId == access.UserId);

    public static async Task<List<FieldError>> ValidateAsync(AppDbContext db, Trip trip, Visa visa, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (Closed.Contains(trip.State))
        {
            errors.Add(new("", "Visas are kept for trips that go ahead; this trip is {0}.", TripLabels.Of(trip.State)));
        }
        var members = trip.Members.Select(m => m.StaffMemberId).ToHashSet();
        if (!members.Contains(visa.StaffMemberId))
        {
            errors.Add(new(nameof(VisaInput.StaffMemberId), "Choose a member of the delegation: the person chosen is not on this trip."));
        }
        var countries = trip.Destinations.OrderBy(d => d.SortOrder).Select(d => d.CountryCode).Distinct().ToList();
        if (!countries.Contains(visa.CountryCode))
        {
            errors.Add(new(nameof(VisaInput.CountryCode), "\"{0}\" is not a destination of this trip: choose one of {1}.",
                visa.CountryCode, string.Join(", ", countries)));
        }
        if (!Enum.IsDefined(visa.Status))
        {
            errors.Add(new(nameof(VisaInput.Status), "Choose a status from the list."));
        }
        var applied = visa.Status is VisaStatus.Applied or VisaStatus.Granted or VisaStatus.Refused;
        var decided = visa.Status is VisaStatus.Granted or VisaStatus.Refused;
        if (applied && visa.AppliedOn is null)
        {
            errors.Add(new(nameof(VisaInput.AppliedOn), "A visa that is {0} needs the date of the application.", VisaLabels.Of(visa.Status)));
        }
        if (decided && visa.DecidedOn is null)
        {
            errors.Add(new(nameof(VisaInput.DecidedOn), "A visa that is {0} needs the date of the decision.", VisaLabels.Of(visa.Status)));
        }
        if ((visa.Status is VisaStatus.NotNeeded or VisaStatus.ToApply or VisaStatus.Applied) && visa.DecidedOn is not null)
        {
            errors.Add(new(nameof(VisaInput.DecidedOn), "A visa that is {0} has no decision yet: clear the decision date or change the status.", VisaLabels.Of(visa.Status)));
        }
        if (visa.AppliedOn is { } a && visa.DecidedOn is { } d && d < a)
        {
            errors.Add(new(nameof(VisaInput.DecidedOn), "The decision date {0} is before the application date {1}.", Day(d), Day(a)));
        }
        Length(errors, nameof(VisaInput.VisaType), visa.VisaType, 100, "Visa type");
        Length(errors, nameof(VisaInput.Result), visa.Result, 500, "Result");
        Length(errors, nameof(VisaInput.Notes), visa.Notes, 1000, "Notes");
        if (errors.Count == 0 && await db.Set<Visa>().AnyAsync(v => v.TripId == visa.TripId && v.StaffMemberId == visa.StaffMemberId
                && v.CountryCode == visa.CountryCode && v.Id != visa.Id, ct))
        {
            var name = await db.Set<StaffMember>().Where(s => s.Id == visa.StaffMemberId).Select(s => s.NameZh).FirstOrDefaultAsync(ct);
            errors.Add(new(nameof(VisaInput.CountryCode), "{0} already has a visa row for {1} on this trip: edit that one.", name ?? "", visa.CountryCode));
        }
        return errors;
    }

    private static void Length(List<FieldError> errors, string field, string? value, int max, string label)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(new(field, "{0} is too long: at most {1} characters.", label, max));
        }
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
