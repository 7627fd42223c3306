using Microsoft.AspNetCore.Authorization;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Projects;

/// <summary>Cooperation projects are read by whoever reads the partners (the office roles and auditors)
/// and kept by the global relations officers and directors.</summary>
public static class ProjectsSetup
{
    public const string EditorPolicy = Policies.ProjectsEditor;
    public static readonly string[] EditorRoles = [Roles.OfficerGlobal, Roles.Director];

    public static IServiceCollection AddWaishiProjects(this IServiceCollection services)
    {
        services.Configure<AuthorizationOptions>(o => o.AddPolicy(EditorPolicy,
            p => p.RequireAuthenticatedUser().RequireClaim(WaishiClaims.Role, EditorRoles)));
        return services;
    }
}
