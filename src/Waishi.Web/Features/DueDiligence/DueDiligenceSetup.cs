using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.DueDiligence;

/// <summary>Profiles and watchlists are read by the office roles, the security officer and auditors,
/// and kept by the security officer and the director.</summary>
public static class DueDiligenceSetup
{
    public const string ReaderPolicy = Policies.DueDiligence;
    public const string EditorPolicy = Policies.DueDiligenceEditor;
    public static readonly string[] EditorRoles = [Roles.SecurityOfficer, Roles.Director];

    public static IServiceCollection AddWaishiDueDiligence(this IServiceCollection services)
    {
        services.Configure<AuthorizationOptions>(o =>
        {
            o.AddPolicy(ReaderPolicy, p => p.RequireAuthenticatedUser().RequireClaim(WaishiClaims.Role,
                [.. Policies.OfficeRoles, Roles.SecurityOfficer, Roles.Auditor]));
            o.AddPolicy(EditorPolicy, p => p.RequireAuthenticatedUser().RequireClaim(WaishiClaims.Role, EditorRoles));
        });
        services.TryAddScoped<IScreeningInvalidation, NoScreeningInvalidation>();
        services.AddScoped<Screening.IScreeningEntrySource, DatabaseScreeningEntrySource>();
        services.AddScoped<Profiles.AspiImporter>();
        services.AddScoped<Profiles.ProfileWriter>();
        services.AddScoped<Watchlists.WatchlistImporter>();
        return services;
    }
}
