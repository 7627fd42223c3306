using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Notifications;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Platform.Notifications;

/// <summary>What the outbox tests share: settings that turn the dispatcher on, writing notifications
/// together with a change, and waiting for the dispatcher to get somewhere.</summary>
internal static class OutboxScenario
{
    public static Dictionary<string, string?> Dispatching(SmtpListener? smtp, params (string Key, string Value)[] extra)
    {
        var settings = smtp?.Settings ?? [];
        settings["Notifications:DispatcherEnabled"] = "true";
        settings["Notifications:PollInterval"] = "00:00:00.100";
        settings["Notifications:RetryBase"] = "00:00:01";
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>Changes the display name of <paramref name="userName"/> and notifies the user of it,
    /// in one SaveChanges. Returns the outbox message ids.</summary>
    public static async Task<List<Guid>> NotifyWithChangeAsync(AppFactory app, string userName, int count = 1, string subject = "资料已更新 / Profile updated")
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        user.DisplayName += "*";
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(notifier.Enqueue(user.TenantId, user.Id, count == 1 ? subject : $"{subject} #{i + 1}",
                "您的资料已更新。\nYour profile was updated.", "/Account/Profile").Id);
        }
        await db.SaveChangesAsync();
        return ids;
    }

    public static Task<List<OutboxMessage>> MessagesAsync(AppFactory app, IReadOnlyCollection<Guid> ids) =>
        app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync());

    public static async Task<List<OutboxMessage>> UntilAsync(AppFactory app, IReadOnlyCollection<Guid> ids, Func<List<OutboxMessage>, bool> done, string what)
    {
        var messages = new List<OutboxMessage>();
        await Eventually.TrueAsync(async () => done(messages = await MessagesAsync(app, ids)), what);
        return messages;
    }

    public static OutboxDispatcher Dispatcher(AppFactory app) =>
        app.Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single();

    public static Task<AppUser> UserAsync(AppFactory app, string userName) =>
        app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName));
}

/// <summary>Waits for background work. A generous limit only stops a broken test from hanging; no
/// test asserts how fast anything is.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still waiting for: {what}");
            }
            await Task.Delay(50);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, int seconds = 60) =>
        TrueAsync(() => Task.FromResult(condition()), what, seconds);
}
