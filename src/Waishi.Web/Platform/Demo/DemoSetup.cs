using Waishi.Web.Platform.Demo.Scale;

namespace Waishi.Web.Platform.Demo;

public static class DemoSetup
{
    public static IServiceCollection AddWaishiDemo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DemoCity>();
        services.AddWaishiScale();
        return services;
    }
}
