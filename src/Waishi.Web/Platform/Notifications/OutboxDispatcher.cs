using Microsoft.Extensions.Options;

namespace Waishi.Web.Platform.Notifications;

/// <summary>
/// Delivers the outbox when <c>Notifications:DispatcherEnabled</c> is true: claims due messages,
/// delivers each in its own scope, retries failures with exponential back-off. Delivery is at least
/// once; the message id (inbox key and e-mail Message-ID) lets duplicates be recognised. On stop the
/// message in hand is finished and the rest of the batch is given back at once.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, IOptions<NotificationOptions> options, ILogger<OutboxDispatcher> log)
    : BackgroundService
{
    // Names this instance in LockedBy (at most 100 characters with the claim's own id).
    private readonly string _instance = $"{Environment.MachineName[..Math.Min(40, Environment.MachineName.Length)]}/{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatcherEnabled)
        {
            return;
        }
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (InstanceHaltedException halted)
            {
                // A fault drill stopped this "instance" dead; the loop goes on as a restarted one would.
                log.LogWarning("{Halt} Carrying on as a new instance.", halted.Message);
            }
            catch (Exception ex)
            {
                log.LogError(ex, "The outbox dispatcher failed; it tries again after its poll interval.");
            }
            if (claimed == 0)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Claims and delivers one batch; returns how many messages were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken stoppingToken)
    {
        var claimant = $"{_instance}/{Guid.NewGuid():N}";
        IReadOnlyList<Guid> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            claimed = await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().ClaimAsync(claimant, stoppingToken);
        }
        var delivered = 0;
        foreach (var id in claimed)
        {
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverAsync(id, claimant);
            }
            catch (Exception ex) when (ex is not InstanceHaltedException)
            {
                // The failure could not even be recorded (database gone?): the claim expires and
                // the message is taken again.
                log.LogError(ex, "Outbox message {MessageId} could not be processed.", id);
            }
            delivered++;
        }
        if (delivered < claimed.Count)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().ReleaseAsync(claimant);
        }
        return claimed.Count;
    }
}
