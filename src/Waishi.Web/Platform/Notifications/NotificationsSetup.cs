namespace Waishi.Web.Platform.Notifications;

public static class NotificationsSetup
{
    public static IServiceCollection AddWaishiNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<Notifier>();
        return services;
    }
}
