namespace Waishi.Web.Features.Agreements;

public static class AgreementsSetup
{
    public static IServiceCollection AddWaishiAgreements(this IServiceCollection services)
    {
        services.AddScoped<AgreementWriter>();
        services.AddScoped<AgreementActions>();
        services.AddScoped<AgreementDocuments>();
        services.AddScoped<Platform.Workflow.IWorkflowSubject, AgreementCases>();
        return services;
    }
}
