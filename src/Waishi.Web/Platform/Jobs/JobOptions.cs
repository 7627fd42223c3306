namespace Waishi.Web.Platform.Jobs;

/// <summary>Configuration section "Jobs".</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>Run recurring jobs in this instance.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How often the scheduler looks for due jobs.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How long a run holds its job; a crashed instance's job may run again after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>Time zone of daily schedules (IANA id).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public TimeZoneInfo Zone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException($"Jobs:TimeZone '{TimeZone}' is not a known time zone. Use an IANA id such as Asia/Shanghai.", ex);
        }
    }
}
