using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.TravelDocuments;

/// <summary>Kinds of travel document the exit administration keeps in custody.</summary>
public enum TravelDocumentType
{
    OfficialPassport,
    OrdinaryPassport,
    HongKongMacaoPermit,
    TaiwanPermit,
}

/// <summary>
/// Where a document stands. Only <see cref="InCustody"/>, <see cref="CheckedOut"/>, <see cref="Lost"/>
/// and <see cref="Cancelled"/> are stored; <see cref="Overdue"/> (checked out past its return due
/// date) and <see cref="Expired"/> (in custody past its expiry date) follow from the dates on the
/// day they are read, so that no job has to flip them.
/// </summary>
public enum TravelDocumentStatus
{
    InCustody,
    CheckedOut,
    Overdue,
    Expired,
    Lost,
    Cancelled,
}

public enum CustodyAction
{
    Registered,
    CheckedOut,
    Returned,
    Lost,
    Cancelled,
}

/// <summary>
/// A passport or permit held by the international office for a staff member (the holder). While it
/// is checked out it carries the trip it went with and the day it is due back.
/// </summary>
public sealed class TravelDocument : TenantEntity
{
    public TravelDocumentType Type { get; set; }
    public string Number { get; set; } = "";
    public Guid HolderId { get; set; }
    public DateOnly IssueDate { get; set; }
    public DateOnly ExpiryDate { get; set; }
    public string? IssuedBy { get; set; }
    public string? Notes { get; set; }
    /// <summary>The stored status: in custody, checked out, lost or cancelled.</summary>
    public TravelDocumentStatus Status { get; set; }
    /// <summary>The trip of the current check-out.</summary>
    public Guid? TripId { get; set; }
    public DateTime? CheckedOutUtc { get; set; }
    /// <summary>Last day to hand the document back: the trip's return date plus the policy's days.</summary>
    public DateOnly? ReturnDue { get; set; }
    /// <summary>Why the document was reported lost or cancelled.</summary>
    public string? ClosedReason { get; set; }
    public DateTime CreatedUtc { get; set; }

    /// <summary>The status as of <paramref name="today"/>, with overdue and expired worked out.</summary>
    public TravelDocumentStatus StatusOn(DateOnly today) => Status switch
    {
        TravelDocumentStatus.CheckedOut when ReturnDue is { } due && due < today => TravelDocumentStatus.Overdue,
        TravelDocumentStatus.InCustody when ExpiryDate < today => TravelDocumentStatus.Expired,
        _ => Status,
    };

    /// <summary>Whole days past the return due date on <paramref name="today"/>; 0 when not overdue.</summary>
    public int DaysOverdue(DateOnly today) =>
        Status == TravelDocumentStatus.CheckedOut && ReturnDue is { } due && due < today ? today.DayNumber - due.DayNumber : 0;
}

/// <summary>One line of a document's custody ledger: what happened, who recorded it and when.</summary>
public sealed class CustodyEntry : TenantEntity
{
    public Guid DocumentId { get; set; }
    public CustodyAction Action { get; set; }
    public Guid? TripId { get; set; }
    public DateOnly? ReturnDue { get; set; }
    public Guid? ByUserId { get; set; }
    public string ByName { get; set; } = "";
    public DateTime AtUtc { get; set; }
    public string? Note { get; set; }
}
