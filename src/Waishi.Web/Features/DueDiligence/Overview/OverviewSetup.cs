using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.DueDiligence.Profiles;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.DueDiligence.Overview;

/// <summary>The tenant's due-diligence overview: read by the security officer, the director and the global relations officer.</summary>
public static class OverviewSetup
{
    public static readonly string[] Readers = [Roles.SecurityOfficer, Roles.Director, Roles.OfficerGlobal];

    public static IServiceCollection AddWaishiDueDiligenceOverview(this IServiceCollection services)
    {
        services.Configure<AuthorizationOptions>(o =>
            o.AddPolicy(Policies.DueDiligenceOverview, p => p.RequireAuthenticatedUser().RequireClaim(WaishiClaims.Role, Readers)));
        services.AddScoped<HighRisk>();
        return services;
    }

    /// <summary>A reason in the reader's language.</summary>
    public static string Describe(RiskReason r, IStringLocalizer t) => (r.TrueMatch, r.Level) switch
    {
        (false, { } level) => t["Linked profile {0}: {1}", r.EntryName, t[ProfileLabels.Of(level)]],
        (true, { } level) => t["True match on {0}: {1}", r.EntryName, t[ProfileLabels.Of(level)]],
        _ => t["True match on {0} ({1})", r.EntryName, r.ListName ?? t["Watchlist"]],
    };
}

/// <summary>The page links of a list of the overview.</summary>
public sealed record ListPager(int PageNo, int PageCount, Func<int, string> Href);
