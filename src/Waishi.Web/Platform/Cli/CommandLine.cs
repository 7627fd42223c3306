using System.CommandLine;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Cli;

/// <summary>
/// The command-line verbs of the executable. Host settings are given as --Key=Value (for example
/// --Database:Provider=Postgres) and go to configuration; everything else is the verb and its options.
/// </summary>
public static class CommandLine
{
    /// <summary>
    /// Without a verb first, every argument goes to the host (so "--urls http://…" works as for any
    /// ASP.NET Core app). With one, "--Key:Sub=Value" settings still configure the host and the
    /// rest belongs to the verb.
    /// </summary>
    public static (string[] Verb, string[] HostArgs) Split(string[] args)
    {
        // Settings may also come before the verb ("--Database:Path=x.db audit verify").
        var first = args.FirstOrDefault(a => !IsHostSetting(a));
        if (first is null || first.StartsWith('-'))
        {
            return ([], args);
        }
        var verb = new List<string>();
        var host = new List<string>();
        foreach (var arg in args)
        {
            if (IsHostSetting(arg))
            {
                host.Add(arg);
            }
            else
            {
                verb.Add(arg);
            }
        }
        return ([.. verb], [.. host]);
    }

    private static bool IsHostSetting(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=') && arg.Contains(':');

    /// <summary>Runs a verb. Output and errors go to the given writers (the console by default),
    /// so that tests can call verbs in-process.</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = new RootCommand("Waishi: international affairs management. Without a verb the web app runs.");
        root.Subcommands.Add(MigrateCommand(app));
        root.Subcommands.Add(DemoCommand.Create(app));
        root.Subcommands.Add(AuditCommand.Create(app));
        root.Subcommands.Add(BackupCommand.Create(app));
        root.Subcommands.Add(UserCommand.Create(app));
        root.Subcommands.Add(Features.Ror.RorImportCommand.Create(app));
        root.Subcommands.Add(Features.DueDiligence.Profiles.AspiImportCommand.Create(app));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One line: the first problem and where to read the usage.
            var path = string.Join(' ', Path(parsed.CommandResult.Command).Skip(1));
            // A misspelt verb also leaves the verb "not provided"; the misspelling is the news.
            var first = parsed.Errors.OrderBy(e => parsed.UnmatchedTokens.Any(t => e.Message.Contains(t, StringComparison.Ordinal)) ? 0 : 1).First();
            await error.WriteLineAsync($"error: {first.Message} Run '{(path.Length == 0 ? "" : path + " ")}--help' for the usage.");
            return 2;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CommandLineException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
    }

    private static IEnumerable<string> Path(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is not null; s = s.Parents.FirstOrDefault())
        {
            names.Insert(0, s.Name);
        }
        return names;
    }

    /// <summary>Where a verb writes its results.</summary>
    public static TextWriter Out(this ParseResult result) => result.InvocationConfiguration.Output;

    private static Command MigrateCommand(WebApplication app)
    {
        var command = new Command("migrate", "Apply database migrations and exit.");
        command.SetAction(async (parsed, ct) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var pending = (await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetPendingMigrationsAsync(db.Database, ct)).ToList();
            await DatabaseSetup.MigrateAsync(db, ct);
            await parsed.Out().WriteLineAsync(pending.Count == 0
                ? "The database is up to date."
                : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
            return 0;
        });
        return command;
    }
}

/// <summary>An error the user can fix; printed as "error: …" with exit code 2.</summary>
public sealed class CommandLineException(string message) : Exception(message);
