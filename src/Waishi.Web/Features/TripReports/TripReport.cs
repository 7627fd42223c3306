using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.TripReports;

/// <summary>Where a trip report stands. A trip without a row has no report yet.</summary>
public enum ReportState
{
    Draft,
    Submitted,
    Returned,
    Approved,
}

/// <summary>
/// The report (出访报告) of an approved trip: the itinerary as it happened, the results and the
/// follow-up. One per trip, written by the applicant or the filer, approved or returned with a
/// comment by an exit officer; an approved report is published on the public notice page.
/// </summary>
public sealed class TripReport : TenantEntity
{
    public Guid TripId { get; set; }
    public ReportState State { get; set; }
    public string? Results { get; set; }
    public string? FollowUp { get; set; }
    /// <summary>The exit officer's comment when returning (or approving) the report.</summary>
    public string? ReviewComment { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? SubmittedUtc { get; set; }
    public Guid? SubmittedByUserId { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public Guid? DecidedByUserId { get; set; }

    public List<TripReportDay> Days { get; set; } = [];

    /// <summary>States in which the report is handed in: it no longer counts as due or overdue.</summary>
    public static readonly ReportState[] HandedIn = [ReportState.Submitted, ReportState.Approved];
}

/// <summary>One day of the itinerary as it happened.</summary>
public sealed class TripReportDay : TenantEntity
{
    public Guid TripReportId { get; set; }
    public DateOnly Date { get; set; }
    public string City { get; set; } = "";
    public string Activity { get; set; } = "";
    public int SortOrder { get; set; }
}

/// <summary>Where a trip's report stands in the report lists, including trips without one.</summary>
public enum ReportStatus
{
    Due,
    Overdue,
    Submitted,
    Approved,
}

public static class ReportLabels
{
    public static string Of(ReportState state) => state switch
    {
        ReportState.Draft => "Draft",
        ReportState.Submitted => "Submitted",
        ReportState.Returned => "Returned for revision",
        ReportState.Approved => "Approved",
        _ => state.ToString(),
    };

    public static string Of(ReportStatus status) => status switch
    {
        ReportStatus.Due => "To hand in",
        ReportStatus.Overdue => "Report overdue",
        ReportStatus.Submitted => "Submitted",
        ReportStatus.Approved => "Approved",
        _ => status.ToString(),
    };
}
