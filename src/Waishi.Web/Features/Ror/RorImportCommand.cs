using System.Globalization;
using System.CommandLine;
using Waishi.Web.Platform.Cli;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.Ror;

/// <summary>"ror-import FILE [--country CN] [--type education] [--status active]": loads a ROR v2 dump into the registry.</summary>
public static class RorImportCommand
{
    public static Command Create(WebApplication app)
    {
        var file = new Argument<string>("FILE") { Description = "A ROR data dump: a JSON array of v2 records (e.g. v1.xx-ror-data_schema_v2.json)." };
        var country = new Option<string>("--country") { Description = "Import only organisations located in this country (ISO code, e.g. CN)." };
        var type = new Option<string>("--type") { Description = "Import only organisations of this type (education, funder, healthcare, company, ...)." };
        var status = new Option<string>("--status") { Description = "Import only organisations with this status (active, inactive, withdrawn)." };
        var command = new Command("ror-import", "Import (or update) the ROR registry from a data dump; re-importing the same dump changes nothing.")
        {
            file, country, type, status,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var path = parsed.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CommandLineException($"FILE: '{path}' does not exist.");
            }
            var output = parsed.Out();
            await using var scope = app.Services.CreateAsyncScope();
            using var _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
            var importer = new RorImporter(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<TimeProvider>());
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
            var filter = new RorImportFilter(parsed.GetValue(country), parsed.GetValue(type), parsed.GetValue(status));
            var progress = new SyncProgress(p => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"read {p.Read:N0}, imported {p.Imported:N0}, failed {p.Failed:N0}")));
            var report = await importer.ImportAsync(stream, filter, progress, ct);
            foreach (var error in report.Errors)
            {
                await output.WriteLineAsync($"record {error.Index}{(error.RorId is null ? "" : $" ({error.RorId})")}: {error.Message}");
            }
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Done: {report.Read:N0} read, {report.Added:N0} added, {report.Updated:N0} updated, {report.Unchanged:N0} unchanged, {report.Skipped:N0} skipped by the filters, {report.Failed:N0} failed."));
            if (report.Added + report.Updated == 0 && report.FatalError is null)
            {
                await output.WriteLineAsync("Nothing changed: the registry already holds these records.");
            }
            if (report.FatalError is not null)
            {
                await parsed.InvocationConfiguration.Error.WriteLineAsync(report.Read == 0
                    ? $"error: {report.FatalError}"
                    : $"error: {report.FatalError} The records before it were imported.");
                return 1;
            }
            return 0;
        });
        return command;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and print out of order).</summary>
    private sealed class SyncProgress(Action<RorImportProgress> report) : IProgress<RorImportProgress>
    {
        public void Report(RorImportProgress value) => report(value);
    }
}
