using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Support;

/// <summary>
/// One instance of the real app on Kestrel on a free loopback port, on an existing database that it
/// leaves in place, so that several instances (and a proxy in front of them) can share it as a
/// deployment would. <paramref name="services"/> adds or replaces services after the app's own.
/// </summary>
public sealed class InstanceHost(IDictionary<string, string?> settings, Action<IServiceCollection>? services) : WebApplicationFactory<Program>
{
    /// <summary>http://127.0.0.1:port, where Kestrel listens.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>"127.0.0.1:port", as a proxy names its upstream.</summary>
    public string Authority => new Uri(BaseUrl).Authority;

    public static InstanceHost Start(string connectionString, string keysPath, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Database:Provider"] = TestDatabase.IsPostgres ? "Postgres" : "Sqlite",
            ["Database:ConnectionString"] = connectionString,
            ["Demo:SeedOnEmpty"] = "false",
            ["DataProtection:KeysPath"] = keysPath,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Jobs:Enabled"] = "false",
            ["Notifications:DispatcherEnabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var host = new InstanceHost(all, services);
        host.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        host.BaseUrl = addresses.Addresses.First().TrimEnd('/');
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    /// <summary>Runs <paramref name="work"/> on the instance's database with tenant filters lifted.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
