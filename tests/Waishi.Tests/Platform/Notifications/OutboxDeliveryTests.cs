using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Notifications;
using Waishi.Web.Platform.Tenancy;
using static Waishi.Tests.Platform.Notifications.OutboxScenario;

namespace Waishi.Tests.Platform.Notifications;

public sealed class OutboxDeliveryTests
{
    [Fact]
    public async Task Notification_written_with_a_change_reaches_the_inbox_and_smtp_once()
    {
        await using var smtp = new SmtpListener();
        await using var app = await AppFactory.CreateAsync(Dispatching(smtp, ("Notifications:PublicBaseUrl", "https://waishi.test")));
        var ids = await NotifyWithChangeAsync(app, "cqu.applicant");
        var id = Assert.Single(ids);

        var message = Assert.Single(await UntilAsync(app, ids, m => m.All(x => x.CompletedUtc != null), "message completed"));
        Assert.NotNull(message.EmailSentUtc);
        Assert.NotNull(message.InboxDeliveredUtc);
        Assert.Equal(1, message.Attempts);
        Assert.Null(message.LockedBy);
        Assert.Equal(0, await Dispatcher(app).RunOnceAsync(CancellationToken.None));

        var user = await UserAsync(app, "cqu.applicant");
        Assert.EndsWith("*", user.DisplayName);
        var item = Assert.Single(await app.WithDbAsync(db => db.Set<InboxItem>().Where(i => i.MessageId == id).ToListAsync()));
        Assert.Equal(user.Id, item.UserId);
        Assert.Equal(user.TenantId, item.TenantId);
        Assert.Equal("资料已更新 / Profile updated", item.Subject);
        Assert.Null(item.ReadUtc);

        var mail = Assert.Single(smtp.Messages);
        Assert.Equal(SmtpMailer.MessageIdHeader(id), mail.MessageId);
        Assert.Equal([user.Email!], mail.Recipients);
        Assert.Equal("waishi@test.example", mail.From);
        Assert.Equal("资料已更新 / Profile updated", mail.Subject);
        Assert.Contains("您的资料已更新。", mail.Body);
        Assert.Contains("Your profile was updated.", mail.Body);
        Assert.Contains("https://waishi.test/Account/Profile", mail.Body);
    }

    [Fact]
    public async Task Without_smtp_the_message_goes_to_the_inbox_only()
    {
        await using var app = await AppFactory.CreateAsync(Dispatching(null));
        var ids = await NotifyWithChangeAsync(app, "cqupt.director");

        var message = Assert.Single(await UntilAsync(app, ids, m => m.All(x => x.CompletedUtc != null), "message completed"));
        Assert.True(message.EmailSkipped);
        Assert.Null(message.EmailSentUtc);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<InboxItem>().CountAsync(i => i.MessageId == ids[0])));
    }

    [Fact]
    public async Task Refused_message_is_retried_with_back_off_and_arrives()
    {
        await using var smtp = new SmtpListener();
        smtp.RefuseNext(2);
        await using var app = await AppFactory.CreateAsync(Dispatching(smtp));
        var ids = await NotifyWithChangeAsync(app, "cqu.applicant");

        // Between attempts: the failure is recorded and the next attempt waits base * (2^n - 1) in total.
        var failed = Assert.Single(await UntilAsync(app, ids, m => m.All(x => x.Attempts >= 1 || x.CompletedUtc != null), "first attempt"));
        if (failed.CompletedUtc is null)
        {
            Assert.Contains("Try again later", failed.LastError);
            var waited = failed.NextAttemptUtc - failed.CreatedUtc;
            Assert.True(waited >= TimeSpan.FromSeconds(Math.Pow(2, failed.Attempts) - 1), $"waited {waited} after {failed.Attempts} attempts");
        }

        var message = Assert.Single(await UntilAsync(app, ids, m => m.All(x => x.CompletedUtc != null), "message completed"));
        Assert.Equal(3, message.Attempts);
        Assert.Equal(2, smtp.Refused);
        Assert.Contains("Try again later", message.LastError);
        Assert.Null(message.DeadUtc);
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal(SmtpMailer.MessageIdHeader(ids[0]), mail.MessageId);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<InboxItem>().CountAsync(i => i.MessageId == ids[0])));
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_marked_dead_and_left_alone()
    {
        await using var smtp = new SmtpListener();
        smtp.RefuseNext(100);
        await using var app = await AppFactory.CreateAsync(Dispatching(smtp,
            ("Notifications:MaxAttempts", "2"), ("Notifications:RetryBase", "00:00:00.200")));
        var ids = await NotifyWithChangeAsync(app, "cqu.applicant");

        var message = Assert.Single(await UntilAsync(app, ids, m => m.All(x => x.DeadUtc != null), "message dead"));
        Assert.Equal(2, message.Attempts);
        Assert.Null(message.CompletedUtc);
        Assert.Null(message.EmailSentUtc);
        Assert.NotNull(message.InboxDeliveredUtc);
        Assert.Equal(0, await Dispatcher(app).RunOnceAsync(CancellationToken.None));
        Assert.Equal(2, smtp.Refused);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task A_server_that_stops_answering_counts_as_a_failed_attempt()
    {
        await using var smtp = new SmtpListener { DelayPerMessage = TimeSpan.FromMinutes(10) };
        await using var app = await AppFactory.CreateAsync(Dispatching(smtp,
            ("Smtp:TimeoutSeconds", "1"), ("Notifications:RetryBase", "01:00:00")));
        var ids = await NotifyWithChangeAsync(app, "cqu.applicant");

        var message = Assert.Single(await UntilAsync(app, ids, m => m.All(x => x.Attempts >= 1), "first attempt recorded"));
        Assert.Null(message.CompletedUtc);
        Assert.Null(message.EmailSentUtc);
        Assert.NotNull(message.LastError);
        Assert.Null(message.LockedBy);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public void Back_off_doubles_up_to_the_limit()
    {
        var options = new NotificationOptions { RetryBase = TimeSpan.FromSeconds(30), RetryMax = TimeSpan.FromMinutes(10) };
        Assert.Equal(TimeSpan.FromSeconds(30), options.BackOff(1));
        Assert.Equal(TimeSpan.FromSeconds(60), options.BackOff(2));
        Assert.Equal(TimeSpan.FromSeconds(120), options.BackOff(3));
        Assert.Equal(TimeSpan.FromMinutes(10), options.BackOff(6));
        Assert.Equal(TimeSpan.FromMinutes(10), options.BackOff(500));
    }

    [Fact]
    public async Task A_rolled_back_change_leaves_no_outbox_message()
    {
        await using var app = await AppFactory.CreateAsync();
        var before = await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            using var _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var user = await db.Users.SingleAsync(u => u.UserName == "cqu.applicant");
            user.DisplayName = "Rolled back";
            scope.ServiceProvider.GetRequiredService<Notifier>().Enqueue(user.TenantId, user.Id, "Never sent", "Never sent");
            await db.SaveChangesAsync();
            Assert.Equal(before + 1, await db.Set<OutboxMessage>().CountAsync());
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()));
        Assert.False(await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Subject == "Never sent")));
        Assert.NotEqual("Rolled back", (await UserAsync(app, "cqu.applicant")).DisplayName);
    }
}
