namespace Waishi.Web.Platform.Demo.Scale;

public static class ScaleSetup
{
    /// <summary>The city generator and the generators of the modules that have landed; a module
    /// that lands later adds its own with <see cref="ScaleGeneratorRegistration.AddScaleGenerator{T}"/>.</summary>
    public static IServiceCollection AddWaishiScale(this IServiceCollection services)
    {
        services.AddScoped<ScaleRunner>();
        services.AddScoped<ScaleChecksum>();
        services.AddScaleGenerator<TripGenerator>();
        services.AddScaleGenerator<PartnerGenerator>();
        return services;
    }
}
