using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Waishi.Tests.Platform.Notifications;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Notifications;
using Xunit.Abstractions;
using static Waishi.Tests.Platform.Notifications.OutboxScenario;

namespace Waishi.Tests.Resilience;

/// <summary>
/// The outbox while the mail server refuses 30% of messages and dispatcher instances die at every
/// point of a delivery: after claiming, between the inbox commit and the send, and between the
/// server's acceptance and the commit that records it. Every committed notification arrives; the
/// in-app inbox has each once; the mail server gets each once, except for a copy (same Message-ID)
/// per death in the one window no sender can close, after acceptance and before the record.
/// </summary>
public sealed class OutboxFailureTests(ITestOutputHelper output)
{
    private const int Commits = 20;
    private const int PerCommit = 10;

    /// <summary>Kills the instance at a delivery point with a seeded probability, and remembers where.</summary>
    private sealed class RandomDeaths(int seed, double probability) : IDeliveryDrill
    {
        private readonly Random _random = new(seed);

        public volatile bool Armed = true;

        public ConcurrentQueue<(DeliveryPoint Point, Guid MessageId)> Deaths { get; } = new();

        public void At(DeliveryPoint point, Guid messageId)
        {
            bool die;
            lock (_random)
            {
                die = _random.NextDouble() < probability;
            }
            if (Armed && die)
            {
                Deaths.Enqueue((point, messageId));
                throw new InstanceHaltedException(point, messageId);
            }
        }

        public int At(DeliveryPoint point) => Deaths.Count(d => d.Point == point);
    }

    private sealed class DrilledApp(string connectionString, IDictionary<string, string?> settings, IDeliveryDrill drill)
        : AppFactory(connectionString, settings, seed: false)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(drill));
        }
    }

    [Fact]
    public async Task Every_committed_notification_arrives_despite_refusals_and_dispatcher_deaths()
    {
        await using var smtp = new SmtpListener { RefuseFraction = 0.3, Seed = 7 };
        var deaths = new RandomDeaths(seed: 11, probability: 0.08);
        var settings = Dispatching(smtp,
            ("Notifications:BatchSize", "5"),
            ("Notifications:ClaimDuration", "00:00:01"),
            ("Notifications:RetryBase", "00:00:00.100"),
            ("Notifications:RetryMax", "00:00:01"),
            ("Notifications:MaxAttempts", "100"),
            ("Smtp:TimeoutSeconds", "10"),
            ("Logging:LogLevel:Waishi.Web.Platform.Notifications", "Error"));
        await using var app = new DrilledApp(await AppFactory.NewDemoDatabaseAsync(), settings, deaths);
        _ = app.Server; // the hosted dispatcher starts: one instance, restarted after each death

        // Two more instances on the same database, each carrying on as a new one after a death.
        using var stop = new CancellationTokenSource();
        var instances = Enumerable.Range(0, 2).Select(_ => Task.Run(() => RunInstanceAsync(app, stop.Token))).ToList();

        var recipients = await app.WithDbAsync(db => db.Users.AsNoTracking()
            .Where(u => u.Email != null && u.UserName!.StartsWith("cqu."))
            .OrderBy(u => u.UserName).Select(u => u.UserName!).Take(5).ToListAsync());
        Assert.Equal(5, recipients.Count);
        var ids = new List<Guid>();
        for (var commit = 0; commit < Commits; commit++)
        {
            ids.AddRange(await NotifyWithChangeAsync(app, recipients[commit % recipients.Count], PerCommit, $"Change {commit}"));
            await Task.Delay(50);
        }

        await Eventually.TrueAsync(async () => (await MessagesAsync(app, ids)).All(m => m.CompletedUtc != null || m.DeadUtc != null),
            "every message completed", seconds: 600);
        deaths.Armed = false;
        await stop.CancelAsync();
        await Task.WhenAll(instances);

        var messages = await MessagesAsync(app, ids);
        Assert.Equal(Commits * PerCommit, messages.Count);
        Assert.All(messages, m =>
        {
            Assert.Null(m.DeadUtc);
            Assert.NotNull(m.CompletedUtc);
            Assert.NotNull(m.EmailSentUtc);
            Assert.Null(m.LockedBy);
        });

        var inbox = await app.WithDbAsync(db => db.Set<InboxItem>().Where(i => ids.Contains(i.MessageId))
            .GroupBy(i => i.MessageId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(ids.Order(), inbox.Select(i => i.Key).Order());
        Assert.All(inbox, i => Assert.Equal(1, i.Count));

        // By e-mail: each message at least once; a second copy only where an instance died after the
        // server accepted the message and before recording it, one copy per such death.
        var copies = smtp.CopiesByMessageId;
        Assert.Equal(ids.Select(SmtpMailer.MessageIdHeader).Order(), copies.Keys.Order());
        var diedAfterSend = deaths.Deaths.Where(d => d.Point == DeliveryPoint.EmailSent)
            .GroupBy(d => d.MessageId).ToDictionary(g => g.Key, g => g.Count());
        foreach (var id in ids)
        {
            Assert.Equal(1 + diedAfterSend.GetValueOrDefault(id), copies[SmtpMailer.MessageIdHeader(id)]);
        }

        // The failures did happen, at every point.
        Assert.True(smtp.Refused > 0);
        Assert.All(Enum.GetValues<DeliveryPoint>(), point => Assert.True(deaths.At(point) > 0, $"no death at {point}"));
        output.WriteLine($"{ids.Count} notifications in {Commits} commits; SMTP refused {smtp.Refused} of " +
            $"{smtp.Refused + smtp.Messages.Count} attempts; instance deaths: after claim {deaths.At(DeliveryPoint.Claimed)}, " +
            $"after inbox commit {deaths.At(DeliveryPoint.InboxWritten)}, after send {deaths.At(DeliveryPoint.EmailSent)}; " +
            $"inbox items {inbox.Count} (each once); e-mails accepted {smtp.Messages.Count}, distinct Message-IDs {copies.Count}, " +
            $"messages sent twice {copies.Count(c => c.Value > 1)}; most attempts {messages.Max(m => m.Attempts)}.");
    }

    [Fact]
    public async Task A_death_between_inbox_and_send_sends_once_and_a_slow_holder_keeps_its_message()
    {
        await using var smtp = new SmtpListener();
        var deaths = new OnceAt(DeliveryPoint.InboxWritten);
        await using var app = new DrilledApp(await AppFactory.NewDemoDatabaseAsync(), smtp.Settings, deaths);
        var ids = await NotifyWithChangeAsync(app, "cqu.applicant");

        await Assert.ThrowsAsync<InstanceHaltedException>(() => Dispatcher(app).RunOnceAsync(CancellationToken.None));
        var held = Assert.Single(await MessagesAsync(app, ids));
        Assert.NotNull(held.InboxDeliveredUtc);
        Assert.NotNull(held.LockedBy);
        Assert.Empty(smtp.Messages);

        // The dead instance held the message for the SMTP timeout plus a claim period: nobody sends it meanwhile.
        Assert.True(held.LockedUntilUtc > DateTime.UtcNow.AddSeconds(30));
        Assert.Equal(0, await Dispatcher(app).RunOnceAsync(CancellationToken.None));

        // Once the hold has run out, the next instance sends it, and only the e-mail is left to do.
        await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntilUtc, DateTime.UtcNow.AddSeconds(-1))));
        Assert.Equal(1, await Dispatcher(app).RunOnceAsync(CancellationToken.None));
        var message = Assert.Single(await MessagesAsync(app, ids));
        Assert.NotNull(message.CompletedUtc);
        Assert.Equal(SmtpMailer.MessageIdHeader(ids[0]), Assert.Single(smtp.Messages).MessageId);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<InboxItem>().CountAsync(i => i.MessageId == ids[0])));
    }

    [Fact]
    public async Task An_instance_whose_claim_was_taken_over_sends_nothing()
    {
        await using var smtp = new SmtpListener();
        var takeover = new TakeOverAt(DeliveryPoint.Claimed);
        await using var app = new DrilledApp(await AppFactory.NewDemoDatabaseAsync(), smtp.Settings, takeover);
        takeover.App = app;
        var ids = await NotifyWithChangeAsync(app, "cqu.applicant");

        Assert.Equal(1, await Dispatcher(app).RunOnceAsync(CancellationToken.None));

        // The slow instance found its claim gone and left the message to the new holder, untouched.
        var message = Assert.Single(await MessagesAsync(app, ids));
        Assert.Equal("other-host/1/claim", message.LockedBy);
        Assert.Null(message.InboxDeliveredUtc);
        Assert.Equal(0, message.Attempts);
        Assert.Empty(smtp.Messages);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<InboxItem>().CountAsync(i => i.MessageId == ids[0])));
    }

    private async Task RunInstanceAsync(AppFactory app, CancellationToken stop)
    {
        var dispatcher = new OutboxDispatcher(app.Services.GetRequiredService<IServiceScopeFactory>(),
            app.Services.GetRequiredService<IOptions<NotificationOptions>>(), app.Services.GetRequiredService<ILogger<OutboxDispatcher>>());
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (await dispatcher.RunOnceAsync(stop) == 0)
                {
                    await Task.Delay(100, stop);
                }
            }
            catch (InstanceHaltedException)
            {
                // dead; the loop carries on as a new instance
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }
    }

    private sealed class OnceAt(DeliveryPoint point) : IDeliveryDrill
    {
        private int _done;

        public void At(DeliveryPoint at, Guid messageId)
        {
            if (at == point && Interlocked.Exchange(ref _done, 1) == 0)
            {
                throw new InstanceHaltedException(at, messageId);
            }
        }
    }

    /// <summary>While the instance is at <paramref name="point"/>, its claim expires and another instance takes the message.</summary>
    private sealed class TakeOverAt(DeliveryPoint point) : IDeliveryDrill
    {
        public AppFactory? App { get; set; }

        public void At(DeliveryPoint at, Guid messageId)
        {
            if (at == point)
            {
                App!.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Id == messageId)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, "other-host/1/claim")
                        .SetProperty(m => m.LockedUntilUtc, DateTime.UtcNow.AddMinutes(5))
                        .SetProperty(m => m.Version, m => m.Version + 1))).GetAwaiter().GetResult();
            }
        }
    }
}
