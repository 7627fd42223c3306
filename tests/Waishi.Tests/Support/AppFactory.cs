using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Demo;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Support;

/// <summary>
/// The real app on a fresh database (SQLite file or PostgreSQL database, see <see cref="TestDatabase"/>)
/// copied from a template that holds the demo city. Dispose drops the database.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public const string Password = DemoCity.DefaultPassword;

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);

    static AppFactory()
    {
        // Hundreds of apps start in one test process. Each would watch its settings files with an
        // inotify instance and exhaust the kernel's per-user limit; nothing edits them during tests.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
    private static string? _template;

    private readonly Dictionary<string, string?> _settings;

    public string ConnectionString { get; }

    /// <summary>False for the template, which outlives the app that seeded it.</summary>
    private bool _dropOnDispose = true;

    /// <summary>
    /// PBKDF2 iterations of the test apps. The product hashes with at least 210,000, a quarter of a
    /// second of CPU per sign-in; the suite signs in well over a thousand times, so its apps hash
    /// (and the demo template is seeded) with few. <see cref="WithProductionHashing"/> gives
    /// an app with the product's setting for the tests of the setting itself.
    /// </summary>
    private const int TestPasswordIterations = 1_000;

    private bool _productionHashing;

    protected AppFactory(string connectionString, IDictionary<string, string?>? settings, bool seed)
    {
        ConnectionString = connectionString;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = TestDatabase.IsPostgres ? "Postgres" : "Sqlite",
            ["Database:ConnectionString"] = connectionString,
            ["Demo:SeedOnEmpty"] = seed ? "true" : "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Jobs:Enabled"] = "false",
            ["Notifications:DispatcherEnabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>An app on a fresh copy of the demo city.</summary>
    public static async Task<AppFactory> CreateAsync(IDictionary<string, string?>? settings = null)
    {
        var template = await TemplateAsync();
        var factory = new AppFactory(TestDatabase.CopyOf(template), settings, seed: false);
        _ = factory.Server; // start now, so that failures surface here
        return factory;
    }

    /// <summary>An app on an empty database; with <paramref name="seed"/> it seeds the demo city at start.</summary>
    public static AppFactory OnEmptyDatabase(bool seed, IDictionary<string, string?>? settings = null) =>
        new(TestDatabase.NewEmpty(), settings, seed);

    /// <summary>An app that seeds the demo city into an empty database with the product's password
    /// hashing, not the suite's cheaper one.</summary>
    public static AppFactory WithProductionHashing(IDictionary<string, string?>? settings = null)
    {
        var factory = new AppFactory(TestDatabase.NewEmpty(), settings, seed: true) { _productionHashing = true };
        _ = factory.Server;
        return factory;
    }

    /// <summary>A new copy of the demo city that no app drops, for several apps on one database
    /// (see <see cref="OnDatabase"/>). The test drops it with <see cref="TestDatabase.Drop"/>.</summary>
    public static async Task<string> NewDemoDatabaseAsync() => TestDatabase.CopyOf(await TemplateAsync());

    /// <summary>An app on an existing database, left in place on dispose so that another app can
    /// carry on with it.</summary>
    public static AppFactory OnDatabase(string connectionString, IDictionary<string, string?>? settings = null)
    {
        var factory = new AppFactory(connectionString, settings, seed: false) { _dropOnDispose = false };
        _ = factory.Server;
        return factory;
    }

    private static async Task<string> TemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is null)
            {
                var cs = TestDatabase.NewEmpty();
                using (var seeding = new AppFactory(cs, null, seed: true) { _dropOnDispose = false })
                {
                    _ = seeding.Server;
                }
                if (!TestDatabase.IsPostgres)
                {
                    using var connection = new SqliteConnection(cs);
                    connection.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                    command.ExecuteNonQuery();
                }
                SqliteConnection.ClearAllPools();
                Npgsql.NpgsqlConnection.ClearAllPools();
                _template = cs;
            }
            return _template;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (!_productionHashing)
        {
            builder.ConfigureTestServices(services =>
                services.PostConfigure<PasswordHasherOptions>(o => o.IterationCount = TestPasswordIterations));
        }
    }

    /// <summary>
    /// A client with its own cookie jar that does not follow redirects. It asks for English pages
    /// unless told otherwise (the product's default is Chinese); pass "zh-CN" to test the Chinese UI.
    /// </summary>
    public HttpClient NewClient(string? culture = "en")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
        });
        if (culture is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        }
        return client;
    }

    /// <summary>A client signed in as a demo account, e.g. "cqu.tenant-admin".</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password = Password, string? culture = "en")
    {
        var client = NewClient(culture);
        var response = await client.PostFormAsync("/Account/SignIn", "/Account/SignIn",
            new() { ["Form.UserName"] = userName, ["Form.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode} {Regex.Match(body, "alert-danger[^>]*>(.*?)</div>", RegexOptions.Singleline).Groups[1].Value.Trim()}");
        }
        return client;
    }

    /// <summary>Runs <paramref name="work"/> on the app's database with tenant filters lifted.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task WithDbAsync(Func<AppDbContext, Task> work) => WithDbAsync(async db =>
    {
        await work(db);
        return true;
    });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_dropOnDispose)
        {
            TestDatabase.Drop(ConnectionString);
        }
        GC.SuppressFinalize(this);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _dropOnDispose)
        {
            TestDatabase.Drop(ConnectionString);
        }
    }
}
