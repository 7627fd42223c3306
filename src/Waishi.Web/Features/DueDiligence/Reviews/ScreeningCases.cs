using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Features.DueDiligence.Reviews;

/// <summary>
/// Brings the cases in progress of a screened subject up to date when its hits change (ADR 0010):
/// a trip's case and its amendment in review, a visit's or a conference's case, or the cases of the agreements a partner is a party
/// to. A case has a hit while its subject (any party, for an agreement) has an open or a true-match
/// review; a true match keeps the security step, so that the security officer still decides the case.
/// The cases are changed in a scope of their own, so nothing the caller has pending is saved with them.
/// </summary>
public sealed class ScreeningCases(IServiceScopeFactory scopes, TenantContext tenant, Actor actor) : IScreeningSubjectHook
{
    /// <summary>Open and true-match reviews: the states that make a subject a hit for its cases.</summary>
    public static IQueryable<ScreeningReview> Hits(AppDbContext db, string subjectType) =>
        db.Set<ScreeningReview>().Where(r => r.SubjectType == subjectType
            && (r.State == ScreeningReviewState.Open || r.State == ScreeningReviewState.TrueMatch));

    public async Task ReviewsChangedAsync(string subjectType, Guid subjectId, CancellationToken ct)
    {
        if (tenant.TenantId is not { } tenantId)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<TenantContext>().Set(tenantId, tenant.Kind ?? TenantKind.Institution);
        sp.GetRequiredService<Actor>().Set(actor.UserId, actor.Name);
        var db = sp.GetRequiredService<AppDbContext>();
        var engine = sp.GetRequiredService<WorkflowEngine>();
        foreach (var (caseId, hit) in await CasesAsync(db, subjectType, subjectId, ct))
        {
            await engine.SetScreeningHitAsync(caseId, hit, actor.UserId, actor.Name, ct);
        }
    }

    /// <summary>The subject's cases in progress, each with whether it has a hit now.</summary>
    private static async Task<List<(Guid CaseId, bool Hit)>> CasesAsync(AppDbContext db, string subjectType, Guid subjectId, CancellationToken ct)
    {
        var inProgress = db.Set<WorkflowCase>().Where(c => c.State == CaseState.InProgress).Select(c => c.Id);
        if (subjectType == ScreeningSubjects.Trip)
        {
            var hit = await Hits(db, ScreeningSubjects.Trip).AnyAsync(r => r.SubjectId == subjectId, ct);
            var trip = await db.Set<Trip>().Where(t => t.Id == subjectId && t.CaseId != null && inProgress.Contains(t.CaseId.Value))
                .Select(t => t.CaseId!.Value).ToListAsync(ct);
            var amendments = await db.Set<TripAmendment>().Where(a => a.TripId == subjectId && a.CaseId != null && inProgress.Contains(a.CaseId.Value))
                .Select(a => a.CaseId!.Value).ToListAsync(ct);
            return [.. trip.Concat(amendments).Select(id => (id, hit))];
        }
        if (subjectType == ScreeningSubjects.Visit)
        {
            var hit = await Hits(db, ScreeningSubjects.Visit).AnyAsync(r => r.SubjectId == subjectId, ct);
            var visit = await db.Set<Visits.Visit>().Where(v => v.Id == subjectId && v.CaseId != null && inProgress.Contains(v.CaseId.Value))
                .Select(v => v.CaseId!.Value).ToListAsync(ct);
            return [.. visit.Select(id => (id, hit))];
        }
        if (subjectType == ScreeningSubjects.Conference)
        {
            var hit = await Hits(db, ScreeningSubjects.Conference).AnyAsync(r => r.SubjectId == subjectId, ct);
            var conference = await db.Set<Conferences.Conference>().Where(c => c.Id == subjectId && c.CaseId != null && inProgress.Contains(c.CaseId.Value))
                .Select(c => c.CaseId!.Value).ToListAsync(ct);
            return [.. conference.Select(id => (id, hit))];
        }
        if (subjectType != ScreeningSubjects.Partner)
        {
            return [];
        }
        var agreements = await db.Set<AgreementParty>().Where(p => p.PartnerId == subjectId)
            .Join(db.Set<Agreement>(), p => p.AgreementId, a => a.Id, (p, a) => a)
            .Where(a => a.CaseId != null && inProgress.Contains(a.CaseId.Value))
            .Select(a => new { a.Id, CaseId = a.CaseId!.Value }).Distinct().ToListAsync(ct);
        var cases = new List<(Guid, bool)>();
        foreach (var a in agreements)
        {
            var parties = db.Set<AgreementParty>().Where(p => p.AgreementId == a.Id).Select(p => p.PartnerId);
            cases.Add((a.CaseId, await Hits(db, ScreeningSubjects.Partner).AnyAsync(r => parties.Contains(r.SubjectId), ct)));
        }
        return cases;
    }
}
