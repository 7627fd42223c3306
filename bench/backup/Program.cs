// A writer that commits one outbox message per transaction (as the app commits a change with its
// notification) and times each commit; after a baseline it runs the backup command given after
// "--", and prints how long the backup took and the writer's latency before, during and after it.
//
//   Waishi.Bench.Backup --provider sqlite|postgres --connection CS [--baseline 10] [--after 5] [--pause 5] -- COMMAND ARGS...
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

var split = Array.IndexOf(args, "--");
if (split < 0 || split == args.Length - 1)
{
    Console.Error.WriteLine("usage: Waishi.Bench.Backup --provider sqlite|postgres --connection CS [--baseline S] [--after S] [--pause MS] -- BACKUP COMMAND");
    return 2;
}
var options = args[..split].Chunk(2).ToDictionary(p => p[0].TrimStart('-'), p => p.Length > 1 ? p[1] : "");
var command = args[(split + 1)..];
var postgres = options.GetValueOrDefault("provider", "sqlite") == "postgres";
var connectionString = options["connection"];
var baseline = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("baseline", "10")));
var after = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("after", "5")));
var pause = TimeSpan.FromMilliseconds(double.Parse(options.GetValueOrDefault("pause", "5")));

DbConnection Open()
{
    DbConnection connection = postgres
        ? new NpgsqlConnection(connectionString)
        : new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 60 }.ToString());
    connection.Open();
    return connection;
}

var clock = Stopwatch.StartNew();
var commits = new List<(double At, double Ms)>();
using var stop = new CancellationTokenSource();
var writer = Task.Run(() =>
{
    using var connection = Open();
    var n = 0;
    while (!stop.IsCancellationRequested)
    {
        var start = clock.Elapsed.TotalMilliseconds;
        using (var transaction = connection.BeginTransaction())
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO "OutboxMessage" ("Id", "Subject", "Body", "CreatedUtc", "Attempts", "NextAttemptUtc", "EmailSkipped", "Version", "CompletedUtc")
                VALUES (@id, @subject, @body, @now, 1, @now, @skipped, 1, @now)
                """;
            var now = DateTime.UtcNow;
            void Add(string name, object value)
            {
                var p = insert.CreateParameter();
                p.ParameterName = name;
                p.Value = value;
                insert.Parameters.Add(p);
            }
            // As EF Core stores them: uuid/timestamptz on PostgreSQL, text on SQLite.
            Add("@id", postgres ? Guid.CreateVersion7() : Guid.CreateVersion7().ToString().ToUpperInvariant());
            Add("@now", postgres ? now : now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF"));
            Add("@skipped", postgres ? true : 1);
            Add("@subject", $"backup bench write {++n}");
            Add("@body", "Written while a backup runs.");
            insert.ExecuteNonQuery();
            transaction.Commit();
        }
        lock (commits)
        {
            commits.Add((start, clock.Elapsed.TotalMilliseconds - start));
        }
        Thread.Sleep(pause);
    }
});

Thread.Sleep(baseline);
var backupStart = clock.Elapsed.TotalMilliseconds;
var info = new ProcessStartInfo(command[0]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
foreach (var argument in command[1..])
{
    info.ArgumentList.Add(argument);
}
using (var backup = Process.Start(info)!)
{
    var output = backup.StandardOutput.ReadToEndAsync();
    var error = backup.StandardError.ReadToEndAsync();
    backup.WaitForExit();
    var backupEnd = clock.Elapsed.TotalMilliseconds;
    Console.Write(await output);
    Console.Error.Write(await error);
    Thread.Sleep(after);
    stop.Cancel();
    await writer;
    if (backup.ExitCode != 0)
    {
        Console.Error.WriteLine($"the backup command failed with exit code {backup.ExitCode}");
        return 1;
    }

    static string Row(string phase, IReadOnlyList<double> ms)
    {
        if (ms.Count == 0)
        {
            return $"{phase,-8} {0,8}";
        }
        var sorted = ms.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return $"{phase,-8} {sorted.Count,8} {At(0.5),9:F1} {At(0.99),9:F1} {sorted[^1],9:F1}";
    }
    Console.WriteLine($"backup command: {(backupEnd - backupStart) / 1000:F2} s wall time (process start included)");
    Console.WriteLine($"{"writer",-8} {"commits",8} {"p50 ms",9} {"p99 ms",9} {"max ms",9}");
    // A commit counts as during the backup when it was in flight at any moment of it.
    Console.WriteLine(Row("before", [.. commits.Where(c => c.At + c.Ms < backupStart).Select(c => c.Ms)]));
    Console.WriteLine(Row("during", [.. commits.Where(c => c.At + c.Ms >= backupStart && c.At <= backupEnd).Select(c => c.Ms)]));
    Console.WriteLine(Row("after", [.. commits.Where(c => c.At > backupEnd).Select(c => c.Ms)]));
}
return 0;
