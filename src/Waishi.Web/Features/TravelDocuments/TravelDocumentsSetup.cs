using Waishi.Web.Features.Trips;

namespace Waishi.Web.Features.TravelDocuments;

public static class TravelDocumentsSetup
{
    public static IServiceCollection AddWaishiTravelDocuments(this IServiceCollection services)
    {
        services.AddScoped<Custody>();
        services.AddScoped<ITripTermsChanged, TripTermsChangedDocuments>();
        services.AddScoped<ITripEligibility, OverdueDocumentEligibility>();
        services.AddScoped<ITripEligibility, UnitLockEligibility>();
        services.AddSingleton<Platform.Jobs.IRecurringJob, TravelDocumentReminders>();
        return services;
    }
}
