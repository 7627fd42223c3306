using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.TravelDocuments;

/// <summary>What a custody action came to: nothing wrong, invalid input, or a conflict with the
/// document's current state (a second check-out, a return of a document in custody, a stale form).</summary>
public sealed record CustodyOutcome(IReadOnlyList<FieldError> Errors, bool IsConflict)
{
    public static readonly CustodyOutcome Done = new([], false);
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Check-out, return and closing of a document, each written with its ledger line in one save. The
/// caller sends the version of the document it showed: a form posted twice, or two officers acting
/// at once, get the message of the state the first one left, and only one line reaches the ledger.
/// </summary>
public sealed class Custody(AppDbContext db, TimeProvider clock, Actor actor)
{
    public DateOnly Today => TripsSetup.Today(clock);

    /// <summary>Approved trips of the holder that have not ended, the ones a document may go with.</summary>
    public Task<List<Trip>> TripChoicesAsync(Guid holderId, CancellationToken ct)
    {
        var today = Today;
        return db.Set<Trip>().AsNoTracking()
            .Where(t => t.State == TripState.Approved && t.ReturnDate >= today
                && db.Set<TripMember>().Any(m => m.TripId == t.Id && m.StaffMemberId == holderId))
            .OrderBy(t => t.DepartureDate).ToListAsync(ct);
    }

    public async Task<CustodyOutcome> CheckOutAsync(TravelDocument doc, Guid? tripId, long version, CancellationToken ct)
    {
        var today = Today;
        if (TravelDocumentRules.NotAvailable(doc, today) is { } unavailable)
        {
            return new([unavailable], true);
        }
        if (doc.Version != version)
        {
            return new([StaleEdit.Error], true);
        }
        var trip = tripId is { } id
            ? await db.Set<Trip>().AsNoTracking().Include(t => t.Members).FirstOrDefaultAsync(t => t.Id == id, ct)
            : null;
        var holder = await db.Set<StaffMember>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == doc.HolderId, ct);
        var errors = TravelDocumentRules.CheckOut(doc, trip, holder, today);
        if (errors.Count > 0)
        {
            return new(errors, false);
        }
        var policy = await TripPolicy.LoadAsync(db, ct);
        var due = TravelDocumentRules.ReturnDue(trip!, policy);
        doc.Status = TravelDocumentStatus.CheckedOut;
        doc.TripId = trip!.Id;
        doc.CheckedOutUtc = clock.GetUtcNow().UtcDateTime;
        doc.ReturnDue = due;
        Record(doc, CustodyAction.CheckedOut, trip.Id, due, null);
        return await SaveAsync(doc, version, ct);
    }

    public async Task<CustodyOutcome> ReturnAsync(TravelDocument doc, long version, string? note, CancellationToken ct)
    {
        if (TravelDocumentRules.Return(doc) is { } refused)
        {
            return new([refused], true);
        }
        if (doc.Version != version)
        {
            return new([StaleEdit.Error], true);
        }
        Record(doc, CustodyAction.Returned, doc.TripId, doc.ReturnDue, note);
        doc.Status = TravelDocumentStatus.InCustody;
        doc.TripId = null;
        doc.CheckedOutUtc = null;
        doc.ReturnDue = null;
        return await SaveAsync(doc, version, ct);
    }

    public async Task<CustodyOutcome> CloseAsync(TravelDocument doc, CustodyAction action, string? reason, long version, CancellationToken ct)
    {
        var errors = TravelDocumentRules.Close(doc, action, reason);
        if (errors.Count > 0)
        {
            return new(errors, errors.Any(e => e.Field == ""));
        }
        if (doc.Version != version)
        {
            return new([StaleEdit.Error], true);
        }
        Record(doc, action, doc.TripId, doc.ReturnDue, reason!.Trim());
        doc.Status = action == CustodyAction.Lost ? TravelDocumentStatus.Lost : TravelDocumentStatus.Cancelled;
        doc.ClosedReason = reason.Trim();
        doc.TripId = null;
        doc.CheckedOutUtc = null;
        doc.ReturnDue = null;
        return await SaveAsync(doc, version, ct);
    }

    /// <summary>The ledger line of a newly registered document; the caller saves.</summary>
    public void Registered(TravelDocument doc) => Record(doc, CustodyAction.Registered, null, null, null);

    private void Record(TravelDocument doc, CustodyAction action, Guid? tripId, DateOnly? due, string? note) =>
        db.Add(new CustodyEntry
        {
            TenantId = doc.TenantId, DocumentId = doc.Id, Action = action, TripId = tripId, ReturnDue = due,
            ByUserId = actor.UserId, ByName = actor.Name, AtUtc = clock.GetUtcNow().UtcDateTime,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        });

    private async Task<CustodyOutcome> SaveAsync(TravelDocument doc, long version, CancellationToken ct)
    {
        db.ExpectVersion(doc, version);
        if (await db.TrySaveAsync(ct) is null)
        {
            return CustodyOutcome.Done;
        }
        // Someone acted first: tell what they left, in the words of the refused action.
        var now = await db.Set<TravelDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == doc.Id, ct);
        var message = now is null ? null : TravelDocumentRules.NotAvailable(now, Today);
        return new([message ?? StaleEdit.Error], true);
    }
}
