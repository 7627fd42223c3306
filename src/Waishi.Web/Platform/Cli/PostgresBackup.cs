using System.ComponentModel;
using System.Diagnostics;
using Npgsql;

namespace Waishi.Web.Platform.Cli;

/// <summary>
/// Runs <c>pg_dump</c> for the configured database: custom format, written beside the target and
/// moved into place when complete. pg_dump reads one snapshot, so the dump is consistent while the
/// system keeps writing; with a snapshot id it reads exactly that one.
/// </summary>
internal static class PostgresBackup
{
    public static async Task DumpAsync(string connectionString, string target, bool force, string? snapshot, CancellationToken ct)
    {
        BackupCommand.CheckTarget(target, force);
        var pg = new NpgsqlConnectionStringBuilder(connectionString);
        var partial = BackupCommand.PartialFor(target);
        var start = new ProcessStartInfo("pg_dump")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            $"--host={pg.Host}", $"--port={pg.Port}", $"--username={pg.Username}",
            "--format=custom", "--no-password", $"--file={partial}", $"--dbname={pg.Database}",
        })
        {
            start.ArgumentList.Add(argument);
        }
        if (!string.IsNullOrWhiteSpace(snapshot))
        {
            start.ArgumentList.Add($"--snapshot={snapshot}");
        }
        if (!string.IsNullOrEmpty(pg.Password))
        {
            start.Environment["PGPASSWORD"] = pg.Password;
        }
        try
        {
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (Win32Exception)
            {
                throw new CommandLineException("backup: pg_dump was not found. Install the PostgreSQL client tools (e.g. apt-get install postgresql-client) in the same major version as the server.");
            }
            using (process)
            {
                var error = process.StandardError.ReadToEndAsync(ct);
                await process.StandardOutput.ReadToEndAsync(ct);
                await process.WaitForExitAsync(ct);
                if (process.ExitCode != 0)
                {
                    throw new CommandLineException($"backup: pg_dump failed (exit code {process.ExitCode}): {(await error).Trim()}");
                }
            }
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
