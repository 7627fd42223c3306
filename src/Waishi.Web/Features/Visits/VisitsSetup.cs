using Microsoft.AspNetCore.Authorization;
using Waishi.Web.Platform.Demo.Scale;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Visits;

/// <summary>Inbound visits are filed by any member of staff for a host unit, and followed by the
/// unit heads and secretaries, the global relations officers, the director, the leader and the
/// security officer (who decide on them).</summary>
public static class VisitsSetup
{
    public const string Policy = Policies.Visits;

    public static readonly string[] UserRoles =
    [
        Roles.Applicant, Roles.UnitSecretary, Roles.UnitHead, Roles.OfficerGlobal, Roles.Director, Roles.Leader, Roles.SecurityOfficer,
    ];

    /// <summary>China Standard Time has no daylight saving: visit dates are counted at UTC+8.</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static IServiceCollection AddWaishiVisits(this IServiceCollection services)
    {
        services.Configure<AuthorizationOptions>(o => o.AddPolicy(Policy,
            p => p.RequireAuthenticatedUser().RequireClaim(WaishiClaims.Role, UserRoles)));
        services.AddScoped<VisitWriter>();
        services.AddScoped<VisitApproval>();
        services.AddScoped<IVisitScreening, VisitScreening>();
        services.AddScoped<Platform.Workflow.IWorkflowSubject, VisitCases>();
        services.AddScoped<PartnerStats.IPartnerHistorySource, VisitHistorySource>();
        services.AddScaleGenerator<VisitGenerator>();
        return services;
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);
}
