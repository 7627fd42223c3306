using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.DueDiligence.Screening;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence.Reviews;

public static class ReviewsSetup
{
    public static IServiceCollection AddWaishiScreeningReviews(this IServiceCollection services)
    {
        services.Configure<AuthorizationOptions>(o =>
        {
            o.AddPolicy(Policies.Screening, p => p.RequireAuthenticatedUser().RequireClaim(WaishiClaims.Role, [.. Policies.OfficeRoles, Roles.SecurityOfficer]));
            o.AddPolicy(Policies.ScreeningReviews, p => p.RequireAuthenticatedUser().RequireClaim(WaishiClaims.Role, Roles.SecurityOfficer, Roles.Director));
        });
        services.TryAddScoped<IScreeningEntrySource, NoScreeningEntries>();
        services.AddScoped<Screener>();
        services.AddScoped<ReviewDecisions>();
        services.AddScoped<IPartnerSaved, PartnerScreening>();
        services.AddScoped<IAgreementScreening, AgreementPartyScreening>();
        services.AddScoped<Trips.ITripScreening, TripScreening>();
        services.AddSingleton<Platform.Jobs.IRecurringJob, ScreeningJob>();
        services.AddScoped<IScreeningSubjectHook, ScreeningCases>();
        services.AddScoped<IPartnerMerged, PartnerMergeScreening>();
        return services;
    }
}

/// <summary>Screens a partner's names (English, Chinese, local, acronyms, former names) with its country.</summary>
public sealed class PartnerScreening(Screener screener) : IPartnerSaved
{
    public Task SavedAsync(Partner partner, CancellationToken ct) =>
        screener.ScreenAsync(ScreeningSubjects.Partner, partner.Id, partner.AllNames(), partner.CountryCode, ct);
}

/// <summary>An agreement is a hit while any of its partners has an open or a true-match review; an open
/// one (not decided yet) blocks its approval for signing and its signing.</summary>
public sealed class AgreementPartyScreening(AppDbContext db) : IAgreementScreening
{
    public Task<bool> HitAsync(Agreement agreement, CancellationToken ct)
    {
        var partners = agreement.Parties.Select(p => p.PartnerId).ToList();
        return ScreeningCases.Hits(db, ScreeningSubjects.Partner).AnyAsync(r => partners.Contains(r.SubjectId), ct);
    }

    public async Task<OpenPartyHit?> OpenHitAsync(Agreement agreement, CancellationToken ct)
    {
        var partners = agreement.Parties.OrderBy(p => p.SortOrder).Select(p => p.PartnerId).ToList();
        var open = await db.Set<ScreeningReview>().AsNoTracking()
            .Where(r => r.SubjectType == ScreeningSubjects.Partner && partners.Contains(r.SubjectId) && r.State == ScreeningReviewState.Open)
            .Join(db.Set<Partner>(), r => r.SubjectId, p => p.Id, (r, p) => new { r.Id, r.SubjectId, r.Score, p.NameEn })
            .ToListAsync(ct);
        var first = open.OrderBy(r => partners.IndexOf(r.SubjectId)).ThenByDescending(r => r.Score).FirstOrDefault();
        return first is null ? null : new OpenPartyHit(first.SubjectId, first.NameEn, $"/DueDiligence/Reviews/Decide/{first.Id}");
    }
}
