using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence.Reviews;

/// <summary>A reviewer's decision on a hit: a true match (with a note saying why) or a false positive.</summary>
public sealed record ReviewDecisionInput(ScreeningReviewState? Outcome, string? Note, long Version);

/// <summary>What became of a decision: done, refused with field errors, not open any more, stale, not found.</summary>
public enum ReviewDecisionStatus { Done, Invalid, NotOpen, Stale, NotFound }

public sealed record ReviewDecisionResult(ReviewDecisionStatus Status, IReadOnlyList<FieldError> Errors);

/// <summary>
/// Records decisions on open reviews and remembers them for the name and entry, so a later hit of
/// the same name on the same entry takes the decision. The subject's cases are told afterwards
/// (<see cref="IScreeningSubjectHook"/>), so that a security step can follow the hit.
/// </summary>
public sealed class ReviewDecisions(AppDbContext db, Actor actor, TimeProvider clock, IEnumerable<IScreeningSubjectHook> hooks)
{
    public const string OutcomeRequired = "Choose true match or false positive.";
    public const string NoteRequired = "A true match needs a note: say what was checked and why it is the listed institution.";
    public const string NoteTooLong = "The note is too long: at most 2,000 characters.";
    public const string NotOpenMessage = "This hit was already decided or is no longer a hit.";

    public async Task<ReviewDecisionResult> DecideAsync(Guid reviewId, ReviewDecisionInput input, CancellationToken ct = default)
    {
        var review = await db.Set<ScreeningReview>().SingleOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null)
        {
            return new(ReviewDecisionStatus.NotFound, []);
        }
        var errors = new List<FieldError>();
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (input.Outcome is not (ScreeningReviewState.TrueMatch or ScreeningReviewState.FalsePositive))
        {
            errors.Add(new FieldError(nameof(ReviewDecisionInput.Outcome), OutcomeRequired));
        }
        else if (input.Outcome == ScreeningReviewState.TrueMatch && note is null)
        {
            errors.Add(new FieldError(nameof(ReviewDecisionInput.Note), NoteRequired));
        }
        if (note is { Length: > 2000 })
        {
            errors.Add(new FieldError(nameof(ReviewDecisionInput.Note), NoteTooLong));
        }
        if (errors.Count > 0)
        {
            return new(ReviewDecisionStatus.Invalid, errors);
        }
        if (review.Version != input.Version)
        {
            return new(ReviewDecisionStatus.Stale, [StaleEdit.Error]);
        }
        if (!review.IsOpen)
        {
            return new(ReviewDecisionStatus.NotOpen, [new FieldError("", NotOpenMessage)]);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        review.State = input.Outcome!.Value;
        review.Note = note;
        review.DecidedByUserId = actor.UserId;
        review.DecidedBy = actor.Name;
        review.DecidedUtc = now;

        var key = NameNormaliser.Normalise(review.ScreenedName);
        var memory = await db.Set<ScreeningDecision>().SingleOrDefaultAsync(
            d => d.NormalisedName == key && d.EntryKind == review.EntryKind && d.EntryId == review.EntryId, ct);
        if (memory is null)
        {
            memory = new ScreeningDecision { NormalisedName = key, EntryKind = review.EntryKind, EntryId = review.EntryId };
            db.Add(memory);
        }
        memory.Outcome = review.State;
        memory.Note = note;
        memory.DecidedByUserId = actor.UserId;
        memory.DecidedBy = actor.Name;
        memory.DecidedUtc = now;
        if (await db.TrySaveAsync(ct) is { } stale)
        {
            return new(ReviewDecisionStatus.Stale, [stale]);
        }
        foreach (var hook in hooks)
        {
            await hook.ReviewsChangedAsync(review.SubjectType, review.SubjectId, ct);
        }
        return new(ReviewDecisionStatus.Done, []);
    }
}

/// <summary>Told when a subject's open hits may have changed (screened again, or a hit decided), so
/// that a module can bring its cases in progress up to date.</summary>
public interface IScreeningSubjectHook
{
    Task ReviewsChangedAsync(string subjectType, Guid subjectId, CancellationToken ct);
}
