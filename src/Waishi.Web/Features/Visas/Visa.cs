using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Visas;

/// <summary>Where a visa application stands.</summary>
public enum VisaStatus
{
    NotNeeded,
    ToApply,
    Applied,
    Granted,
    Refused,
    Withdrawn,
}

/// <summary>
/// The visa of one delegation member for one destination country of a trip: at most one row per
/// trip, member and country. Kept by the exit officer or the trip's applicant.
/// </summary>
public sealed class Visa : TenantEntity
{
    public Guid TripId { get; set; }
    public Guid StaffMemberId { get; set; }
    /// <summary>ISO 3166-1 alpha-2 code of one of the trip's destinations.</summary>
    public string CountryCode { get; set; } = "";
    /// <summary>As the consulate names it, e.g. "Business (M)", "Schengen C", "J-1".</summary>
    public string? VisaType { get; set; }
    public VisaStatus Status { get; set; }
    public DateOnly? AppliedOn { get; set; }
    public DateOnly? DecidedOn { get; set; }
    /// <summary>What the decision gave: visa number, validity, entries; or the reason of a refusal.</summary>
    public string? Result { get; set; }
    public string? Notes { get; set; }
    public DateTime UpdatedUtc { get; set; }

    /// <summary>Statuses that still need work before departure.</summary>
    public static readonly VisaStatus[] Pending = [VisaStatus.ToApply, VisaStatus.Applied];

    /// <summary>Days ahead in which a departure with a pending visa is listed as urgent.</summary>
    public const int PendingHorizonDays = 30;
}

/// <summary>The English names of the visa statuses; each is also the key of its translation.</summary>
public static class VisaLabels
{
    public static string Of(VisaStatus status) => status switch
    {
        VisaStatus.NotNeeded => "Not needed",
        VisaStatus.ToApply => "To apply",
        VisaStatus.Applied => "Applied",
        VisaStatus.Granted => "Granted",
        VisaStatus.Refused => "Refused",
        VisaStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };
}
