using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Notifications;
using static Waishi.Tests.Platform.Notifications.OutboxScenario;

namespace Waishi.Tests.Platform.Notifications;

public sealed class OutboxClaimTests
{
    /// <summary>Marks the messages as claimed by an instance that no longer runs, until <paramref name="until"/>.</summary>
    private static Task ClaimAsOtherAsync(AppFactory app, IReadOnlyCollection<Guid> ids, DateTime until) =>
        app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, "crashed-host/1/claim").SetProperty(m => m.LockedUntilUtc, until)));

    [Fact]
    public async Task A_held_claim_is_respected_and_an_expired_one_is_taken_over()
    {
        await using var smtp = new SmtpListener();
        // The dispatcher's background loop stays off; the test runs single batches.
        await using var app = await AppFactory.CreateAsync(smtp.Settings);
        var held = await NotifyWithChangeAsync(app, "cqu.applicant", subject: "Held");
        var expired = await NotifyWithChangeAsync(app, "cqu.director", subject: "Expired");
        await ClaimAsOtherAsync(app, held, DateTime.UtcNow.AddHours(1));
        await ClaimAsOtherAsync(app, expired, DateTime.UtcNow.AddMinutes(-1));

        Assert.Equal(1, await Dispatcher(app).RunOnceAsync(CancellationToken.None));

        var messages = await MessagesAsync(app, [.. held, .. expired]);
        var heldMessage = messages.Single(m => m.Id == held[0]);
        Assert.Null(heldMessage.CompletedUtc);
        Assert.Equal("crashed-host/1/claim", heldMessage.LockedBy);
        Assert.Equal(0, heldMessage.Attempts);
        var takenOver = messages.Single(m => m.Id == expired[0]);
        Assert.NotNull(takenOver.CompletedUtc);
        Assert.Null(takenOver.LockedBy);
        Assert.Equal(SmtpMailer.MessageIdHeader(expired[0]), Assert.Single(smtp.Messages).MessageId);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<InboxItem>().CountAsync(i => i.MessageId == held[0])));
    }

    [Fact]
    public async Task Redelivery_of_a_message_already_in_the_inbox_adds_no_second_item()
    {
        await using var app = await AppFactory.CreateAsync();
        var ids = await NotifyWithChangeAsync(app, "cqu.applicant");
        Assert.Equal(1, await Dispatcher(app).RunOnceAsync(CancellationToken.None));

        // As if the instance had crashed after writing the inbox but before recording it.
        await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.CompletedUtc, (DateTime?)null).SetProperty(m => m.InboxDeliveredUtc, (DateTime?)null)));
        Assert.Equal(1, await Dispatcher(app).RunOnceAsync(CancellationToken.None));

        Assert.NotNull(Assert.Single(await MessagesAsync(app, ids)).CompletedUtc);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<InboxItem>().CountAsync(i => i.MessageId == ids[0])));
    }
}
