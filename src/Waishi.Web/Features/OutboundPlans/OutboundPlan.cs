using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.OutboundPlans;

/// <summary>Where a unit's annual plan stands: the unit edits a draft and submits it; the exit
/// officer accepts it or returns it to a draft.</summary>
public enum PlanState
{
    Draft,
    Submitted,
    Accepted,
}

/// <summary>
/// A unit's annual outbound plan (年度出访计划): the trips it intends to make in a year. One plan
/// per unit and year; trip applications link to one of its lines.
/// </summary>
public sealed class OutboundPlan : TenantEntity
{
    public int Year { get; set; }
    public Guid UnitId { get; set; }
    public PlanState State { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? SubmittedUtc { get; set; }
    public DateTime? ReviewedUtc { get; set; }
    /// <summary>The exit officer who last accepted or returned the plan.</summary>
    public Guid? ReviewedByUserId { get; set; }

    public List<OutboundPlanLine> Lines { get; set; } = [];
}

/// <summary>One planned trip of a unit's annual plan.</summary>
public sealed class OutboundPlanLine : TenantEntity
{
    public Guid PlanId { get; set; }
    public string Purpose { get; set; } = "";
    /// <summary>ISO 3166-1 alpha-2 codes (HK, MO, TW for the regions), comma-separated: "JP,DE".</summary>
    public string Countries { get; set; } = "";
    public int People { get; set; }
    /// <summary>Planned month of departure, 1 to 12.</summary>
    public int Month { get; set; }
    /// <summary>Planned budget in CNY.</summary>
    public decimal Budget { get; set; }
    public int SortOrder { get; set; }

    public IReadOnlyList<string> CountryCodes => Split(Countries);

    public static IReadOnlyList<string> Split(string? countries) =>
        [.. (countries ?? "").Split([',', ' ', ';', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct()];
}

public static class PlanLabels
{
    public static string Of(PlanState state) => state switch
    {
        PlanState.Draft => "Draft",
        PlanState.Submitted => "Submitted for review",
        PlanState.Accepted => "Accepted",
        _ => state.ToString(),
    };
}
