namespace Waishi.Web.Platform.Workflow;

public static class WorkflowSetup
{
    public static IServiceCollection AddWaishiWorkflow(this IServiceCollection services)
    {
        services.AddScoped<WorkflowEffects>();
        services.AddScoped<WorkflowEngine>();
        services.AddSingleton<Jobs.IRecurringJob, WorkflowReminders>();
        return services;
    }
}
