using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.TravelDocuments;

/// <summary>
/// What makes a document record valid and when it may leave custody. A document is checked out only
/// for an approved trip of its holder that has not ended, while it is in custody and valid beyond
/// the trip's return, and of the kind the destination needs. Each message names the rule and the
/// value that broke it; fields are property names of <see cref="TravelDocument"/> or "TripId".
/// </summary>
public static partial class TravelDocumentRules
{
    public const string TripField = "TripId";

    [GeneratedRegex(@"^[A-Z0-9]{5,20}$")]
    private static partial Regex NumberPattern();

    public static async Task<List<FieldError>> ValidateRecordAsync(AppDbContext db, TravelDocument doc, bool holderLocked, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(doc.Number))
        {
            errors.Add(new(nameof(TravelDocument.Number), "Enter the document number."));
        }
        else if (!NumberPattern().IsMatch(doc.Number))
        {
            errors.Add(new(nameof(TravelDocument.Number), "\"{0}\" is not a document number: use 5 to 20 capital letters and digits, such as E12345678.", doc.Number));
        }
        if (!Enum.IsDefined(doc.Type) || doc.Type > TravelDocumentType.TaiwanPermit)
        {
            errors.Add(new(nameof(TravelDocument.Type), "Choose a document type from the list."));
        }
        if (doc.HolderId == Guid.Empty || !await db.Set<StaffMember>().AnyAsync(s => s.Id == doc.HolderId, ct))
        {
            errors.Add(new(nameof(TravelDocument.HolderId), "The holder is not in the staff directory: choose one from the list."));
        }
        if (holderLocked)
        {
            errors.Add(new(nameof(TravelDocument.HolderId), "The holder of a checked-out document cannot change: record its return first."));
        }
        if (doc.IssueDate == default)
        {
            errors.Add(new(nameof(TravelDocument.IssueDate), "Enter the issue date."));
        }
        if (doc.ExpiryDate == default)
        {
            errors.Add(new(nameof(TravelDocument.ExpiryDate), "Enter the expiry date."));
        }
        else if (doc.IssueDate != default && doc.ExpiryDate <= doc.IssueDate)
        {
            errors.Add(new(nameof(TravelDocument.ExpiryDate), "The expiry date {0} is not after the issue date {1}.", Day(doc.ExpiryDate), Day(doc.IssueDate)));
        }
        Length(errors, nameof(TravelDocument.IssuedBy), doc.IssuedBy, 200, "Issued by");
        Length(errors, nameof(TravelDocument.Notes), doc.Notes, 1000, "Notes");
        if (!string.IsNullOrWhiteSpace(doc.Number)
            && await db.Set<TravelDocument>().AnyAsync(d => d.Id != doc.Id && d.Type == doc.Type && d.Number == doc.Number, ct))
        {
            errors.Add(new(nameof(TravelDocument.Number), "A document of type {0} with the number {1} is already registered.", TravelDocumentLabels.Of(doc.Type), doc.Number));
        }
        return errors;
    }

    /// <summary>Why the document cannot leave custody at all (a second check-out, a lost or expired
    /// document), or null.</summary>
    public static FieldError? NotAvailable(TravelDocument doc, DateOnly today) => doc.StatusOn(today) switch
    {
        TravelDocumentStatus.CheckedOut or TravelDocumentStatus.Overdue => new(TripField,
            "This document is already checked out (due back on {0}): record its return before checking it out again.", Day(doc.ReturnDue ?? today)),
        TravelDocumentStatus.Lost or TravelDocumentStatus.Cancelled => new(TripField,
            "This document is {0} and cannot be checked out.", TravelDocumentLabels.Of(doc.Status)),
        TravelDocumentStatus.Expired => new(TripField,
            "This document expired on {0} and cannot be checked out.", Day(doc.ExpiryDate)),
        _ => null,
    };

    /// <summary>Whether <paramref name="trip"/> (with its members) is one the document may go with.</summary>
    public static List<FieldError> CheckOut(TravelDocument doc, Trip? trip, StaffMember? holder, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (trip is null)
        {
            errors.Add(new(TripField, "Choose the trip the document is checked out for."));
            return errors;
        }
        if (trip.State != TripState.Approved)
        {
            errors.Add(new(TripField, "Documents are checked out only for approved trips; \"{0}\" is {1}.", trip.Title, TripLabels.Of(trip.State)));
        }
        if (trip.Members.All(m => m.StaffMemberId != doc.HolderId))
        {
            errors.Add(new(TripField, "{0}, the holder, is not a member of the delegation of \"{1}\".", holder?.NameZh ?? "", trip.Title));
        }
        if (trip.ReturnDate is not { } ret)
        {
            errors.Add(new(TripField, "The trip \"{0}\" has no return date.", trip.Title));
            return errors;
        }
        if (ret < today)
        {
            errors.Add(new(TripField, "The trip \"{0}\" ended on {1}.", trip.Title, Day(ret)));
        }
        if (doc.ExpiryDate <= ret)
        {
            errors.Add(new(TripField, "The document expires on {0}, before the trip returns on {1}.", Day(doc.ExpiryDate), Day(ret)));
        }
        if (!Fits(doc.Type, trip.Type))
        {
            errors.Add(new(TripField, "A trip of type {0} needs {1}; this document is a {2}.",
                TripLabels.Of(trip.Type), Needed(trip.Type), TravelDocumentLabels.Of(doc.Type)));
        }
        return errors;
    }

    /// <summary>The day the document is due back from <paramref name="trip"/>.</summary>
    public static DateOnly ReturnDue(Trip trip, TripPolicy policy) => trip.ReturnDate!.Value.AddDays(policy.DocumentReturnDays);

    /// <summary>Hong Kong and Macao are entered with the mainland's permit for them, Taiwan with its
    /// own permit, everywhere else with a passport.</summary>
    public static bool Fits(TravelDocumentType document, TripType trip) => trip switch
    {
        TripType.HongKongMacao => document == TravelDocumentType.HongKongMacaoPermit,
        TripType.Taiwan => document == TravelDocumentType.TaiwanPermit,
        _ => document is TravelDocumentType.OfficialPassport or TravelDocumentType.OrdinaryPassport,
    };

    private static string Needed(TripType trip) => trip switch
    {
        TripType.HongKongMacao => "a Hong Kong/Macao permit",
        TripType.Taiwan => "a Taiwan permit",
        _ => "a passport",
    };

    public static FieldError? Return(TravelDocument doc) =>
        doc.Status == TravelDocumentStatus.CheckedOut
            ? null
            : new("", "This document is not checked out (it is {0}), so there is nothing to return.", TravelDocumentLabels.Of(doc.Status));

    /// <summary>Reporting a document lost (also while checked out) or cancelling it (in custody only).</summary>
    public static List<FieldError> Close(TravelDocument doc, CustodyAction action, string? reason)
    {
        var errors = new List<FieldError>();
        if (action is not (CustodyAction.Lost or CustodyAction.Cancelled))
        {
            errors.Add(new("Action", "Choose lost or cancelled."));
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new("Reason", "Give the reason."));
        }
        Length(errors, "Reason", reason, 500, "Reason for the loss or cancellation");
        if (doc.Status is TravelDocumentStatus.Lost or TravelDocumentStatus.Cancelled)
        {
            errors.Add(new("", "This document is already {0}.", TravelDocumentLabels.Of(doc.Status)));
        }
        else if (action == CustodyAction.Cancelled && doc.Status == TravelDocumentStatus.CheckedOut)
        {
            errors.Add(new("", "A checked-out document cannot be cancelled: record its return first, or report it lost."));
        }
        return errors;
    }

    private static void Length(List<FieldError> errors, string field, string? value, int max, string label)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(new(field, "{0} is too long: at most {1} characters.", label, max));
        }
    }

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
