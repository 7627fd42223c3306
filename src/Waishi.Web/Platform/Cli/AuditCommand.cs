using System.CommandLine;
using Waishi.Web.Platform.Auditing;

namespace Waishi.Web.Platform.Cli;

public static class AuditCommand
{
    public static Command Create(WebApplication app)
    {
        var verify = new Command("verify",
            "Walk the audit hash chain and compare every audited row with its last entry. " +
            "Exit code 0 when intact, 1 naming the first broken entry and every row changed behind the application's back.");
        verify.SetAction(async (parsed, ct) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var result = await ActivatorUtilities.CreateInstance<AuditVerifier>(scope.ServiceProvider).VerifyAsync(null, ct);
            if (result.IsIntact)
            {
                await parsed.Out().WriteLineAsync($"Audit log intact: {result.Entries} entries in an unbroken chain; {result.RowsChecked} rows match their last entry.");
                return 0;
            }
            var error = parsed.InvocationConfiguration.Error;
            foreach (var problem in result.Problems)
            {
                await error.WriteLineAsync(problem.Message);
            }
            await error.WriteLineAsync($"error: the audit log is not intact: {result.Problems.Count} problem(s) in {result.Entries} entries and {result.RowsChecked} rows. Restore the database from a backup or investigate the rows named above.");
            return 1;
        });

        var command = new Command("audit", "Audit log commands.");
        command.Subcommands.Add(verify);
        return command;
    }
}
