using Waishi.Web.Features.Trips;

namespace Waishi.Web.Features.TripReports;

/// <summary>
/// When a trip report is due and when its writers are reminded. The report of an approved trip is
/// due <see cref="TripPolicy.ReportDueDays"/> days after the return date. Reminders go out at
/// due − 3, on the due date, at due + 7 and then every week after, until the report is handed in.
/// </summary>
public static class ReportDue
{
    public const int FirstReminderDaysBefore = 3;
    public const int FirstOverdueReminderDays = 7;

    public static DateOnly? DueOn(Trip trip, TripPolicy policy) => trip.ReturnDate?.AddDays(policy.ReportDueDays);

    /// <summary>Days past the due date on <paramref name="today"/>; 0 or less while not overdue.</summary>
    public static int DaysOverdue(DateOnly due, DateOnly today) => today.DayNumber - due.DayNumber;

    /// <summary>The latest reminder point on or before <paramref name="today"/>, or null before the first.</summary>
    public static DateOnly? LatestReminder(DateOnly due, DateOnly today)
    {
        var after = DaysOverdue(due, today);
        return after switch
        {
            < -FirstReminderDaysBefore => null,
            < 0 => due.AddDays(-FirstReminderDaysBefore),
            < FirstOverdueReminderDays => due,
            _ => due.AddDays(after / 7 * 7),
        };
    }

    /// <summary>Where a report stands in the lists: handed in as submitted or approved, otherwise
    /// due until its date has passed and overdue after.</summary>
    public static ReportStatus StatusOf(ReportState? state, DateOnly due, DateOnly today) => state switch
    {
        ReportState.Approved => ReportStatus.Approved,
        ReportState.Submitted => ReportStatus.Submitted,
        _ => DaysOverdue(due, today) > 0 ? ReportStatus.Overdue : ReportStatus.Due,
    };
}
