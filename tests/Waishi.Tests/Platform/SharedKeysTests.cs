using System.Net;
using Waishi.Tests.Support;

namespace Waishi.Tests.Platform;

/// <summary>Two instances on one database with one key directory accept each other's sign-in cookie.</summary>
public sealed class SharedKeysTests
{
    [Fact]
    public async Task A_sign_in_on_one_instance_is_valid_on_another_that_shares_the_key_directory()
    {
        var keys = Path.Combine(Path.GetTempPath(), "waishi-keys-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["DataProtection:KeysPath"] = keys };
        try
        {
            await using var first = await AppFactory.CreateAsync(settings);
            await using var second = AppFactory.OnDatabase(first.ConnectionString, settings);
            await using var stranger = AppFactory.OnDatabase(first.ConnectionString,
                new Dictionary<string, string?> { ["DataProtection:KeysPath"] = keys + "-other" });

            var client = await first.SignInAsync("cqu.tenant-admin");
            var cookie = string.Join("; ", (await client.GetAsync("/")).RequestMessage!.Headers.GetValues("Cookie"));

            Assert.Equal(HttpStatusCode.OK, await GetWithCookieAsync(second, cookie));
            // Keys of its own: the cookie means nothing there, so it asks for a sign-in.
            Assert.Equal(HttpStatusCode.Redirect, await GetWithCookieAsync(stranger, cookie));
            Assert.NotEmpty(Directory.GetFiles(keys, "*.xml"));
        }
        finally
        {
            foreach (var dir in new[] { keys, keys + "-other" })
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
        }
    }

    private static async Task<HttpStatusCode> GetWithCookieAsync(AppFactory app, string cookie)
    {
        var client = app.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }
}
