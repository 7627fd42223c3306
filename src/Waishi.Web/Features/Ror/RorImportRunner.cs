using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.Ror;

/// <summary>The state of the background import started from the admin page.</summary>
public sealed record RorImportStatus(bool Running, string? FileName, long FileBytes, long BytesRead, DateTime? StartedUtc, DateTime? FinishedUtc,
    RorImportProgress? Progress, string? Error)
{
    public int Percent => FileBytes <= 0 ? 0 : (int)Math.Min(100, BytesRead * 100 / FileBytes);
}

/// <summary>
/// Runs one ROR import at a time in the background (the registry is the deployment's, so there is
/// one runner per process). The uploaded file is deleted when the import ends.
/// </summary>
public sealed class RorImportRunner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RorImportRunner> log)
{
    private readonly Lock gate = new();
    private RorImportStatus status = new(false, null, 0, 0, null, null, null, null);
    private Task? running;

    public RorImportStatus Status
    {
        get
        {
            lock (gate)
            {
                return status;
            }
        }
    }

    /// <summary>The task of the current (or last) import, for tests.</summary>
    public Task Completion => running ?? Task.CompletedTask;

    /// <summary>Starts importing <paramref name="path"/>; false when an import is already running.</summary>
    public bool TryStart(string path, string fileName, RorImportFilter filter)
    {
        lock (gate)
        {
            if (status.Running)
            {
                return false;
            }
            status = new RorImportStatus(true, fileName, new FileInfo(path).Length, 0, clock.GetUtcNow().UtcDateTime, null, null, null);
            running = Task.Run(() => RunAsync(path, filter));
            return true;
        }
    }

    private async Task RunAsync(string path, RorImportFilter filter)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            using var _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
            var importer = new RorImporter(scope.ServiceProvider.GetRequiredService<AppDbContext>(), clock);
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
            var progress = new Reporter(p => Update(s => s with { Progress = p, BytesRead = stream.Position }));
            var report = await importer.ImportAsync(stream, filter, progress, CancellationToken.None);
            Update(s => s with { Running = false, Progress = report, BytesRead = s.FileBytes, FinishedUtc = clock.GetUtcNow().UtcDateTime, Error = report.FatalError });
        }
        catch (Exception e)
        {
            log.LogError(e, "ROR import failed");
            Update(s => s with { Running = false, FinishedUtc = clock.GetUtcNow().UtcDateTime, Error = e.Message });
        }
        finally
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
            }
        }
    }

    private void Update(Func<RorImportStatus, RorImportStatus> change)
    {
        lock (gate)
        {
            status = change(status);
        }
    }

    private sealed class Reporter(Action<RorImportProgress> report) : IProgress<RorImportProgress>
    {
        public void Report(RorImportProgress value) => report(value);
    }

    public sealed record StatusDto(bool Running, string? FileName, int Percent, long Read, long Added, long Updated, long Unchanged, long Skipped,
        long Failed, IReadOnlyList<RorImportError> Errors, string? Error, DateTime? StartedUtc, DateTime? FinishedUtc);

    public static StatusDto ToDto(RorImportStatus s) => new(s.Running, s.FileName, s.Running ? s.Percent : s.FinishedUtc is null ? 0 : 100,
        s.Progress?.Read ?? 0, s.Progress?.Added ?? 0, s.Progress?.Updated ?? 0, s.Progress?.Unchanged ?? 0, s.Progress?.Skipped ?? 0,
        s.Progress?.Failed ?? 0, s.Progress?.Errors ?? [], s.Error, s.StartedUtc, s.FinishedUtc);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/ror/import/status", (RorImportRunner runner) => TypedResults.Ok(ToDto(runner.Status)))
            .WithTags("ROR registry").WithName("RorImportStatus").RequireAuthorization(Policies.RorAdmin)
            .WithSummary("Progress of the ROR import running in the background (the authority's tenant admin).");
    }
}
