using Microsoft.AspNetCore.Authorization;
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
        return services;
    }
}

/// <summary>Screens a partner's names (English, Chinese, local, acronyms, former names) with its country.</summary>
public sealed class PartnerScreening(Screener screener) : IPartnerSaved
{
    public Task SavedAsync(Partner partner, CancellationToken ct) =>
        screener.ScreenAsync(ScreeningSubjects.Partner, partner.Id, partner.AllNames(), partner.CountryCode, ct);
}

/// <summary>An agreement is a hit while any of its partners has an open review.</summary>
public sealed class AgreementPartyScreening(AppDbContext db) : IAgreementScreening
{
    public Task<bool> HitAsync(Agreement agreement, CancellationToken ct) =>
        Screener.AnyOpenAsync(db, ScreeningSubjects.Partner, agreement.Parties.Select(p => p.PartnerId).ToList(), ct);
}
