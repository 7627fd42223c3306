namespace Waishi.Web.Platform.Jobs;

public static class JobsSetup
{
    public static IServiceCollection AddWaishiJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section);
        // Registered as itself too, so that the jobs page can list the jobs it runs.
        services.AddSingleton<JobScheduler>();
        // Always registered; it returns at once unless Jobs:Enabled is true.
        services.AddHostedService(sp => sp.GetRequiredService<JobScheduler>());
        return services;
    }
}
