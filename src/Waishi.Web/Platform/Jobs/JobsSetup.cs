namespace Waishi.Web.Platform.Jobs;

public static class JobsSetup
{
    public static IServiceCollection AddWaishiJobs(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
