using System.CommandLine;
using Microsoft.Data.Sqlite;
using Npgsql;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Cli;

/// <summary>
/// A consistent copy of the database while the app may be running: SQLite's online backup, or on
/// PostgreSQL <c>pg_dump</c> in its custom format (one snapshot; restore with <c>pg_restore</c>).
/// </summary>
public static class BackupCommand
{
    public static Command Create(WebApplication app)
    {
        var file = new Argument<string?>("file") { Description = "The backup file to write (a SQLite database).", Arity = ArgumentArity.ZeroOrOne };
        var to = new Option<string?>("--to") { Description = "The backup file, if not given as the argument." };
        var force = new Option<bool>("--force") { Description = "Overwrite the file if it exists." };
        var snapshot = new Option<string?>("--snapshot") { Description = "PostgreSQL: dump as of a snapshot exported by another session (pg_export_snapshot())." };
        var command = new Command("backup", "Copy the database to a file while the system may be running (SQLite online backup; pg_dump on PostgreSQL).");
        command.Arguments.Add(file);
        command.Options.Add(to);
        command.Options.Add(force);
        command.Options.Add(snapshot);
        command.SetAction(async (parsed, ct) =>
        {
            var options = app.Services.GetRequiredService<DatabaseOptions>();
            var given = parsed.GetValue(file) ?? parsed.GetValue(to);
            if (string.IsNullOrWhiteSpace(given))
            {
                throw new CommandLineException("backup: name the backup file, e.g. 'backup waishi-backup.db' (or --to FILE).");
            }
            var target = Path.GetFullPath(given);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            if (options.IsPostgres)
            {
                await PostgresBackup.DumpAsync(options.ConnectionString!, target, parsed.GetValue(force), parsed.GetValue(snapshot), ct);
                await parsed.Out().WriteLineAsync($"Backed up the database to {target} ({new FileInfo(target).Length:N0} bytes, pg_dump custom format) in {clock.Elapsed.TotalSeconds:F2} s.\n" +
                    $"Restore into a new, empty database with: pg_restore --no-owner --dbname=<new database> {target}");
                return 0;
            }
            await BackupSqliteAsync(options.SqliteConnectionString(app.Environment.ContentRootPath), target, parsed.GetValue(force), ct);
            await parsed.Out().WriteLineAsync($"Backed up the database to {target} ({new FileInfo(target).Length:N0} bytes) in {clock.Elapsed.TotalSeconds:F2} s.");
            return 0;
        });
        return command;
    }

    /// <summary>Refuses a target that exists (without --force) or whose folder does not.</summary>
    internal static void CheckTarget(string target, bool force)
    {
        if (File.Exists(target) && !force)
        {
            throw new CommandLineException($"backup: {target} already exists. Pass --force to overwrite it, or give another file.");
        }
        var directory = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(directory))
        {
            throw new CommandLineException($"backup: the folder {directory} does not exist. Create it first or give another file.");
        }
    }

    /// <summary>A file beside the target to write first and move into place, so that a failed backup
    /// never leaves a half-written file under the requested name.</summary>
    internal static string PartialFor(string target) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");

    private static async Task BackupSqliteAsync(string connectionString, string target, bool force, CancellationToken ct)
    {
        var source = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly };
        if (!File.Exists(source.DataSource))
        {
            throw new CommandLineException($"the database file {source.DataSource} does not exist; check Database:Path (nothing to back up).");
        }
        CheckTarget(target, force);

        var partial = PartialFor(target);
        try
        {
            await using (var from = new SqliteConnection(source.ToString()))
            await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await from.OpenAsync(ct);
                await to.OpenAsync(ct);
                await CopyAsync(from, to, ct);
                await using var command = to.CreateCommand();
                command.CommandText = "PRAGMA journal_mode=DELETE;"; // one self-contained file
                await command.ExecuteNonQueryAsync(ct);
            }
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            foreach (var leftover in new[] { partial, partial + "-wal", partial + "-shm", partial + "-journal" })
            {
                File.Delete(leftover);
            }
        }
    }

    /// <summary>
    /// One backup step over the whole file, inside one read transaction: the copy is the database
    /// as of the moment that transaction began, and writers carry on beside it (WAL). Taking the read
    /// lock can meet a writer's checkpoint and fail with SQLITE_BUSY: a busy handler waits for it,
    /// and a failed step is tried again from the start.
    /// </summary>
    private static async Task CopyAsync(SqliteConnection from, SqliteConnection to, CancellationToken ct)
    {
        await using (var wait = from.CreateCommand())
        {
            wait.CommandText = "PRAGMA busy_timeout=10000;";
            await wait.ExecuteNonQueryAsync(ct);
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                from.BackupDatabase(to);
                return;
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6 && attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), ct);
            }
        }
    }
}
