namespace Waishi.Web.Features.Trips;

public static class TripsSetup
{
    /// <summary>China Standard Time has no daylight saving: lead times count calendar days at UTC+8.</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static IServiceCollection AddWaishiTrips(this IServiceCollection services)
    {
        services.AddScoped<ApprovalDocuments>();
        services.AddScoped<ApprovalDocumentDownload>();
        services.AddScoped<TripWriter>();
        services.AddScoped<TripApproval>();
        services.AddScoped<TripAmendments>();
        services.AddScoped<Platform.Workflow.IWorkflowSubject, TripCases>();
        services.AddSingleton<Platform.Jobs.IRecurringJob, TripPublicityJob>();
        return services;
    }

    /// <summary>Today's date in China, the date lead times are counted from.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);
}
