using System.CommandLine;
using Microsoft.Data.Sqlite;
using Npgsql;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Cli;

/// <summary>
/// A consistent copy of the SQLite database while the app may be running (SQLite's online backup).
/// PostgreSQL is backed up with its own tools; the verb says how.
/// </summary>
public static class BackupCommand
{
    public static Command Create(WebApplication app)
    {
        var file = new Argument<string?>("file") { Description = "The backup file to write (a SQLite database).", Arity = ArgumentArity.ZeroOrOne };
        var to = new Option<string?>("--to") { Description = "The backup file, if not given as the argument." };
        var force = new Option<bool>("--force") { Description = "Overwrite the file if it exists." };
        var command = new Command("backup", "Copy the SQLite database to a file while the system may be running. On PostgreSQL, explains pg_dump.");
        command.Arguments.Add(file);
        command.Options.Add(to);
        command.Options.Add(force);
        command.SetAction(async (parsed, ct) =>
        {
            var options = app.Services.GetRequiredService<DatabaseOptions>();
            var given = parsed.GetValue(file) ?? parsed.GetValue(to);
            if (string.IsNullOrWhiteSpace(given))
            {
                throw new CommandLineException("backup: name the backup file, e.g. 'backup waishi-backup.db' (or --to FILE).");
            }
            var target = Path.GetFullPath(given);
            if (options.IsPostgres)
            {
                var pg = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                await parsed.Out().WriteLineAsync(
                    "The database is on PostgreSQL; back it up with pg_dump (it runs while the system is in use):\n" +
                    $"  pg_dump --host={pg.Host} --port={pg.Port} --username={pg.Username} --format=custom --file={target} {pg.Database}\n" +
                    "Restore with pg_restore --dbname=<new database> " + target);
                return 2;
            }
            await BackupSqliteAsync(options.SqliteConnectionString(app.Environment.ContentRootPath), target, parsed.GetValue(force), ct);
            await parsed.Out().WriteLineAsync($"Backed up the database to {target} ({new FileInfo(target).Length:N0} bytes).");
            return 0;
        });
        return command;
    }

    private static async Task BackupSqliteAsync(string connectionString, string target, bool force, CancellationToken ct)
    {
        var source = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly };
        if (!File.Exists(source.DataSource))
        {
            throw new CommandLineException($"the database file {source.DataSource} does not exist; check Database:Path (nothing to back up).");
        }
        if (File.Exists(target) && !force)
        {
            throw new CommandLineException($"backup: {target} already exists. Pass --force to overwrite it, or give another file.");
        }
        var directory = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(directory))
        {
            throw new CommandLineException($"backup: the folder {directory} does not exist. Create it first or give another file.");
        }

        // Written beside the target and moved into place, so a failed backup never leaves a
        // half-written file under the requested name.
        var partial = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            await using (var from = new SqliteConnection(source.ToString()))
            await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await from.OpenAsync(ct);
                await to.OpenAsync(ct);
                from.BackupDatabase(to);
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
}
