using System.Text.RegularExpressions;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Agreements;

/// <summary>The checks of the agreement policy values the lifecycle job works with.</summary>
public static partial class AgreementLifecyclePolicy
{
    [GeneratedRegex(@"^[a-z0-9]([a-z0-9.-]*[a-z0-9])?\.[a-z]{2,}$")]
    private static partial Regex HeiId();

    [GeneratedRegex(@"^\s*\d{1,4}\s*(,\s*\d{1,4}\s*)*$")]
    private static partial Regex DayList();

    public static List<FieldError> Validate(AgreementPolicy policy)
    {
        var errors = new List<FieldError>();
        if (policy.EwpHeiId is { } hei && (hei.Length > 100 || !HeiId().IsMatch(hei)))
        {
            errors.Add(new FieldError(nameof(policy.EwpHeiId), "Enter the HEI id as the institution's internet domain, such as uni.example.edu, or leave it empty."));
        }
        if (policy.ExpiringDays is < 1 or > 730)
        {
            errors.Add(new FieldError(nameof(policy.ExpiringDays), "{0} must be between {1} and {2}; it is {3}.", "Expiring from (days before expiry)", 1, 730, policy.ExpiringDays));
        }
        if (!DayList().IsMatch(policy.ReminderDays) || policy.ReminderDayList.Any(d => d is < 1 or > 730) || policy.ReminderDays.Length > 50)
        {
            errors.Add(new FieldError(nameof(policy.ReminderDays), "Enter days before expiry from 1 to 730, separated by commas, such as 180,90,30."));
        }
        if (policy.DormantYears is < 1 or > 10)
        {
            errors.Add(new FieldError(nameof(policy.DormantYears), "{0} must be between {1} and {2}; it is {3}.", "Dormant after (years without mobility)", 1, 10, policy.DormantYears));
        }
        return errors;
    }
}
