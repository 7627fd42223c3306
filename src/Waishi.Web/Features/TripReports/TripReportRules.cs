using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.TripReports;

/// <summary>
/// What makes a trip report valid. A draft needs a sound shape (complete itinerary rows within the
/// trip's dates, texts within their lengths); a submission also needs the results and at least one
/// day, and can be made once the trip is back. Fields are property paths of <see cref="ReportInput"/>.
/// </summary>
public static class TripReportRules
{
    public const int MaxText = 4000;

    /// <summary>Whether the report of <paramref name="trip"/> may be written at all, and in its state.</summary>
    public static FieldError? Writable(Trip trip, TripReport? report)
    {
        if (trip.State != TripState.Approved)
        {
            return new("", "Reports are written for approved trips; this trip is {0}.", TripLabels.Of(trip.State));
        }
        if (report is { State: not (ReportState.Draft or ReportState.Returned) })
        {
            return new("", "This report is {0} and can no longer be changed.", ReportLabels.Of(report.State));
        }
        return null;
    }

    public static List<FieldError> Draft(Trip trip, TripReport report)
    {
        var errors = new List<FieldError>();
        Length(errors, nameof(ReportInput.Results), report.Results, MaxText, "Results");
        Length(errors, nameof(ReportInput.FollowUp), report.FollowUp, MaxText, "Follow-up");
        foreach (var (day, i) in report.Days.OrderBy(d => d.SortOrder).Select((d, i) => (d, i)))
        {
            if (day.City.Length == 0 || day.Activity.Length == 0)
            {
                errors.Add(new($"Days[{i}].Activity", "Itinerary day {0}: enter both the city and the activity.", i + 1));
            }
            Length(errors, $"Days[{i}].City", day.City, 100, "City");
            Length(errors, $"Days[{i}].Activity", day.Activity, 500, "Activity");
            if (trip.DepartureDate is { } d && trip.ReturnDate is { } r && (day.Date < d || day.Date > r))
            {
                errors.Add(new($"Days[{i}].Date", "Itinerary day {0}: {1} is outside the approved trip ({2} to {3}); a change of dates needs an amendment.",
                    i + 1, Day(day.Date), Day(d), Day(r)));
            }
        }
        return errors;
    }

    public static List<FieldError> Submission(Trip trip, TripReport report, DateOnly today)
    {
        var errors = Draft(trip, report);
        if (string.IsNullOrWhiteSpace(report.Results))
        {
            errors.Add(new(nameof(ReportInput.Results), "Enter the results of the trip."));
        }
        if (report.Days.Count == 0)
        {
            errors.Add(new(nameof(ReportInput.Days), "Add the itinerary as it happened, day by day."));
        }
        if (trip.ReturnDate is { } ret && today < ret)
        {
            errors.Add(new("", "The report can be submitted once the trip is back, from {0}.", Day(ret)));
        }
        return errors;
    }

    /// <summary>Whether <paramref name="access"/> may decide the report: an exit officer who neither
    /// filed nor applies for the trip, on a submitted report.</summary>
    public static FieldError? Decidable(TripAccess access, Trip trip, TripReport? report)
    {
        if (report is not { State: ReportState.Submitted })
        {
            return new("", "Only a submitted report can be approved or returned; this one is {0}.",
                report is null ? "Not started" : ReportLabels.Of(report.State));
        }
        if (trip.FiledByUserId == access.UserId || trip.ApplicantId == access.StaffId)
        {
            return new("", "You filed or applied for this trip, so another exit officer decides its report.");
        }
        return null;
    }

    public static bool CanWrite(TripAccess access, Trip trip) =>
        trip.ApplicantId == access.StaffId || trip.FiledByUserId == access.UserId;

    public static bool CanReview(TripAccess access) => access.User.HasRole(Roles.OfficerExit);

    private static void Length(List<FieldError> errors, string field, string? value, int max, string label)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(new(field, "{0} is too long: at most {1} characters.", label, max));
        }
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
