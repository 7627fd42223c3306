using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.DueDiligence.Watchlists;

public sealed class WatchlistImportOptions
{
    public const string Section = "DueDiligence:WatchlistImport";

    /// <summary>An upload with more rows than this is imported in the background.</summary>
    public int BackgroundRows { get; set; } = 2000;

    /// <summary>How often an idle instance looks for uploads queued elsewhere (an upload here wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A running import not finished after this long was interrupted (its instance stopped) and is marked failed.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Imports queued watchlist uploads one at a time, in the background. The queue is the
/// <see cref="WatchlistImport"/> table (an instance takes an upload with one conditional update, so with
/// several instances each upload is imported once); the count of entries saved so far is kept in memory
/// for the progress page, as the import's own transaction holds the rows it writes. A failed import
/// leaves nothing of the new version (the importer's transaction rolls back) and says why.
/// </summary>
public sealed class WatchlistImportQueue(IServiceScopeFactory scopes, TimeProvider clock, IOptions<WatchlistImportOptions> options,
    ILogger<WatchlistImportQueue> log) : BackgroundService
{
    public const string Interrupted = "The import was interrupted (the application stopped); nothing was saved. Upload the file again.";

    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly ConcurrentDictionary<Guid, int> _saved = new();

    public WatchlistImportOptions Options => options.Value;

    /// <summary>Tells the queue that an upload is waiting.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    /// <summary>Entries saved so far by an import running in this instance; null when it does not run here.</summary>
    public int? Saved(Guid importId) => _saved.TryGetValue(importId, out var n) ? n : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken))
                {
                }
                await _wake.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "The watchlist import queue failed; it looks again shortly.");
                await Task.Delay(options.Value.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Takes the oldest queued upload and imports it; false when none is waiting.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        Guid id;
        Guid tenantId;
        await using (var scope = scopes.CreateAsyncScope())
        {
            using var system = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var stale = now - options.Value.StaleAfter;
            await db.Set<WatchlistImport>().Where(i => i.State == WatchlistImportState.Running && i.StartedUtc < stale)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, WatchlistImportState.Failed).SetProperty(i => i.Error, Interrupted)
                    .SetProperty(i => i.Content, (byte[]?)null).SetProperty(i => i.FinishedUtc, now), ct);
            var next = await db.Set<WatchlistImport>().Where(i => i.State == WatchlistImportState.Queued)
                .OrderBy(i => i.QueuedUtc).ThenBy(i => i.Id).Select(i => new { i.Id, i.TenantId }).FirstOrDefaultAsync(ct);
            if (next is null)
            {
                return false;
            }
            var taken = await db.Set<WatchlistImport>().Where(i => i.Id == next.Id && i.State == WatchlistImportState.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, WatchlistImportState.Running).SetProperty(i => i.StartedUtc, now), ct);
            if (taken == 0)
            {
                return true;
            }
            (id, tenantId) = (next.Id, next.TenantId);
        }

        string? error = null;
        Guid? versionId = null;
        var saved = 0;
        _saved[id] = 0;
        try
        {
            (versionId, saved) = await ImportAsync(id, tenantId, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            error = Interrupted;
        }
        catch (Exception e)
        {
            log.LogError(e, "Watchlist import {Import} failed; nothing of it was saved.", id);
            error = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
        }
        finally
        {
            _saved.TryRemove(id, out _);
        }
        await using (var scope = scopes.CreateAsyncScope())
        {
            using var system = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
            var finished = clock.GetUtcNow().UtcDateTime;
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<WatchlistImport>().Where(i => i.Id == id)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.State, error is null ? WatchlistImportState.Done : WatchlistImportState.Failed)
                    .SetProperty(i => i.Error, error)
                    .SetProperty(i => i.VersionId, versionId)
                    .SetProperty(i => i.RowsSaved, saved)
                    .SetProperty(i => i.Content, (byte[]?)null)
                    .SetProperty(i => i.FinishedUtc, finished), CancellationToken.None);
        }
        return true;
    }

    private async Task<(Guid VersionId, int Saved)> ImportAsync(Guid id, Guid tenantId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var tenant = services.GetRequiredService<TenantContext>();
        TenantKind kind;
        WatchlistImport job;
        using (tenant.AsSystem())
        {
            kind = await db.Set<Tenant>().Where(t => t.Id == tenantId).Select(t => t.Kind).SingleAsync(ct);
            job = await db.Set<WatchlistImport>().AsNoTracking().SingleAsync(i => i.Id == id, ct);
        }
        // The import acts for the tenant and the user who uploaded, as it would have in their request.
        tenant.Set(tenantId, kind);
        services.GetRequiredService<Actor>().Set(job.QueuedByUserId, job.QueuedBy);
        var list = await db.Set<Watchlist>().FirstOrDefaultAsync(w => w.Id == job.WatchlistId, ct)
            ?? throw new InvalidOperationException("The list no longer exists.");
        using var file = new MemoryStream(job.Content ?? []);
        var result = await services.GetRequiredService<WatchlistImporter>().ImportAsync(list, file, job.FileName, WatchlistMapping.FromJson(job.MappingJson),
            job.QueuedBy, (n, _) =>
            {
                _saved[id] = n;
                return Task.CompletedTask;
            }, ct);
        return (result.Version.Id, result.Version.EntryCount);
    }
}

public static class WatchlistImportSetup
{
    public static IServiceCollection AddWaishiWatchlistImports(this IServiceCollection services)
    {
        services.AddOptions<WatchlistImportOptions>().BindConfiguration(WatchlistImportOptions.Section);
        services.AddSingleton<WatchlistImportQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<WatchlistImportQueue>());
        return services;
    }
}
