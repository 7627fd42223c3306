using Microsoft.AspNetCore.Authorization;
using Waishi.Web.Platform.Demo.Scale;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Conferences;

/// <summary>International conferences: applications, plans, summaries, the policy, and the FAO's view of referred applications.</summary>
public static class ConferencesSetup
{
    public static readonly string[] UserRoles =
        [Roles.Applicant, Roles.UnitSecretary, Roles.UnitHead, Roles.OfficerGlobal, Roles.Director, Roles.Leader, Roles.TenantAdmin, Roles.Auditor];

    /// <summary>Who keeps the conference policy.</summary>
    public static readonly string[] PolicyRoles = [Roles.TenantAdmin, Roles.Director];

    public static IServiceCollection AddWaishiConferences(this IServiceCollection services)
    {
        services.Configure<AuthorizationOptions>(o =>
        {
            o.AddPolicy(Policies.Conferences, p => p.RequireAuthenticatedUser()
                .RequireClaim(WaishiClaims.TenantKind, nameof(Platform.Tenancy.TenantKind.Institution))
                .RequireClaim(WaishiClaims.Role, UserRoles));
            o.AddPolicy(Policies.ConferenceReferrals, p => p.RequireAuthenticatedUser()
                .RequireClaim(WaishiClaims.TenantKind, nameof(Platform.Tenancy.TenantKind.Authority))
                .RequireClaim(WaishiClaims.Role, Roles.FaoOfficer, Roles.FaoDirector));
        });
        services.AddScoped<ConferenceApproval>();
        services.AddScoped<IConferenceScreening, ConferenceScreening>();
        services.AddScoped<Platform.Workflow.IWorkflowSubject, ConferenceCases>();
        services.AddSingleton<Platform.Jobs.IRecurringJob, ConferenceSummaryReminders>();
        services.AddSingleton<Platform.Jobs.IRecurringJob, ConferencePlanReminders>();
        services.AddScaleGenerator<ConferenceGenerator>();
        return services;
    }
}
