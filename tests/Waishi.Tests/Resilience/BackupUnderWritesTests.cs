using System.Data;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Waishi.Tests.Platform;
using Waishi.Tests.Platform.Notifications;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Demo.Scale;
using Waishi.Web.Platform.Notifications;
using Waishi.Web.Platform.Tenancy;
using Xunit.Abstractions;

namespace Waishi.Tests.Resilience;

/// <summary>
/// A backup taken with the <c>backup</c> verb while a writer keeps committing notifications (an
/// outbox message and an inbox item per transaction), restored into a fresh database: it holds
/// every write acknowledged before the backup began, no transaction in part, and exactly the
/// source's content (every table, ScaleChecksum) as of the backup point. On PostgreSQL that point
/// is a snapshot exported from a REPEATABLE READ transaction, dumped with pg_dump and checksummed
/// in that same transaction; on SQLite it is the last write in the backup, and the source is cut
/// back to it. Correctness only: bench/backup/run.sh measures time and writer stalls.
/// </summary>
public sealed class BackupUnderWritesTests(ITestOutputHelper output)
{
    private const string Prefix = "backup-write ";

    [Fact]
    public async Task A_backup_taken_during_writes_restores_to_the_source_as_of_the_backup_point()
    {
        await using var app = await AppFactory.CreateAsync();
        Directory.CreateDirectory(TestDatabase.Root);
        var file = Path.Combine(TestDatabase.Root, $"backup-{Guid.NewGuid():N}.{(TestDatabase.IsPostgres ? "dump" : "db")}");
        using var stop = new CancellationTokenSource();
        var writer = new Writer(app);
        var writing = Task.Run(() => writer.RunAsync(stop.Token));
        await Eventually.TrueAsync(() => writer.Acknowledged >= 20, "the writer under way");

        int acknowledgedBefore;
        IReadOnlyDictionary<string, string>? sourceAtBackup = null;
        if (TestDatabase.IsPostgres)
        {
            await using var scope = app.Services.CreateAsyncScope();
            using var system = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead);
            acknowledgedBefore = writer.Acknowledged;
            string snapshot;
            await using (var export = db.Database.GetDbConnection().CreateCommand())
            {
                export.Transaction = transaction.GetDbTransaction();
                export.CommandText = "SELECT pg_export_snapshot()";
                snapshot = (string)(await export.ExecuteScalarAsync())!;
            }
            var dump = await CliRunner.RunAsync(app.ConnectionString, "backup", file, "--snapshot", snapshot);
            Assert.True(dump.ExitCode == 0, dump.Error);
            sourceAtBackup = await scope.ServiceProvider.GetRequiredService<ScaleChecksum>().TablesAsync();
            await transaction.CommitAsync();
        }
        else
        {
            acknowledgedBefore = writer.Acknowledged;
            var backup = await CliRunner.RunAsync(app.ConnectionString, "backup", file);
            Assert.True(backup.ExitCode == 0, backup.Error);
        }
        var acknowledgedAfter = writer.Acknowledged;
        await Eventually.TrueAsync(() => writer.Acknowledged >= acknowledgedAfter + 20, "writes after the backup");
        await stop.CancelAsync();
        await writing;

        var restored = Restore(file);
        try
        {
            await using var restoredApp = AppFactory.OnDatabase(restored);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await restoredApp.NewClient().GetAsync("/health")).StatusCode);
            var point = await WritesAsync(restoredApp);
            Assert.True(point.Outbox.Count >= acknowledgedBefore, $"{point.Outbox.Count} writes in the backup, {acknowledgedBefore} acknowledged before it began");
            Assert.Equal(Enumerable.Range(1, point.Outbox.Count), point.Outbox);
            Assert.Equal(point.Outbox, point.Inbox);
            Assert.True(point.Outbox.Count < writer.Acknowledged, "writes after the backup are not in it");
            var restoredTables = await ChecksumAsync(restoredApp);

            if (sourceAtBackup is null)
            {
                Assert.Equal("ok", IntegrityCheck(file));
                // The source as of the backup point: a copy of it now, less the writes after the last one in the backup.
                var copy = CopySqlite(app.ConnectionString);
                try
                {
                    await using var source = AppFactory.OnDatabase(copy);
                    await source.WithDbAsync(async db =>
                    {
                        await db.Set<InboxItem>().Where(i => i.Subject.StartsWith(Prefix) && !point.MessageIds.Contains(i.MessageId)).ExecuteDeleteAsync();
                        await db.Set<OutboxMessage>().Where(m => m.Subject.StartsWith(Prefix) && !point.MessageIds.Contains(m.Id)).ExecuteDeleteAsync();
                    });
                    sourceAtBackup = await ChecksumAsync(source);
                }
                finally
                {
                    TestDatabase.Drop(copy);
                }
            }
            Assert.Equal(sourceAtBackup, restoredTables);
            output.WriteLine($"{writer.Acknowledged} writes acknowledged, {acknowledgedBefore} before the backup began, " +
                $"{point.Outbox.Count} in the backup; {restoredTables.Count} tables equal; writer's longest commit {writer.Longest.TotalMilliseconds:F0} ms.");
        }
        finally
        {
            TestDatabase.Drop(restored);
            File.Delete(file);
        }
    }

    /// <summary>Commits one outbox message and its inbox item per transaction, through the app's
    /// services, numbered from 1; counts what was acknowledged.</summary>
    private sealed class Writer(AppFactory app)
    {
        private int _acknowledged;

        public int Acknowledged => Volatile.Read(ref _acknowledged);

        public TimeSpan Longest { get; private set; }

        public async Task RunAsync(CancellationToken stop)
        {
            var user = await app.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.UserName == "cqu.applicant").Select(u => new { u.Id, u.TenantId }).SingleAsync());
            while (!stop.IsCancellationRequested)
            {
                var n = Acknowledged + 1;
                var clock = Stopwatch.StartNew();
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    using var system = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    var message = scope.ServiceProvider.GetRequiredService<Notifier>().Enqueue(user.TenantId, user.Id, $"{Prefix}{n}", "Written during a backup.");
                    db.Add(new InboxItem { TenantId = user.TenantId, UserId = user.Id, MessageId = message.Id, Subject = message.Subject, Body = message.Body, CreatedUtc = message.CreatedUtc });
                    await db.SaveChangesAsync(CancellationToken.None);
                }
                Longest = clock.Elapsed > Longest ? clock.Elapsed : Longest;
                Interlocked.Increment(ref _acknowledged);
                await Task.Delay(5, CancellationToken.None);
            }
        }
    }

    private sealed record Writes(List<int> Outbox, List<int> Inbox, List<Guid> MessageIds);

    private static Task<Writes> WritesAsync(AppFactory app) => app.WithDbAsync(async db =>
    {
        var outbox = await db.Set<OutboxMessage>().Where(m => m.Subject.StartsWith(Prefix)).Select(m => new { m.Id, m.Subject }).ToListAsync();
        var inbox = await db.Set<InboxItem>().Where(i => i.Subject.StartsWith(Prefix)).Select(i => i.Subject).ToListAsync();
        static int Number(string subject) => int.Parse(subject[Prefix.Length..]);
        return new Writes([.. outbox.Select(m => Number(m.Subject)).Order()], [.. inbox.Select(Number).Order()], [.. outbox.Select(m => m.Id)]);
    });

    private static async Task<IReadOnlyDictionary<string, string>> ChecksumAsync(AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ScaleChecksum>().TablesAsync();
    }

    /// <summary>Restores the backup into a new database as an operator would: pg_restore into an
    /// empty database, or the SQLite file copied into place.</summary>
    private static string Restore(string file)
    {
        if (!TestDatabase.IsPostgres)
        {
            return TestDatabase.CopyOf(new SqliteConnectionStringBuilder { DataSource = file }.ToString());
        }
        var target = TestDatabase.NewEmpty();
        var pg = new NpgsqlConnectionStringBuilder(target);
        var start = new ProcessStartInfo("pg_restore") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { $"--host={pg.Host}", $"--port={pg.Port}", $"--username={pg.Username}", "--no-owner", "--exit-on-error", $"--dbname={pg.Database}", file })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["PGPASSWORD"] = pg.Password;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return target;
    }

    private static string CopySqlite(string connectionString)
    {
        var copy = TestDatabase.NewEmpty();
        using var from = new SqliteConnection(connectionString);
        using var to = new SqliteConnection(copy);
        from.Open();
        to.Open();
        from.BackupDatabase(to);
        return copy;
    }

    private static string IntegrityCheck(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }
}
