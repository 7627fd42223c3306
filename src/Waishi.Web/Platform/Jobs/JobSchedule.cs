namespace Waishi.Web.Platform.Jobs;

/// <summary>When a recurring job is due. A schedule names discrete due points; the scheduler runs
/// the latest due point that has not run yet, once across all instances.</summary>
public abstract record JobSchedule
{
    /// <summary>Due at every multiple of <paramref name="interval"/> since 1970-01-01 UTC, so every
    /// instance computes the same points.</summary>
    public static JobSchedule Every(TimeSpan interval) =>
        interval > TimeSpan.Zero ? new EveryInterval(interval) : throw new ArgumentOutOfRangeException(nameof(interval));

    /// <summary>Due once a day at <paramref name="localTime"/> in the deployment's time zone (<c>Jobs:TimeZone</c>).</summary>
    public static JobSchedule DailyAt(TimeOnly localTime) => new Daily(localTime);

    /// <summary>The latest due point at or before <paramref name="nowUtc"/>.</summary>
    public abstract DateTime LatestDue(DateTime nowUtc, TimeZoneInfo zone);

    public sealed record EveryInterval(TimeSpan Interval) : JobSchedule
    {
        public override DateTime LatestDue(DateTime nowUtc, TimeZoneInfo zone)
        {
            var sinceEpoch = nowUtc.Ticks - DateTime.UnixEpoch.Ticks;
            return new DateTime(nowUtc.Ticks - sinceEpoch % Interval.Ticks, DateTimeKind.Utc);
        }

        public override string ToString() => $"every {Interval}";
    }

    public sealed record Daily(TimeOnly LocalTime) : JobSchedule
    {
        public override DateTime LatestDue(DateTime nowUtc, TimeZoneInfo zone)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone);
            var candidate = DateTime.SpecifyKind(local.Date + LocalTime.ToTimeSpan(), DateTimeKind.Unspecified);
            if (candidate > local)
            {
                candidate = candidate.AddDays(-1);
            }
            if (zone.IsInvalidTime(candidate))
            {
                candidate = candidate.AddHours(1); // skipped by a daylight-saving change: run just after it
            }
            return TimeZoneInfo.ConvertTimeToUtc(candidate, zone);
        }

        public override string ToString() => $"daily at {LocalTime:HH\\:mm}";
    }
}
