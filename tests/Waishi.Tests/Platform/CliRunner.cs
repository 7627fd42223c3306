using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Waishi.Tests.Support;
using Waishi.Web.Platform;
using Waishi.Web.Platform.Cli;

namespace Waishi.Tests.Platform;

public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs a command-line verb in-process against a test database, as Program does.</summary>
public static class CliRunner
{
    public static async Task<CliResult> RunAsync(string connectionString, params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = TestDatabase.IsPostgres ? "Postgres" : "Sqlite",
            ["Database:ConnectionString"] = connectionString,
            ["Demo:SeedOnEmpty"] = "false",
            ["Jobs:Enabled"] = "false",
            ["Notifications:DispatcherEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddWaishi();
        await using var app = builder.Build();
        app.UseWaishi();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(app, args, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
