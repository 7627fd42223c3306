namespace Waishi.Web.Features.Agreements;

/// <summary>The lifecycle job, quota use and mobility pages of agreements.</summary>
public static class AgreementLifecycleSetup
{
    public static IServiceCollection AddWaishiAgreementLifecycle(this IServiceCollection services)
    {
        services.AddScoped<AgreementLifecycle>();
        services.AddScoped<QuotaUse>();
        services.AddSingleton<Platform.Jobs.IRecurringJob, AgreementLifecycleJob>();
        return services;
    }
}
