namespace Waishi.Web.Platform.Notifications;

public static class NotificationsSetup
{
    public static IServiceCollection AddWaishiNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<Notifier>();
        // Bound from the host's configuration when first used, so every source (a test host's too) counts.
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddSingleton<SmtpMailer>();
        services.AddScoped<OutboxDelivery>();
        // Always registered; it returns at once unless Notifications:DispatcherEnabled is true.
        services.AddHostedService<OutboxDispatcher>();
        services.AddSingleton<Jobs.IRecurringJob, OutboxHousekeeping>();
        return services;
    }
}
