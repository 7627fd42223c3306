using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Visits;

/// <summary>How important a delegation is. The number is <c>CaseFacts.VipLevel</c>: the default
/// visit chain adds the leader from <see cref="Important"/> and the FAO at <see cref="StateLevel"/>
/// (thresholds a tenant admin can move in the chain editor).</summary>
public enum VipLevel
{
    None = 0,
    Ordinary = 1,
    Important = 2,
    StateLevel = 3,
}

/// <summary>Where a visit request stands. <see cref="InReview"/> is on its approval chain;
/// <see cref="Returned"/> went back to the host for revision; <see cref="Closed"/> is an approved
/// visit whose host has recorded what actually happened (销签).</summary>
public enum VisitState
{
    Draft,
    InReview,
    Returned,
    Approved,
    Rejected,
    Withdrawn,
    Cancelled,
    Closed,
}

public enum VisitorSex
{
    Female,
    Male,
}

public enum AgendaItemKind
{
    Meeting,
    CampusTour,
    Lecture,
    Banquet,
    Other,
}

public enum VisitBudgetCategory
{
    Accommodation,
    Meals,
    Banquet,
    LocalTransport,
    Venue,
    Interpretation,
    Honorarium,
    Gifts,
    Other,
}

/// <summary>
/// A request to receive a foreign (or Hong Kong, Macao, Taiwan) delegation: the host unit files it,
/// the chain approves it, and after the visitors leave the host closes it with what actually
/// happened and, if it wishes, a summary for the notice page.
/// </summary>
public sealed class Visit : TenantEntity
{
    /// <summary>Days after the departure by which the host must record the actual visit.</summary>
    public const int ClosureDays = 30;

    /// <summary>"VIS-2026-0007", given at first submission.</summary>
    public string? Number { get; set; }
    /// <summary>The org unit that hosts the delegation and decides who reviews the request first.</summary>
    public Guid UnitId { get; set; }
    public Guid FiledByUserId { get; set; }
    /// <summary>The staff member of the host unit who looks after the visitors.</summary>
    public Guid? HostContactId { get; set; }
    /// <summary>The office user (global relations) who follows the visit.</summary>
    public Guid? OfficerUserId { get; set; }
    public string Title { get; set; } = "";
    public string? Purpose { get; set; }
    /// <summary>The institution the delegation comes from, where it is a partner.</summary>
    public Guid? PartnerId { get; set; }
    public DateOnly? ArrivalDate { get; set; }
    public DateOnly? DepartureDate { get; set; }
    public VipLevel VipLevel { get; set; }
    public VisitState State { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? SubmittedUtc { get; set; }
    /// <summary>When the chain approved or rejected the request (or it was withdrawn or cancelled).</summary>
    public DateTime? DecidedUtc { get; set; }
    /// <summary>The approval case (the latest, after a withdrawal and a new filing).</summary>
    public Guid? CaseId { get; set; }
    /// <summary>Why the request was withdrawn or the visit cancelled.</summary>
    public string? CancelledReason { get; set; }

    // Closure (销签): what actually happened, recorded by the host after the visit.
    public DateTime? ClosedUtc { get; set; }
    public Guid? ClosedByUserId { get; set; }
    public DateOnly? ActualArrivalDate { get; set; }
    public DateOnly? ActualDepartureDate { get; set; }
    /// <summary>Who came beyond the per-member <see cref="VisitMember.Came"/> flags (substitutes, extra guests).</summary>
    public string? ActualMembersNote { get; set; }
    public string? ClosureReport { get; set; }

    // Post-visit summary, publishable as a news item on the notice page.
    public string? SummaryTitle { get; set; }
    public string? SummaryText { get; set; }
    public bool SummaryPublished { get; set; }
    public DateTime? SummaryPublishedUtc { get; set; }

    public List<VisitMember> Members { get; set; } = [];
    public List<VisitAgendaItem> Agenda { get; set; } = [];
    public List<VisitBudgetLine> Budget { get; set; } = [];
    public List<VisitGift> Gifts { get; set; } = [];

    /// <summary>States in which the visit is going ahead or took place.</summary>
    public static readonly VisitState[] Live = [VisitState.InReview, VisitState.Returned, VisitState.Approved, VisitState.Closed];

    /// <summary>The last day for the closure: <see cref="ClosureDays"/> after the planned departure.</summary>
    public DateOnly? ClosureDueOn => DepartureDate?.AddDays(ClosureDays);

    public bool IsEditable => State is VisitState.Draft or VisitState.Returned;
}

/// <summary>A member of the visiting delegation (not one of our staff).</summary>
public sealed class VisitMember : TenantEntity
{
    public Guid VisitId { get; set; }
    /// <summary>The name as in the passport, in Latin script.</summary>
    public string NameLatin { get; set; } = "";
    public string? NameZh { get; set; }
    /// <summary>ISO 3166-1 alpha-2 code; HK, MO and TW for the regions.</summary>
    public string Nationality { get; set; } = "";
    public string? PassportNumber { get; set; }
    public DateOnly? BirthDate { get; set; }
    public VisitorSex? Sex { get; set; }
    /// <summary>Position or academic title ("Vice-President", "Professor").</summary>
    public string? Title { get; set; }
    public string Organisation { get; set; } = "";
    public Guid? PartnerId { get; set; }
    public bool IsLeader { get; set; }
    /// <summary>Recorded at closure: null until then, false for a member who did not come.</summary>
    public bool? Came { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A programme item of the visit with the staff who attend it. Times are local wall-clock times.</summary>
public sealed class VisitAgendaItem : TenantEntity
{
    public Guid VisitId { get; set; }
    public AgendaItemKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    public string? Venue { get; set; }
    public string Description { get; set; } = "";
    public int SortOrder { get; set; }

    public List<VisitAgendaAttendee> Attendees { get; set; } = [];
}

/// <summary>A staff member who attends an agenda item.</summary>
public sealed class VisitAgendaAttendee : TenantEntity
{
    public Guid AgendaItemId { get; set; }
    public Guid StaffMemberId { get; set; }
}

public sealed class VisitBudgetLine : TenantEntity
{
    public Guid VisitId { get; set; }
    public VisitBudgetCategory Category { get; set; }
    public string? Description { get; set; }
    public decimal Amount { get; set; }
    /// <summary>ISO 4217 code, CNY unless said otherwise.</summary>
    public string Currency { get; set; } = "CNY";
    public int SortOrder { get; set; }
}

/// <summary>A gift given to the visitors (recorded for the gift register rules).</summary>
public sealed class VisitGift : TenantEntity
{
    public Guid VisitId { get; set; }
    public string Description { get; set; } = "";
    public string? Recipient { get; set; }
    public decimal? Value { get; set; }
    public string Currency { get; set; } = "CNY";
    public int SortOrder { get; set; }
}
