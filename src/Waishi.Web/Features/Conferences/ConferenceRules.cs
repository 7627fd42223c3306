using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Conferences;

/// <summary>The policy's rules on an application: the lead time before the start (longer with a
/// foreign NGO) and whether the city must approve.</summary>
public static class ConferenceRules
{
    public const string LateMessage =
        "The conference starts on {0}, less than the lead time of {1} months from today: explain why it is filed late, or start it on {2} or later.";
    public const string LateNgoMessage =
        "With a foreign NGO taking part the lead time is {1} months, and the conference starts on {0}: explain why it is filed late, or start it on {2} or later.";

    /// <summary>The lead time in months that applies to the conference.</summary>
    public static int LeadMonths(Conference c, ConferencePolicy policy) => c.ForeignNgo ? policy.LeadMonthsWithNgo : policy.LeadMonths;

    /// <summary>The earliest start date that is on time when filed <paramref name="today"/>.</summary>
    public static DateOnly EarliestOnTime(Conference c, ConferencePolicy policy, DateOnly today) => today.AddMonths(LeadMonths(c, policy));

    public static bool IsLate(Conference c, ConferencePolicy policy, DateOnly today) => c.StartDate < EarliestOnTime(c, policy, today);

    /// <summary>A late application without a justification, as an error on the justification field.</summary>
    public static FieldError? LeadTime(Conference c, ConferencePolicy policy, DateOnly today)
    {
        if (!IsLate(c, policy, today) || !string.IsNullOrWhiteSpace(c.LateJustification))
        {
            return null;
        }
        return new FieldError(nameof(Conference.LateJustification), c.ForeignNgo ? LateNgoMessage : LateMessage,
            c.StartDate.ToString("yyyy-MM-dd"), LeadMonths(c, policy), EarliestOnTime(c, policy, today).ToString("yyyy-MM-dd"));
    }

    /// <summary>Why the city must approve, as English reasons (empty: the institution decides alone).</summary>
    public static List<string> CityReasons(Conference c, ConferencePolicy policy)
    {
        var reasons = new List<string>();
        if (c.ExpectedParticipants >= policy.CityTotalThreshold)
        {
            reasons.Add($"{c.ExpectedParticipants} participants (city approval from {policy.CityTotalThreshold})");
        }
        if (c.ExpectedForeign >= policy.CityForeignThreshold)
        {
            reasons.Add($"{c.ExpectedForeign} foreign participants (city approval from {policy.CityForeignThreshold})");
        }
        if (c.SensitiveTopics)
        {
            reasons.Add("topics marked sensitive");
        }
        var text = $"{c.TitleEn} {c.TitleZh} {c.Topics}";
        foreach (var word in policy.Keywords.Where(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            reasons.Add($"topic keyword \"{word}\"");
        }
        return reasons;
    }

    public static bool NeedsCity(Conference c, ConferencePolicy policy) => CityReasons(c, policy).Count > 0;

    /// <summary>Marks the conference late (or not) and whether the city approves, for the list and the chain.</summary>
    public static void Stamp(Conference c, ConferencePolicy policy, DateOnly today)
    {
        c.IsLate = IsLate(c, policy, today);
        c.CityApproval = NeedsCity(c, policy);
    }
}
