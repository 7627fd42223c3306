using System.Net;
using Waishi.Tests.Support;

namespace Waishi.Tests.Security;

public sealed class HeadersTests
{
    [Theory]
    [InlineData("/Account/SignIn")]
    [InlineData("/api/v1/me")]
    public async Task Responses_carry_the_security_headers(string url)
    {
        await using var app = await AppFactory.CreateAsync();
        var response = await app.NewClient().GetAsync(url);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "no HSTS over plain HTTP");
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_only()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = app.NewClient();
        client.BaseAddress = new Uri("https://waishi.example.edu.cn/");
        var response = await client.GetAsync("/Account/SignIn");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Contains("max-age=31536000", hsts);
    }
}
