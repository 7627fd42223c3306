using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Demo;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Cli;

public static class DemoCommand
{
    public static Command Create(WebApplication app)
    {
        var command = new Command("demo", "Seed the demo city into an empty database (migrating it first).");
        command.SetAction(async (parsed, ct) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await DatabaseSetup.MigrateAsync(db, ct);
            using var system = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
            if (await db.Set<Tenant>().AnyAsync(ct))
            {
                throw new CommandLineException("The database already has tenants; the demo city is only seeded into an empty database. Point Database:Path at a new file.");
            }
            var accounts = await scope.ServiceProvider.GetRequiredService<DemoCity>().SeedAsync(ct);
            await parsed.Out().WriteLineAsync(DemoCity.Describe(accounts));
            return 0;
        });
        return command;
    }
}
