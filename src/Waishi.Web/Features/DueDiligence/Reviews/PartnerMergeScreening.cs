using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence.Reviews;

/// <summary>
/// After a merge of partners: the merged partner's open reviews are closed as no longer a hit, with
/// a note naming the partner it was merged into, and the kept partner (which now carries the merged
/// one's names and agreements) is screened again, so its hits open on it, taking the remembered
/// decisions on the same names. The agreements it is a party to follow its hits. Decided reviews of
/// the merged partner stay as they were decided, for the record.
/// </summary>
public sealed class PartnerMergeScreening(AppDbContext db, Screener screener, TimeProvider clock, IEnumerable<IScreeningSubjectHook> hooks)
    : IPartnerMerged
{
    public const string MergedNote = "Merged into {0}.";

    public async Task MergedAsync(Partner kept, Guid mergedId, string mergedName, CancellationToken ct)
    {
        var open = await db.Set<ScreeningReview>()
            .Where(r => r.SubjectType == ScreeningSubjects.Partner && r.SubjectId == mergedId && r.State == ScreeningReviewState.Open)
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var review in open)
        {
            review.State = ScreeningReviewState.NoLongerHit;
            review.Note = string.Format(System.Globalization.CultureInfo.InvariantCulture, MergedNote, kept.NameEn);
            review.DecidedBy = Screener.ScreeningActor;
            review.DecidedByUserId = null;
            review.DecidedUtc = now;
        }
        await db.SaveChangesAsync(ct);
        await screener.ScreenAsync(ScreeningSubjects.Partner, kept.Id, kept.AllNames(), kept.CountryCode, ct);
        // The agreements that came over from the merged partner were filed with its hits.
        foreach (var hook in hooks)
        {
            await hook.ReviewsChangedAsync(ScreeningSubjects.Partner, kept.Id, ct);
        }
    }
}
