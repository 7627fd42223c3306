using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Waishi.BrowserTests.Support;

/// <summary>
/// The real app on Kestrel on a free loopback port, on a fresh SQLite database seeded with the
/// demo city, and one headless Chromium. A test class shares one of these (xunit class fixture);
/// every test opens its own browser context, so cookies never leak between tests.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string Password = "waishi-demo-2026";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "waishi-browser-tests", Guid.NewGuid().ToString("N"));
    private KestrelFactory? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The app's clock: the real time moved forward by what a journey lets pass.</summary>
    public ShiftedClock Clock { get; } = new();

    /// <summary>The app's services, for what a user cannot do from a page (an hourly job running, say).</summary>
    public IServiceProvider Services => _factory!.Services;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var database = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_directory, "waishi.db"),
            Pooling = false,
        }.ToString();
        _factory = new KestrelFactory(Clock, new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = database,
            ["Demo:SeedOnEmpty"] = "true",
            ["Demo:Password"] = Password,
            // The journeys sign in many times from one address within a minute.
            ["Security:SignInAttemptsPerMinute"] = "1000",
            ["Jobs:Enabled"] = "false",
            ["Notifications:DispatcherEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().TrimEnd('/');

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"No Chromium at {ChromiumPath}: install Debian's (apt-get install chromium) or set WAISHI_CHROMIUM.");
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>Debian's Chromium; WAISHI_CHROMIUM points elsewhere when needed.</summary>
    private static string ChromiumPath => Environment.GetEnvironmentVariable("WAISHI_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>A fresh browser (own cookies) whose pages ask for English unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // Generous: the first page of a fresh app compiles its views, and a busy machine (two cores
        // shared with a build) can take more than 15 s for the first sign-in.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is removed with the temp directory later.
        }
    }

    private sealed class KestrelFactory(TimeProvider clock, Dictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.ConfigureServices(services => services.AddSingleton(clock));
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

/// <summary>The system clock plus an offset that a journey moves forward ("ten days later").</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; private set; }

    public void Advance(TimeSpan by) => Offset += by;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
