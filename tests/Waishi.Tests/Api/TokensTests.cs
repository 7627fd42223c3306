using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Api;

public sealed class TokensTests
{
    [Fact]
    public async Task A_created_token_is_shown_once_stored_as_a_hash_and_calls_the_api()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.officer-global");

        var secret = await client.CreateTokenAsync("nightly sync");

        var stored = await app.WithDbAsync(db => db.Set<PersonalAccessToken>().SingleAsync(t => t.Name == "nightly sync"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), stored.SecretHash);
        Assert.StartsWith(stored.Prefix, secret);
        Assert.True(stored.ExpiresUtc > DateTime.UtcNow.AddDays(29));
        var list = await client.GetStringAsync("/Account/Tokens");
        Assert.Contains("nightly sync", list);
        Assert.DoesNotContain(secret, list);
        var audit = await app.WithDbAsync(db => db.Set<Waishi.Web.Platform.Auditing.AuditEntry>().AsNoTracking().ToListAsync());
        Assert.DoesNotContain(audit, e => System.Text.Json.JsonSerializer.Serialize(e).Contains(stored.SecretHash));

        var me = await app.BearerClient(secret).GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("cqu.officer-global", (await me.JsonAsync()).GetProperty("userName").GetString());
        Assert.NotNull(await app.WithDbAsync(db => db.Set<PersonalAccessToken>().Where(t => t.Id == stored.Id).Select(t => t.LastUsedUtc).SingleAsync()));
    }

    [Fact]
    public async Task A_revoked_token_stops_working_and_others_cannot_revoke_it()
    {
        await using var app = await AppFactory.CreateAsync();
        var owner = await app.SignInAsync("cqu.officer-global");
        var secret = await owner.CreateTokenAsync("to revoke");
        var token = await app.WithDbAsync(db => db.Set<PersonalAccessToken>().SingleAsync(t => t.Name == "to revoke"));
        var fields = new Dictionary<string, string> { ["id"] = token.Id.ToString(), ["version"] = token.Version.ToString() };

        var other = await app.SignInAsync("cqu.tenant-admin");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/Account/Tokens", "/Account/Tokens?handler=Revoke", fields)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.BearerClient(secret).GetAsync("/api/v1/me")).StatusCode);

        var revoked = await owner.PostFormAsync("/Account/Tokens", "/Account/Tokens?handler=Revoke", fields);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.BearerClient(secret).GetAsync("/api/v1/me")).StatusCode);
        Assert.Contains("Revoked", await owner.GetStringAsync("/Account/Tokens"));
    }

    [Fact]
    public async Task Changing_the_password_ends_the_tokens()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.officer-global");
        var secret = await client.CreateTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.BearerClient(secret).GetAsync("/api/v1/staff")).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            using var _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync("cqu.officer-global"))!;
            var result = await users.ChangePasswordAsync(user, AppFactory.Password, "another-password-2027");
            Assert.True(result.Succeeded);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.BearerClient(secret).GetAsync("/api/v1/staff")).StatusCode);
    }

    [Fact]
    public async Task A_token_form_without_a_name_keeps_the_choice_and_names_the_field()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.officer-global");
        var response = await client.PostFormAsync("/Account/Tokens", "/Account/Tokens?handler=Create",
            new() { ["Form.Name"] = "", ["Form.ExpiresInDays"] = "7" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter a name that says where the token is used.", html);
        Assert.Contains("<option value=\"7\" selected=\"selected\">", html);
        Assert.False(await app.WithDbAsync(db => db.Set<PersonalAccessToken>().AnyAsync()));
    }

    [Fact]
    public async Task A_token_writes_through_the_api_until_it_expires()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var bearer = app.BearerClient(await client.CreateTokenAsync("importer", days: 7));

        var created = await bearer.PostJsonAsync("/api/v1/units", new { code = "CQU-TOKEN", nameZh = "令牌", nameEn = "Token", kind = "Office" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        await app.WithDbAsync(db => db.Set<PersonalAccessToken>().Where(t => t.Name == "importer")
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresUtc, DateTime.UtcNow.AddMinutes(-1))));
        var expired = await bearer.GetAsync("/api/v1/units");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("Bearer", expired.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("Expired", await client.GetStringAsync("/Account/Tokens"));
    }
}
