using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Waishi.Bench.Crash;
using Waishi.Tests.Platform;
using Waishi.Tests.Support;
using Xunit.Abstractions;

namespace Waishi.Tests.Resilience;

/// <summary>
/// A short run of the crash loop of <c>bench/crash/run.sh</c>: the built app runs as a child process on
/// the small demo city, clients import staff, approve workflow steps and check passports out and in,
/// and the process tree is killed (as kill -9) at a seeded moment. After each kill the database is
/// intact (SQLite <c>PRAGMA integrity_check</c>), every write the clients saw acknowledged is there,
/// no transaction is half applied, the audit chain verifies, and the restarted app serves a signed-in page.
/// </summary>
public sealed class CrashLoopTests(ITestOutputHelper output)
{
    private const int Iterations = 3;

    [Fact]
    public async Task Killing_the_app_during_writes_loses_no_acknowledged_write_and_applies_no_transaction_by_half()
    {
        var connection = TestDatabase.NewEmpty();
        var work = Path.Combine(Path.GetTempPath(), "waishi-crash-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            var seeded = await DemoScaleTests.RunAsync(TestDatabase.IsPostgres, connection, "demo", "--scale", "small", "--seed", "1");
            Assert.Equal(0, seeded.ExitCode);
            var journalPath = Path.Combine(work, "journal.tsv");
            var verifier = new Verifier(TestDatabase.IsPostgres, connection);
            var random = new Random(20261201);
            var port = FreePort();
            var writers = new Writers($"http://127.0.0.1:{port}");
            Dictionary<string, string>? tokens = null;
            var acknowledged = 0;
            for (var i = 1; i <= Iterations; i++)
            {
                using var app = await StartAsync(connection, work, port);
                Assert.True(await writers.ServesSignedInPageAsync(), "the restarted app serves a signed-in page");
                tokens ??= await writers.CreateTokensAsync(["cqu"]);
                var pairs = verifier.CustodyPairs(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)));
                var started = new TaskCompletionSource();
                using var journal = new Journal(journalPath);
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                var writing = writers.RunAsync(tokens, pairs, journal, i, 100 + i, () => started.TrySetResult(), limit.Token);
                await Task.WhenAny(started.Task, writing);
                // On a loaded machine the first write may take seconds: the kill comes after it.
                var first = Stopwatch.StartNew();
                while (journal.Acknowledged == 0 && !writing.IsCompleted && first.Elapsed < TimeSpan.FromSeconds(45))
                {
                    await Task.Delay(50);
                }
                var delay = 200 + random.Next(2801);
                await Task.Delay(delay);
                app.Kill(entireProcessTree: true);
                await app.WaitForExitAsync();
                await writing;
                acknowledged += journal.Acknowledged;

                if (!TestDatabase.IsPostgres)
                {
                    Assert.Equal("ok", IntegrityCheck(connection));
                }
                var outcome = verifier.Verify(journalPath);
                Assert.True(outcome.Failures.Count == 0, string.Join("\n", outcome.Failures.Take(10)));
                Assert.Equal(outcome.Acknowledged, outcome.Verified);
                var audit = await CliRunner.RunAsync(connection, "audit", "verify");
                Assert.True(audit.ExitCode == 0, audit.Output + audit.Error);
                output.WriteLine($"iteration {i}: killed after {delay} ms of writes, {journal.Acknowledged} writes acknowledged, all {outcome.Verified} so far present");
            }
            Assert.True(acknowledged > 0, "the clients got writes acknowledged before the kills");
            using var last = await StartAsync(connection, work, port);
            Assert.True(await writers.ServesSignedInPageAsync(), "the app serves a signed-in page after the last kill");
            last.Kill(entireProcessTree: true);
            await last.WaitForExitAsync();
            var byKind = Journal.Read(journalPath).Where(l => !l[0].StartsWith("try", StringComparison.Ordinal)).GroupBy(l => l[0]);
            output.WriteLine(string.Join(", ", byKind.Select(g => $"{g.Key} {g.Count()}")));
        }
        finally
        {
            TestDatabase.Drop(connection);
            Directory.Delete(work, recursive: true);
        }
    }

    private static string IntegrityCheck(string connectionString)
    {
        using var db = new SqliteConnection(connectionString);
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the built app (<c>dotnet Waishi.Web.dll</c>) and waits until it serves.</summary>
    private static async Task<Process> StartAsync(string connection, string work, int port)
    {
        var dll = typeof(Waishi.Web.Platform.WaishiSetup).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            dll, "--urls", $"http://127.0.0.1:{port}", "--environment", "Production",
            $"--Database:Provider={(TestDatabase.IsPostgres ? "Postgres" : "Sqlite")}", $"--Database:ConnectionString={connection}",
            $"--DataProtection:KeysPath={Path.Combine(work, "keys")}", "--Security:SignInAttemptsPerMinute=100000",
            "--Demo:SeedOnEmpty=false", "--Logging:LogLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the app exited with {process.ExitCode} at start");
            }
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{port}/health")).IsSuccessStatusCode)
                {
                    return process;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("the app did not serve within 90 s");
    }
}
