namespace Waishi.Web.Features.Visits.Closure;

/// <summary>
/// When a visit's closure is due and when its host is reminded: due <see cref="Visit.ClosureDays"/>
/// days after the planned departure; reminders on the due date and every week after until it is recorded.
/// </summary>
public static class ClosureDue
{
    public static int DaysOverdue(DateOnly due, DateOnly today) => today.DayNumber - due.DayNumber;

    /// <summary>The latest reminder point on or before <paramref name="today"/>, or null before the due date.</summary>
    public static DateOnly? LatestReminder(DateOnly due, DateOnly today)
    {
        var after = DaysOverdue(due, today);
        return after < 0 ? null : due.AddDays(after / 7 * 7);
    }

    /// <summary>Approved visits not yet closed whose closure is past due on <paramref name="today"/>.</summary>
    public static IQueryable<Visit> Overdue(IQueryable<Visit> visits, DateOnly today)
    {
        var departedBefore = today.AddDays(-Visit.ClosureDays);
        return visits.Where(v => v.State == VisitState.Approved && v.DepartureDate != null && v.DepartureDate < departedBefore);
    }
}
