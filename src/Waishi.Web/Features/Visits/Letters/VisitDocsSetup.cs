using Waishi.Web.Features.Visits.Closure;
using Waishi.Web.Platform.Jobs;

namespace Waishi.Web.Features.Visits.Letters;

/// <summary>Invitation letters, closure, summaries and the calendar of visits.</summary>
public static class VisitDocsSetup
{
    public static IServiceCollection AddWaishiVisitDocuments(this IServiceCollection services)
    {
        services.AddScoped<VisitLetters>();
        services.AddSingleton<IRecurringJob, ClosureReminders>();
        return services;
    }
}
