using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Notifications;

/// <summary>
/// The database side of the dispatcher, one scope per step: claim a batch of due messages, deliver
/// one claimed message, give back what was not delivered. A claim is a conditional update that only
/// takes messages nobody holds (or whose holder's claim has expired), so two instances never work
/// on the same message at the same moment, and a crashed instance's messages are taken again later.
/// </summary>
public sealed class OutboxDelivery(
    AppDbContext db, TenantContext tenant, SmtpMailer mailer, IOptions<NotificationOptions> options,
    TimeProvider clock, ILogger<OutboxDelivery> log, IDeliveryDrill? drill = null)
{
    private NotificationOptions Settings => options.Value;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IReadOnlyList<Guid>> ClaimAsync(string claimant, CancellationToken ct)
    {
        var now = Now;
        var candidates = await Due(db.Set<OutboxMessage>().AsNoTracking(), now)
            .OrderBy(m => m.NextAttemptUtc)
            .Select(m => m.Id)
            .Take(Math.Max(1, Settings.BatchSize))
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return [];
        }
        var until = now + Settings.ClaimDuration;
        // The filter is evaluated again by the database inside the update, so a message that another
        // instance claimed since the select above is left out.
        await Due(db.Set<OutboxMessage>().Where(m => candidates.Contains(m.Id)), now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LockedBy, claimant)
                .SetProperty(m => m.LockedUntilUtc, until)
                .SetProperty(m => m.Version, m => m.Version + 1), ct);
        return await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.LockedBy == claimant)
            .OrderBy(m => m.NextAttemptUtc)
            .Select(m => m.Id)
            .ToListAsync(ct);
    }

    private static IQueryable<OutboxMessage> Due(IQueryable<OutboxMessage> messages, DateTime now) =>
        messages.Where(m => m.CompletedUtc == null && m.DeadUtc == null && m.NextAttemptUtc <= now
            && (m.LockedUntilUtc == null || m.LockedUntilUtc < now));

    /// <summary>Gives back the messages of a claim that were not delivered (graceful stop).</summary>
    public Task ReleaseAsync(string claimant) =>
        db.Set<OutboxMessage>()
            .Where(m => m.LockedBy == claimant && m.CompletedUtc == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntilUtc, (DateTime?)null)
                .SetProperty(m => m.Version, m => m.Version + 1));

    /// <summary>
    /// Delivers one claimed message to the inbox and by e-mail, and records the attempt. Each step
    /// is recorded as soon as it is done, so a retry repeats only what is missing; the inbox item
    /// is unique per user and message. Runs to the end once started (the caller's stop request is
    /// honoured between messages); the SMTP timeout bounds it.
    /// </summary>
    /// <remarks>
    /// Before the e-mail goes out, the claim is renewed for the whole conversation plus a claim
    /// period, in a write that fails if another instance has taken the message over (the version
    /// check): so no two instances ever send the same message, however slow a batch. What cannot be
    /// closed is the instant between the server's acceptance and the commit that records it: an
    /// instance that dies there leaves the message unsent in the database, and the next instance
    /// sends it again with the same Message-ID (see docs/benchmarks.md, "Outbox under failure").
    /// </remarks>
    public async Task DeliverAsync(Guid id, string claimant)
    {
        using var system = tenant.AsSystem();
        var message = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == id && m.LockedBy == claimant);
        if (message is null)
        {
            return; // the claim expired and someone else has it now
        }
        drill?.At(DeliveryPoint.Claimed, id);
        string? address;
        try
        {
            var recipient = message.RecipientUserId is { } userId
                ? await db.Users.AsNoTracking().Where(u => u.Id == userId)
                    .Select(u => new { u.Id, u.TenantId, u.Email }).SingleOrDefaultAsync()
                : null;
            if (message.InboxDeliveredUtc is null)
            {
                if (recipient is not null
                    && !await db.Set<InboxItem>().AnyAsync(i => i.UserId == recipient.Id && i.MessageId == message.Id))
                {
                    db.Add(new InboxItem
                    {
                        TenantId = message.TenantId ?? recipient.TenantId,
                        UserId = recipient.Id,
                        MessageId = message.Id,
                        Subject = message.Subject,
                        Body = message.Body,
                        Link = message.Link,
                        CreatedUtc = message.CreatedUtc,
                    });
                }
                message.InboxDeliveredUtc = Now;
            }
            address = message.EmailSentUtc is null && !message.EmailSkipped ? message.RecipientEmail ?? recipient?.Email : null;
            if (message.EmailSentUtc is null && !message.EmailSkipped && (!mailer.IsEnabled || string.IsNullOrWhiteSpace(address)))
            {
                message.EmailSkipped = true;
                address = null;
            }
            // Hold the message for the conversation and a claim period after it. The version check
            // of this save fails if the claim was lost meanwhile, and then this instance sends nothing.
            message.LockedUntilUtc = Now + mailer.Timeout + Settings.ClaimDuration;
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            log.LogInformation("Outbox message {MessageId} was taken over by another instance; left to it.", id);
            return;
        }
        catch (Exception ex)
        {
            await RecordFailureAsync(id, claimant, ex);
            return;
        }
        drill?.At(DeliveryPoint.InboxWritten, id);
        if (address is not null)
        {
            try
            {
                await mailer.SendAsync(message, address, CancellationToken.None);
            }
            catch (Exception ex)
            {
                await RecordFailureAsync(id, claimant, ex);
                return;
            }
            drill?.At(DeliveryPoint.EmailSent, id);
            message.EmailSentUtc = Now;
        }
        message.Attempts++;
        message.CompletedUtc = Now;
        message.LockedBy = null;
        message.LockedUntilUtc = null;
        await RecordDeliveredAsync(message, claimant);
    }

    /// <summary>
    /// Records a delivered message. A failure here must not count as a failed delivery (that would
    /// send the e-mail again): the write is retried on a fresh connection while the claim holds.
    /// </summary>
    private async Task RecordDeliveredAsync(OutboxMessage message, string claimant)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (attempt == 1)
                {
                    await db.SaveChangesAsync();
                }
                else
                {
                    db.ChangeTracker.Clear();
                    await db.Set<OutboxMessage>().Where(m => m.Id == message.Id && m.LockedBy == claimant)
                        .ExecuteUpdateAsync(s => s
                            .SetProperty(m => m.EmailSentUtc, message.EmailSentUtc)
                            .SetProperty(m => m.EmailSkipped, message.EmailSkipped)
                            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                            .SetProperty(m => m.CompletedUtc, message.CompletedUtc)
                            .SetProperty(m => m.LockedBy, (string?)null)
                            .SetProperty(m => m.LockedUntilUtc, (DateTime?)null)
                            .SetProperty(m => m.Version, m => m.Version + 1));
                }
                return;
            }
            catch (Exception ex) when (attempt < 5 && ex is not InstanceHaltedException)
            {
                log.LogWarning(ex, "Outbox message {MessageId} was delivered but not yet recorded (attempt {Attempt}); trying again.", message.Id, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }

    private async Task RecordFailureAsync(Guid id, string claimant, Exception error)
    {
        db.ChangeTracker.Clear();
        var message = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == id && m.LockedBy == claimant);
        if (message is null)
        {
            log.LogWarning(error, "Outbox message {MessageId} failed after its claim was lost.", id);
            return;
        }
        var now = Now;
        message.Attempts++;
        message.LastError = Truncate($"{error.GetType().Name}: {error.Message}", 2000);
        message.LockedBy = null;
        message.LockedUntilUtc = null;
        if (message.Attempts >= Settings.MaxAttempts)
        {
            message.DeadUtc = now;
            log.LogError(error, "Outbox message {MessageId} is dead after {Attempts} attempts.", id, message.Attempts);
        }
        else
        {
            message.NextAttemptUtc = now + Settings.BackOff(message.Attempts);
            log.LogWarning(error, "Outbox message {MessageId} failed (attempt {Attempts}); next attempt at {Next:o}.",
                id, message.Attempts, message.NextAttemptUtc);
        }
        await db.SaveChangesAsync();
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
