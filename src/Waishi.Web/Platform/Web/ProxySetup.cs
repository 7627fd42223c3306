using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Waishi.Web.Platform.Web;

/// <summary>
/// Instances behind a reverse proxy (nginx) see the proxy's address on every request. The proxy's
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are honoured from loopback (a proxy on the
/// same machine) and from the addresses in <c>ForwardedHeaders:KnownProxies</c>, never from anyone
/// else, so that the sign-in rate limit and the audit log see the client, not the proxy.
/// </summary>
public static class ProxySetup
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddWaishiProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = new List<IPAddress>();
        foreach (var value in configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [])
        {
            proxies.Add(IPAddress.TryParse(value.Trim(), out var address)
                ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies: '{value}' is not an IP address."));
        }
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback only (127.0.0.0/8 and ::1); the configured proxies are added.
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }
        });
        return services;
    }
}
