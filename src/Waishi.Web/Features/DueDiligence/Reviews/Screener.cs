using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.DueDiligence.Screening;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.DueDiligence.Reviews;

/// <summary>
/// Screens a subject's names against the current tenant's entries (its cached index) and keeps the
/// subject's reviews in step: a new hit opens a review (or takes the remembered decision on the same
/// name and entry), a hit that is gone closes its open review as "no longer a hit". Decided reviews
/// stay as they were decided.
/// </summary>
public sealed class Screener(
    AppDbContext db, TenantContext tenant, IScreeningEntrySource source, ScreeningIndexCache cache, TimeProvider clock,
    IEnumerable<IScreeningSubjectHook> hooks)
{
    public const string ScreeningActor = "screening";

    /// <summary>The current tenant's index and its stamp.</summary>
    public async Task<(ScreeningIndex Index, long Stamp)> IndexAsync(CancellationToken ct)
    {
        var tenantId = tenant.TenantId ?? throw new InvalidOperationException("Screening needs a tenant.");
        var set = await source.LoadAsync(ct);
        return (cache.Get(tenantId, set.Stamp, () => set.Entries), set.Stamp);
    }

    /// <summary>The best candidate per entry over all the names, each with the name that met it.</summary>
    public static List<(string Name, ScreeningCandidate Candidate)> Candidates(
        ScreeningIndex index, IEnumerable<string?> names, string? countryCode, DateOnly today) =>
        names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).Distinct()
            .SelectMany(n => index.Screen(n, string.IsNullOrWhiteSpace(countryCode) ? null : countryCode, today).Select(c => (Name: n, Candidate: c)))
            .GroupBy(x => (x.Candidate.Entry.Kind, x.Candidate.Entry.Id))
            .Select(g => g.OrderByDescending(x => x.Candidate.Score).First())
            .OrderByDescending(x => x.Candidate.Score)
            .ToList();

    /// <summary>Screens the subject and saves its reviews; returns the subject's open reviews.</summary>
    public async Task<IReadOnlyList<ScreeningReview>> ScreenAsync(
        string subjectType, Guid subjectId, IEnumerable<string?> names, string? countryCode, CancellationToken ct = default)
    {
        var (index, _) = await IndexAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var hits = Candidates(index, names, countryCode, DateOnly.FromDateTime(now)).Where(x => x.Candidate.IsHit).ToList();
        var reviews = await db.Set<ScreeningReview>()
            .Where(r => r.SubjectType == subjectType && r.SubjectId == subjectId).ToListAsync(ct);
        var wasHit = reviews.Any(IsHit);

        foreach (var (name, hit) in hits)
        {
            var current = reviews.FirstOrDefault(r => r.EntryKind == hit.Entry.Kind && r.EntryId == hit.Entry.Id
                && r.State != ScreeningReviewState.NoLongerHit);
            if (current is not null)
            {
                if (current.IsOpen)
                {
                    Describe(current, name, countryCode, hit);
                }
                continue;
            }
            var review = new ScreeningReview
            {
                SubjectType = subjectType,
                SubjectId = subjectId,
                EntryKind = hit.Entry.Kind,
                EntryId = hit.Entry.Id,
                State = ScreeningReviewState.Open,
                CreatedUtc = now,
            };
            Describe(review, name, countryCode, hit);
            var key = NameNormaliser.Normalise(name);
            var remembered = await db.Set<ScreeningDecision>().AsNoTracking().FirstOrDefaultAsync(
                d => d.NormalisedName == key && d.EntryKind == hit.Entry.Kind && d.EntryId == hit.Entry.Id, ct);
            if (remembered is not null)
            {
                review.State = remembered.Outcome;
                review.Note = remembered.Note;
                review.DecidedBy = remembered.DecidedBy;
                review.DecidedByUserId = remembered.DecidedByUserId;
                review.DecidedUtc = remembered.DecidedUtc;
                review.Remembered = true;
            }
            db.Add(review);
            reviews.Add(review);
        }

        foreach (var gone in reviews.Where(r => r.IsOpen
                     && !hits.Any(h => h.Candidate.Entry.Kind == r.EntryKind && h.Candidate.Entry.Id == r.EntryId)))
        {
            gone.State = ScreeningReviewState.NoLongerHit;
            gone.DecidedBy = ScreeningActor;
            gone.DecidedByUserId = null;
            gone.DecidedUtc = now;
        }
        await db.SaveChangesAsync(ct);
        if (reviews.Any(IsHit) != wasHit)
        {
            // A hit opened on a clean subject, or its last one closed: its cases in progress follow.
            foreach (var hook in hooks)
            {
                await hook.ReviewsChangedAsync(subjectType, subjectId, ct);
            }
        }
        return reviews.Where(r => r.IsOpen).ToList();
    }

    /// <summary>Whether a review makes its subject a hit for the workflows: open, or a true match.</summary>
    public static bool IsHit(ScreeningReview r) => r.State is ScreeningReviewState.Open or ScreeningReviewState.TrueMatch;

    private static void Describe(ScreeningReview r, string name, string? countryCode, ScreeningCandidate hit)
    {
        r.ScreenedName = Cut(name, 500);
        r.CountryCode = string.IsNullOrWhiteSpace(countryCode) ? null : countryCode.Trim().ToUpperInvariant();
        r.EntryName = Cut(hit.Entry.PrimaryName, 500);
        r.EntryCountryCode = hit.Entry.CountryCode;
        r.ListName = hit.Entry.ListName is { } list ? Cut(list, 200) : null;
        r.Score = Math.Round(hit.Score, 4);
        r.MatchKind = hit.How;
        r.MatchedName = Cut(hit.MatchedName, 500);
        r.EditDistance = hit.EditDistance;
        r.Branch = hit.Branch is { } branch ? Cut(branch, 200) : null;
        r.CountryDiffers = hit.CountryDiffers;
        r.Explanation = Cut(hit.Explanation, 1000);
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;

    /// <summary>Whether any of the subjects has an open review.</summary>
    public static Task<bool> AnyOpenAsync(AppDbContext db, string subjectType, IReadOnlyCollection<Guid> subjectIds, CancellationToken ct) =>
        db.Set<ScreeningReview>().AnyAsync(r => r.SubjectType == subjectType && subjectIds.Contains(r.SubjectId)
            && r.State == ScreeningReviewState.Open, ct);
}

/// <summary>No entries: the screening finds nothing until the due diligence lists register a source.</summary>
internal sealed class NoScreeningEntries : IScreeningEntrySource
{
    public Task<ScreeningEntrySet> LoadAsync(CancellationToken ct) => Task.FromResult(new ScreeningEntrySet([], 0));
}
