using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Cli;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.DueDiligence.Profiles;

/// <summary>"aspi-import FILE --tenant CQU": imports the ASPI tracker into one institution's risk profiles.</summary>
public static class AspiImportCommand
{
    public const string BundledResource = "Waishi.DueDiligence.china-defence-universities.json";

    /// <summary>The copy of the tracker that ships with the application.</summary>
    public static Stream OpenBundled() =>
        typeof(AspiImportCommand).Assembly.GetManifestResourceStream(BundledResource)
        ?? throw new InvalidOperationException("The bundled ASPI tracker is missing from the build.");

    public static Command Create(WebApplication app)
    {
        var file = new Argument<string>("FILE") { Description = "The tracker in MISP galaxy format (china-defence-universities.json), or 'bundled' for the copy in the application." };
        var tenant = new Option<string>("--tenant") { Description = "Code of the institution whose profiles receive the import, e.g. CQU.", Required = true };
        var command = new Command("aspi-import", "Import (or update) institution risk profiles from the ASPI China Defence Universities Tracker; re-importing changes nothing and never touches a reviewer's risk level.")
        {
            file, tenant,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var path = parsed.GetValue(file)!;
            if (path != "bundled" && !File.Exists(path))
            {
                throw new CommandLineException($"FILE: '{path}' does not exist.");
            }
            await using var scope = app.Services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<TenantContext>();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Tenant? owner;
            var code = parsed.GetValue(tenant)!.Trim().ToUpperInvariant();
            using (context.AsSystem())
            {
                owner = await db.Set<Tenant>().SingleOrDefaultAsync(t => t.Code == code, ct);
            }
            if (owner is null)
            {
                throw new CommandLineException($"--tenant: no tenant has the code '{code}'.");
            }
            context.Set(owner.Id, owner.Kind);
            scope.ServiceProvider.GetRequiredService<Actor>().Set(null, "command line");
            await using var stream = path == "bundled" ? OpenBundled() : File.OpenRead(path);
            var report = await scope.ServiceProvider.GetRequiredService<AspiImporter>().ImportAsync(stream, owner.Id, ct);
            var output = parsed.Out();
            if (report.Refused)
            {
                throw new CommandLineException($"{path}: {report.Malformed[0].Message} Nothing was imported.");
            }
            foreach (var problem in report.Malformed)
            {
                await output.WriteLineAsync($"entry {problem.Position}: {problem.Message}");
            }
            await output.WriteLineAsync($"Done: {report}.");
            return 0;
        });
        return command;
    }
}
