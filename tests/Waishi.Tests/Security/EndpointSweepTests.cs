using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Identity;

namespace Waishi.Tests.Security;

/// <summary>
/// Every endpoint of the app, pages and API, names an authorisation policy unless it is on the
/// anonymous allow-list; and an anonymous request to each protected one is sent to sign in (pages)
/// or answered 401 (API).
/// </summary>
public sealed class EndpointSweepTests
{
    /// <summary>The only endpoints open to anonymous users (route patterns).</summary>
    private static readonly HashSet<string> AnonymousAllowList = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Account/SignIn", "/Account/Denied", "/Account/Culture", "/Error", "/Public/Notices", "/Public/Verify", "/health",
    };

    private static readonly HashSet<string> KnownPolicies = [.. typeof(Policies)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)];

    /// <summary>Open to anonymous callers because a private token in the address is the credential
    /// (an unknown or revoked token answers 404).</summary>
    private static readonly string[] TokenRoutes = ["/feeds/trips/{token}.ics", "/feeds/visits/{token}.ics"];

    private static bool IsOpen(string route) => AnonymousAllowList.Contains(route) || TokenRoutes.Contains(route);

    private sealed record Found(string Route, string[] Methods, bool Anonymous, string[] Policies, bool IsPage);

    private static List<Found> Endpoints(AppFactory app) =>
    [
        .. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e => new Found(
            "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'),
            e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToArray() ?? [],
            e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
            [.. e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "")],
            e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)),
    ];

    [Fact]
    public async Task Every_endpoint_names_a_policy_unless_it_is_on_the_anonymous_allow_list()
    {
        await using var app = await AppFactory.CreateAsync();
        var endpoints = Endpoints(app);
        Assert.Contains(endpoints, e => e.Route == "/api/v1/staff/{id:guid}");
        Assert.Contains(endpoints, e => e.Route == "/Account/Tokens" && e.IsPage);

        var problems = new List<string>();
        foreach (var e in endpoints)
        {
            var allowed = IsOpen(e.Route);
            if (e.Anonymous && !allowed)
            {
                problems.Add($"{e.Route} allows anonymous users but is not on the allow-list");
            }
            if (!allowed && (e.Policies.Length == 0 || e.Policies.Any(p => !KnownPolicies.Contains(p))))
            {
                problems.Add($"{e.Route} names no known policy ({string.Join(", ", e.Policies)})");
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Anonymous_requests_to_protected_endpoints_go_to_sign_in_or_get_401()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = app.NewClient();
        var problems = new List<string>();
        foreach (var e in Endpoints(app).Where(e => !IsOpen(e.Route)))
        {
            var url = Concrete(e.Route);
            foreach (var method in e.Methods.Length == 0 ? ["GET"] : e.Methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }
                var response = await client.SendAsync(request);
                var isApi = url.StartsWith("/api/", StringComparison.Ordinal) || url.StartsWith("/openapi/", StringComparison.Ordinal);
                var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : "";
                var ok = isApi
                    ? response.StatusCode == HttpStatusCode.Unauthorized
                    : response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/Account/SignIn", StringComparison.Ordinal);
                if (!ok)
                {
                    problems.Add($"{method} {url} answered {(int)response.StatusCode} {location}");
                }
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Static_files_and_health_are_open()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/site.css")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/SignIn")).StatusCode);
    }

    /// <summary>A URL for a route pattern: ids become a fresh Guid, other parameters a plain word.</summary>
    private static string Concrete(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{([^}:?=]+)[^}]*\}", m =>
            m.Value.Contains(":guid", StringComparison.Ordinal) || m.Groups[1].Value.EndsWith("id", StringComparison.OrdinalIgnoreCase)
                ? Guid.NewGuid().ToString()
                : m.Groups[1].Value == "documentName" ? "v1" : "x").Replace("?", "", StringComparison.Ordinal);
}
