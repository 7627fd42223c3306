using Waishi.Web.Features.Trips;

namespace Waishi.Web.Features.OutboundPlans;

public static class OutboundPlansSetup
{
    public static IServiceCollection AddWaishiOutboundPlans(this IServiceCollection services)
    {
        services.AddScoped<PlanWriter>();
        services.AddScoped<PlanTransitions>();
        services.AddScoped<PlanLinks>();
        services.AddScoped<ITripEligibility, PlanLineEligibility>();
        return services;
    }
}
