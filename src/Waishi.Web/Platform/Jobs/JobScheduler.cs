using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Jobs;

/// <summary>
/// Runs the registered <see cref="IRecurringJob"/>s when <c>Jobs:Enabled</c> is true. For each job
/// it computes the latest due point and takes the job's lease row for it with one conditional
/// UPDATE (the row is inserted on the first run); only the instance whose update changed the row
/// runs that due point, so with any number of instances on one database each due point runs once.
/// A failed run is logged and recorded; the job runs again at its next due point.
/// </summary>
public sealed class JobScheduler(
    IServiceScopeFactory scopes, IEnumerable<IRecurringJob> jobs, IOptions<JobOptions> options,
    TimeProvider clock, ILogger<JobScheduler> log) : BackgroundService
{
    private readonly string _instance = $"{Environment.MachineName[..Math.Min(40, Environment.MachineName.Length)]}/{Environment.ProcessId}";

    public IReadOnlyList<IRecurringJob> Jobs { get; } = [.. jobs];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
                await Task.Delay(options.Value.TickInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "The job scheduler failed; it looks again at its next tick.");
                await Task.Delay(options.Value.TickInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Runs every job whose latest due point at <paramref name="nowUtc"/> has not run
    /// yet and is not held by another instance; returns how many ran here.</summary>
    public async Task<int> RunDueAsync(DateTime nowUtc, CancellationToken ct)
    {
        var zone = options.Value.Zone();
        var ran = 0;
        foreach (var job in Jobs)
        {
            if (ct.IsCancellationRequested)
            {
                break;
            }
            if (await TryRunAsync(job, job.Schedule.LatestDue(nowUtc, zone), nowUtc, ct))
            {
                ran++;
            }
        }
        return ran;
    }

    private async Task<bool> TryRunAsync(IRecurringJob job, DateTime due, DateTime nowUtc, CancellationToken ct)
    {
        var holder = $"{_instance}/{Guid.NewGuid():N}";
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!await db.Set<JobLease>().AnyAsync(j => j.Name == job.Name, ct))
            {
                // Two instances may both get here; the second insert does nothing.
                await db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO "JobLease" ("Name", "Runs") VALUES ({job.Name}, 0) ON CONFLICT ("Name") DO NOTHING""", ct);
            }
            var until = nowUtc + options.Value.LeaseDuration;
            var started = clock.GetUtcNow().UtcDateTime;
            var taken = await db.Set<JobLease>()
                .Where(j => j.Name == job.Name
                    && (j.LastDueUtc == null || j.LastDueUtc < due)
                    && (j.LeaseUntilUtc == null || j.LeaseUntilUtc < nowUtc))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.LastDueUtc, due)
                    .SetProperty(j => j.Holder, holder)
                    .SetProperty(j => j.LeaseUntilUtc, until)
                    .SetProperty(j => j.LastStartedUtc, started)
                    .SetProperty(j => j.Runs, j => j.Runs + 1), ct);
            if (taken == 0)
            {
                return false;
            }
        }

        string? error = null;
        var watch = Stopwatch.StartNew();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            using var system = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
            await job.RunAsync(new JobRun(job.Name, due, scope.ServiceProvider), ct);
            log.LogInformation("Job {Job} ran for {Due:o} in {Elapsed} ms.", job.Name, due, watch.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            error = "Stopped before the run finished.";
        }
        catch (Exception ex)
        {
            error = $"{ex.GetType().Name}: {ex.Message}";
            log.LogError(ex, "Job {Job} failed for {Due:o}; it runs again at its next due point.", job.Name, due);
        }
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var finished = clock.GetUtcNow().UtcDateTime;
            await db.Set<JobLease>()
                .Where(j => j.Name == job.Name && j.Holder == holder)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.LastFinishedUtc, finished)
                    .SetProperty(j => j.LastError, error)
                    .SetProperty(j => j.LeaseUntilUtc, (DateTime?)null), CancellationToken.None);
        }
        return true;
    }
}
