namespace Waishi.Web.Features.Partners;

public static class PartnersSetup
{
    public static IServiceCollection AddWaishiPartners(this IServiceCollection services)
    {
        services.AddScoped<PartnerMerge>();
        services.AddScoped<Ror.RorImporter>();
        services.AddSingleton<Ror.RorImportRunner>();
        return services;
    }
}
