namespace Waishi.Web.Features.Trips;

/// <summary>Working days are Monday to Friday. Public holidays and the weekend days worked in
/// exchange for them are not known to the system; an office that needs them counts them in the
/// publicity period it sets.</summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The last of <paramref name="count"/> working days that follow <paramref name="start"/>
    /// (the start day itself is not counted); <paramref name="start"/> for a count of 0.</summary>
    public static DateOnly After(DateOnly start, int count)
    {
        var day = start;
        for (var left = count; left > 0;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }
        return day;
    }
}
