using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Jobs;

namespace Waishi.Tests.Platform;

/// <summary>The first start on an empty database, with every background service on.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Background_services_wait_for_the_migrated_database_on_first_start()
    {
        var errors = new ConcurrentQueue<string>();
        await using var app = AppFactory.OnEmptyDatabase(seed: true, new Dictionary<string, string?>
        {
            ["Jobs:Enabled"] = "true",
            ["Jobs:TickInterval"] = "00:00:00.200",
            ["Notifications:DispatcherEnabled"] = "true",
            ["Notifications:PollInterval"] = "00:00:00.200",
        });
        await using var logged = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(new ErrorCollector(errors))));
        _ = logged.Server;

        // The scheduler records its jobs on its first pass: wait for that pass.
        var seen = 0;
        for (var attempt = 0; attempt < 100 && seen == 0; attempt++)
        {
            await Task.Delay(100);
            await using var scope = logged.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Waishi.Web.Platform.Data.AppDbContext>();
            seen = await db.Set<JobLease>().CountAsync();
        }

        Assert.True(seen > 0, "the job scheduler never ran");
        Assert.True(errors.IsEmpty, string.Join("\n", errors));
    }

    private sealed class ErrorCollector(ConcurrentQueue<string> errors) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(categoryName, errors);

        public void Dispose()
        {
        }

        private sealed class Collector(string category, ConcurrentQueue<string> errors) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                // On a new PostgreSQL database, EF's migrator reads its history table before creating
                // it and logs that failed read as an error (npgsql/efcore.pg#3407): expected, not ours.
                var message = formatter(state, exception);
                if (logLevel >= LogLevel.Error && !message.Contains("__EFMigrationsHistory", StringComparison.Ordinal))
                {
                    errors.Enqueue($"{category}: {message}");
                }
            }
        }
    }
}
