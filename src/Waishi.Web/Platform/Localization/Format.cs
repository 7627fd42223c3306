using System.Globalization;

namespace Waishi.Web.Platform.Localization;

/// <summary>
/// Dates and numbers as the reader's culture writes them: 2026-11-23 in English,
/// 2026年11月23日 in Chinese. Times are shown in China Standard Time, where every tenant works.
/// </summary>
public static class Format
{
    private static readonly TimeZoneInfo China = FindChina();

    public static string Date(DateOnly date) =>
        date.ToString(LocalizationSetup.IsChinese ? "yyyy年M月d日" : "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateTime utc) => Date(DateOnly.FromDateTime(ToChina(utc)));

    public static string Date(DateTimeOffset value) => Date(value.UtcDateTime);

    public static string DateTime(DateTime utc)
    {
        var local = ToChina(utc);
        return Date(DateOnly.FromDateTime(local)) + " " + local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    public static string DateTime(DateTimeOffset value) => DateTime(value.UtcDateTime);

    /// <summary>Whole numbers with the culture's group separator (1,234).</summary>
    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Number(decimal value, int decimals = 2) => value.ToString("N" + decimals, CultureInfo.CurrentCulture);

    private static System.DateTime ToChina(System.DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), China);

    private static TimeZoneInfo FindChina()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
