namespace Waishi.Web.Features.Visas;

public static class VisasSetup
{
    public static IServiceCollection AddWaishiVisas(this IServiceCollection services)
    {
        services.AddScoped<VisaWriter>();
        return services;
    }
}
