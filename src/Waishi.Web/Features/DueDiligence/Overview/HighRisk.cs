using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.DueDiligence.Profiles;
using Waishi.Web.Features.DueDiligence.Reviews;
using Waishi.Web.Features.DueDiligence.Screening;
using Waishi.Web.Features.Partners;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence.Overview;

/// <summary>Why a partner or a trip counts as involving a high-risk institution: a linked profile of that level,
/// or a true-match review on a profile of that level or on a watchlist entry.</summary>
public sealed record RiskReason(Guid SubjectId, RiskLevel? Level, Guid? ProfileId, string EntryName, string? ListName, bool TrueMatch);

/// <summary>
/// The records that involve high or very high risk institutions, as composable queries (so that a list
/// page filters, counts and pages them in the database) and the reasons behind a page of them (a few
/// queries per page, never one per row).
/// </summary>
/// <remarks>
/// With no level chosen a true match on a watchlist entry counts too: the entry has no risk level of its
/// own (none is inferred), but a confirmed listed party is what this page exists to show. Choosing a
/// level narrows to profiles of that level.
/// </remarks>
public sealed class HighRisk(AppDbContext db)
{
    public static readonly RiskLevel[] Levels = [RiskLevel.VeryHigh, RiskLevel.High];

    /// <summary>The level of a filter: null for both levels (and listed true matches); anything but high or very high reads as null.</summary>
    public static RiskLevel? Normalise(RiskLevel? level) => level is { } l && Levels.Contains(l) ? l : null;

    private IQueryable<InstitutionProfile> Profiles(RiskLevel? level)
    {
        var levels = Normalise(level) is { } l ? new[] { l } : Levels;
        return db.Set<InstitutionProfile>().AsNoTracking().Where(p => levels.Contains(p.RiskLevel));
    }

    private IQueryable<ScreeningReview> TrueMatches(string subjectType, RiskLevel? level)
    {
        var profiles = Profiles(level).Select(p => p.Id);
        var matches = db.Set<ScreeningReview>().AsNoTracking().Where(r => r.SubjectType == subjectType && r.State == ScreeningReviewState.TrueMatch);
        return Normalise(level) is null
            ? matches.Where(r => r.EntryKind == ScreeningSourceKind.WatchlistEntry || (r.EntryKind == ScreeningSourceKind.Profile && profiles.Contains(r.EntryId)))
            : matches.Where(r => r.EntryKind == ScreeningSourceKind.Profile && profiles.Contains(r.EntryId));
    }

    private IQueryable<Guid> LinkedPartners(RiskLevel? level) => Profiles(level).Where(p => p.PartnerId != null).Select(p => p.PartnerId!.Value);

    private IQueryable<Guid> MatchedPartners(RiskLevel? level) => TrueMatches(ScreeningSubjects.Partner, level).Select(r => r.SubjectId);

    /// <summary>Agreements with a party that is such an institution.</summary>
    public IQueryable<Agreement> Agreements(RiskLevel? level)
    {
        var linked = LinkedPartners(level);
        var matched = MatchedPartners(level);
        var parties = db.Set<AgreementParty>().Where(p => linked.Contains(p.PartnerId) || matched.Contains(p.PartnerId)).Select(p => p.AgreementId);
        return db.Set<Agreement>().AsNoTracking().Where(a => parties.Contains(a.Id));
    }

    /// <summary>Trips whose inviting partner is such an institution, or whose inviting organisation was found to be one.</summary>
    public IQueryable<Trip> Trips(RiskLevel? level)
    {
        var linked = LinkedPartners(level);
        var matched = MatchedPartners(level);
        var trips = TrueMatches(ScreeningSubjects.Trip, level).Select(r => r.SubjectId);
        return db.Set<Trip>().AsNoTracking().Where(t =>
            (t.PartnerId != null && (linked.Contains(t.PartnerId.Value) || matched.Contains(t.PartnerId.Value))) || trips.Contains(t.Id));
    }

    /// <summary>The reasons of the given partners (or trips), by subject id, highest level first.</summary>
    public async Task<ILookup<Guid, RiskReason>> ReasonsAsync(string subjectType, IReadOnlyCollection<Guid> ids, RiskLevel? level, CancellationToken ct)
    {
        var reasons = new List<RiskReason>();
        if (ids.Count == 0)
        {
            return reasons.ToLookup(r => r.SubjectId);
        }
        if (subjectType == ScreeningSubjects.Partner)
        {
            var linked = await Profiles(level).Where(p => p.PartnerId != null && ids.Contains(p.PartnerId.Value))
                .Select(p => new { PartnerId = p.PartnerId!.Value, p.Id, p.NameEn, p.RiskLevel }).ToListAsync(ct);
            reasons.AddRange(linked.Select(p => new RiskReason(p.PartnerId, p.RiskLevel, p.Id, p.NameEn, null, false)));
        }
        var matches = await TrueMatches(subjectType, level).Where(r => ids.Contains(r.SubjectId))
            .Select(r => new { r.SubjectId, r.EntryKind, r.EntryId, r.EntryName, r.ListName }).ToListAsync(ct);
        var profileIds = matches.Where(m => m.EntryKind == ScreeningSourceKind.Profile).Select(m => m.EntryId).Distinct().ToList();
        var levels = profileIds.Count == 0 ? [] : await Profiles(level).Where(p => profileIds.Contains(p.Id))
            .Select(p => new { p.Id, p.RiskLevel }).ToDictionaryAsync(p => p.Id, p => p.RiskLevel, ct);
        foreach (var m in matches)
        {
            var isProfile = m.EntryKind == ScreeningSourceKind.Profile;
            reasons.Add(new RiskReason(m.SubjectId, isProfile && levels.TryGetValue(m.EntryId, out var l) ? l : null,
                isProfile ? m.EntryId : null, m.EntryName, m.ListName, true));
        }
        return reasons.OrderBy(r => r.Level is { } l ? Array.IndexOf(Levels, l) : Levels.Length).ToLookup(r => r.SubjectId);
    }

    /// <summary>The names of partners, by id.</summary>
    public Task<Dictionary<Guid, Partner>> PartnersAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Set<Partner>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
}
