using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Features.Trips;

/// <summary>Files an amendment of an approved trip (or revises the returned one) for the page and
/// the API: checks the reason and the new terms, then puts it on its chain.</summary>
public sealed class TripAmendments(AppDbContext db, TripApproval approval, TimeProvider clock, IEnumerable<ITripEligibility> eligibility)
{
    public const string InReviewMessage = "An amendment of this trip is in review already; wait for its decision.";

    public Task<TripAmendment?> OpenAsync(Guid tripId, CancellationToken ct) =>
        db.Set<TripAmendment>().FirstOrDefaultAsync(a => a.TripId == tripId
            && (a.State == AmendmentState.InReview || a.State == AmendmentState.Returned), ct);

    /// <summary>The errors (field names as in <see cref="TripTerms"/>: DepartureDate, Destinations[0].City,
    /// Members[1].StaffMemberId, Reason) or the outcome of the submission.</summary>
    public async Task<(List<FieldError> Errors, WorkflowResult? Result)> FileAsync(Trip trip, TripTerms after, string? reason, Guid userId, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var open = await OpenAsync(trip.Id, ct);
        if (open is { State: AmendmentState.InReview })
        {
            errors.Add(new("", InReviewMessage));
            return (errors, null);
        }
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            errors.Add(new("Reason", "Give the reason for the amendment."));
        }
        else if (reason.Length > 2000)
        {
            errors.Add(new("Reason", "The reason is too long: at most 2,000 characters."));
        }
        if (after.SameAs(TripTerms.Of(trip)))
        {
            errors.Add(new("", "Nothing was changed: change the dates, the destinations or the delegation, or go back to the trip."));
        }
        var policy = await TripPolicy.LoadAsync(db, ct);
        errors.AddRange(await TripRules.ValidateAmendmentAsync(db, TripApproval.Proposed(trip, after), policy, eligibility, ct));
        if (errors.Count > 0)
        {
            return (errors, null);
        }
        var amendment = open;
        if (amendment is null)
        {
            var last = await db.Set<TripAmendment>().Where(a => a.TripId == trip.Id).MaxAsync(a => (int?)a.Sequence, ct) ?? 0;
            amendment = new TripAmendment
            {
                TenantId = trip.TenantId, TripId = trip.Id, Sequence = last + 1, State = AmendmentState.InReview,
                RequestedByUserId = userId, CreatedUtc = clock.GetUtcNow().UtcDateTime, Before = TripTerms.Of(trip).ToJson(),
            };
            db.Add(amendment);
        }
        amendment.Reason = reason!;
        amendment.After = after.ToJson();
        if (open is not null)
        {
            // The revision is saved first; the resubmission then moves its case.
            await db.SaveChangesAsync(ct);
        }
        return (errors, await approval.SubmitAmendmentAsync(amendment, trip, after, userId, ct));
    }
}
