using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;

namespace Waishi.Tests.Platform.Bench;

/// <summary>
/// The raw ADO.NET endpoints of the load benchmarks are anonymous and skip every access check, so
/// they exist only in the benchmark build (-p:WaishiBench=true). A normal build must not contain
/// them: not as routes, not as code.
/// </summary>
public sealed class RawEndpointsTests
{
    private static readonly string[] RawPaths =
    [
        "/bench/raw/trips", "/bench/raw/api/trips", "/bench/raw/home", "/bench/raw/partners", "/bench/raw/stats",
        "/bench/raw/case/0196f7a0-0000-7000-8000-000000000001",
    ];

    [Fact]
    public async Task Raw_endpoints_answer_404_in_the_normal_build()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await app.WithDbAsync(db => Task.FromResult(db.Set<Waishi.Web.Platform.Tenancy.Tenant>().Select(t => t.Id).First()));
        var anonymous = app.NewClient();
        var signedIn = await app.SignInAsync("cqu.officer-exit");
        foreach (var path in RawPaths)
        {
            var url = $"{path}?tenant={tenant}";
            // Unknown addresses send the anonymous caller to the sign-in page; the raw endpoints would answer 200.
            Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await signedIn.GetAsync(url)).StatusCode);
        }
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "").Where(r => r.TrimStart('/').StartsWith("bench", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Empty(routes);
    }

    [Fact]
    public void The_normal_build_compiles_no_benchmark_code()
    {
        var types = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Waishi.Web.Platform.Bench", StringComparison.Ordinal) == true)
            .Select(t => t.FullName).ToList();
        Assert.Empty(types);
    }
}
