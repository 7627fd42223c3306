using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Jobs;

namespace Waishi.Web.Features.TripReports;

public static class TripReportsSetup
{
    public static IServiceCollection AddWaishiTripReports(this IServiceCollection services)
    {
        services.AddScoped<TripReportWriter>();
        services.AddScoped<ITripEligibility, OverdueReportEligibility>();
        services.AddSingleton<IRecurringJob, ReportReminders>();
        return services;
    }
}
