using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Demo;
using Waishi.Web.Platform.Demo.Scale;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Cli;

public static class DemoCommand
{
    public static Command Create(WebApplication app)
    {
        var command = new Command("demo", "Seed the demo city into an empty database (migrating it first).");
        var scale = new Option<string?>("--scale") { Description = "Generate a large city instead: 'city' (60,000 staff, 1,000,000 trips, ...) or 'small' (1/500 of it)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated city: the same seed writes the same rows.", DefaultValueFactory = _ => 1 };
        var asOf = new Option<string?>("--as-of") { Description = "Last day of the generated history (yyyy-MM-dd); default 2026-12-01." };
        var audit = new Option<bool?>("--audit") { Description = "Write an audit entry per generated row (default: on for small, off for city)." };
        var only = new Option<string?>("--only") { Description = "With --scale: run only these generators after the organisation (comma-separated, e.g. visits), to measure one module." };
        command.Options.Add(scale);
        command.Options.Add(only);
        command.Options.Add(seed);
        command.Options.Add(asOf);
        command.Options.Add(audit);
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
            if (parsed.GetValue(scale) is { } name)
            {
                if (name is not ("city" or "small"))
                {
                    throw new CommandLineException($"--scale {name}: use city or small.");
                }
                DateOnly? until = null;
                if (parsed.GetValue(asOf) is { } text)
                {
                    until = DateOnly.TryParseExact(text, "yyyy-MM-dd", out var d) ? d
                        : throw new CommandLineException($"--as-of {text}: write the date as yyyy-MM-dd.");
                }
                var options = ScaleOptions.For(name, parsed.GetValue(seed), until, parsed.GetValue(audit));
                if (parsed.GetValue(only) is { } names)
                {
                    options = options with { Only = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal) };
                    var runner = scope.ServiceProvider.GetServices<IScaleGenerator>().Select(g => g.Name).ToList();
                    if (options.Only.FirstOrDefault(n => !runner.Contains(n)) is { } missing)
                    {
                        throw new CommandLineException($"--only {missing}: no such generator; use {string.Join(", ", runner)}.");
                    }
                }
                await scope.ServiceProvider.GetRequiredService<ScaleRunner>().RunAsync(options, parsed.Out(), ct);
                await parsed.Out().WriteLineAsync($"The demo accounts of the small demo city exist here too (cqu.officer-exit, cqfao.fao-officer, ...), and every member of staff has an account named by the staff number (e.g. cqu00042). Password: {scope.ServiceProvider.GetRequiredService<DemoCity>().Password}");
                return 0;
            }
            var accounts = await scope.ServiceProvider.GetRequiredService<DemoCity>().SeedAsync(ct);
            await parsed.Out().WriteLineAsync(DemoCity.Describe(accounts));
            return 0;
        });
        return command;
    }
}
