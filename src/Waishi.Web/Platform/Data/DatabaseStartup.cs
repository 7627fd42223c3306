using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Demo;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Data;

/// <summary>At start: apply migrations (unless turned off) and seed the demo city into an empty database.</summary>
public sealed class DatabaseStartup(IServiceProvider services, DatabaseOptions options, IConfiguration configuration)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (options.MigrateOnStart)
        {
            await DatabaseSetup.MigrateAsync(db, cancellationToken);
        }
        if (configuration.GetValue("Demo:SeedOnEmpty", true))
        {
            using var system = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
            if (!await db.Set<Tenant>().AnyAsync(cancellationToken))
            {
                var seeder = scope.ServiceProvider.GetRequiredService<DemoCity>();
                var accounts = await seeder.SeedAsync(cancellationToken);
                Console.WriteLine(DemoCity.Describe(accounts));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
