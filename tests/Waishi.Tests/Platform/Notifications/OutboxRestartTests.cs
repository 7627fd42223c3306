using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Notifications;
using static Waishi.Tests.Platform.Notifications.OutboxScenario;

namespace Waishi.Tests.Platform.Notifications;

public sealed class OutboxRestartTests
{
    [Fact]
    public async Task A_run_stopped_midway_is_finished_by_the_next_instance_and_each_message_arrives_once()
    {
        await using var smtp = new SmtpListener { DelayPerMessage = TimeSpan.FromMilliseconds(250) };
        var database = await AppFactory.NewDemoDatabaseAsync();
        try
        {
            List<Guid> ids;
            await using (var first = AppFactory.OnDatabase(database, Dispatching(smtp)))
            {
                ids = await NotifyWithChangeAsync(first, "cqu.officer-global", count: 8);
                await Eventually.TrueAsync(() => smtp.Messages.Count >= 2, "two messages sent by the first instance");
            }
            var sentBeforeStop = smtp.Messages.Count;

            // The stopped instance finished the message in hand and gave the rest of its batch back.
            await using (var look = AppFactory.OnDatabase(database))
            {
                var left = await MessagesAsync(look, ids);
                Assert.Equal(sentBeforeStop, left.Count(m => m.CompletedUtc != null));
                Assert.Contains(left, m => m.CompletedUtc == null);
                Assert.All(left, m => Assert.Null(m.LockedBy));
            }

            await using var second = AppFactory.OnDatabase(database, Dispatching(smtp));

            await UntilAsync(second, ids, m => m.All(x => x.CompletedUtc != null), "all messages completed");
            var received = smtp.Messages.Select(m => m.MessageId).ToList();
            Assert.Equal(ids.Select(SmtpMailer.MessageIdHeader).Order(), received.Order());
            var inbox = await second.WithDbAsync(db => db.Set<InboxItem>().Where(i => ids.Contains(i.MessageId)).Select(i => i.MessageId).ToListAsync());
            Assert.Equal(ids.Order(), inbox.Order());
        }
        finally
        {
            TestDatabase.Drop(database);
        }
    }

    [Fact]
    public async Task Two_instances_on_one_database_send_each_message_once()
    {
        await using var smtp = new SmtpListener { DelayPerMessage = TimeSpan.FromMilliseconds(20) };
        var database = await AppFactory.NewDemoDatabaseAsync();
        try
        {
            var settings = Dispatching(smtp, ("Notifications:BatchSize", "3"));
            await using var first = AppFactory.OnDatabase(database, settings);
            await using var second = AppFactory.OnDatabase(database, settings);
            var ids = await NotifyWithChangeAsync(first, "cqu.officer-global", count: 12);

            await UntilAsync(second, ids, m => m.All(x => x.CompletedUtc != null), "all messages completed");
            Assert.Equal(ids.Select(SmtpMailer.MessageIdHeader).Order(), smtp.Messages.Select(m => m.MessageId).Order());
            Assert.Equal(12, await first.WithDbAsync(db => db.Set<InboxItem>().CountAsync(i => ids.Contains(i.MessageId))));
        }
        finally
        {
            TestDatabase.Drop(database);
        }
    }
}
