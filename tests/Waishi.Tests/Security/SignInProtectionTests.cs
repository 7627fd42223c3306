using System.Buffers.Binary;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Security;

public sealed class SignInProtectionTests
{
    private static Task<HttpResponseMessage> AttemptAsync(HttpClient client, string user, string password) =>
        client.PostFormAsync("/Account/SignIn", "/Account/SignIn", new() { ["Form.UserName"] = user, ["Form.Password"] = password });

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429()
    {
        await using var app = await AppFactory.CreateAsync(new Dictionary<string, string?> { ["Security:SignInAttemptsPerMinute"] = "3" });
        var client = app.NewClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await AttemptAsync(client, "cqu.applicant", "wrong-password-1")).StatusCode);
        }
        var refused = await AttemptAsync(client, "cqu.applicant", AppFactory.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/SignIn")).StatusCode);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = app.NewClient();
        for (var i = 0; i < 4; i++)
        {
            await AttemptAsync(client, "cqu.applicant", "wrong-password-1");
        }
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "cqu.applicant").Select(u => u.LockoutEnd).SingleAsync()));
        await AttemptAsync(client, "cqu.applicant", "wrong-password-1");

        var locked = await AttemptAsync(client, "cqu.applicant", AppFactory.Password);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync());
        Assert.False(locked.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("waishi.auth", StringComparison.Ordinal)));
        var end = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "cqu.applicant").Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(end > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task Password_hashes_are_pbkdf2_with_at_least_210000_iterations()
    {
        await using var app = AppFactory.WithProductionHashing();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            using var _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync("cqu.auditor"))!;
            Assert.True((await users.ChangePasswordAsync(user, AppFactory.Password, "a-new-password-2027")).Succeeded);
        }
        foreach (var name in new[] { "cqu.tenant-admin", "cqu.auditor" })
        {
            var hash = Convert.FromBase64String((await app.WithDbAsync(db => db.Users.Where(u => u.UserName == name).Select(u => u.PasswordHash).SingleAsync()))!);
            // Identity v3 layout: 0x01, PRF (uint32 big-endian), iterations, salt length, salt, subkey.
            Assert.Equal(0x01, hash[0]);
            Assert.Equal((uint)KeyDerivationPrf.HMACSHA512, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1)));
            Assert.True(BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)) >= 210_000, name);
            Assert.True(BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(9)) >= 16);
        }
    }

    private enum KeyDerivationPrf : uint
    {
        HMACSHA1,
        HMACSHA256,
        HMACSHA512,
    }
}
