using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Api;

/// <summary>Small helpers for calling the JSON API and reading its answers.</summary>
public static class ApiClient
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body);

    /// <summary>The id of a row of tenant <paramref name="tenantCode"/>, read with filters lifted.</summary>
    public static Task<Guid> StaffIdAsync(this AppFactory app, string tenantCode) => app.WithDbAsync(async db =>
    {
        var tenantId = await db.Set<Tenant>().Where(t => t.Code == tenantCode).Select(t => t.Id).SingleAsync();
        return await db.Set<StaffMember>().Where(s => s.TenantId == tenantId && !db.Users.Any(u => u.StaffMemberId == s.Id))
            .OrderBy(s => s.StaffNumber).Select(s => s.Id).FirstAsync();
    });

    /// <summary>A staff member's body as the API expects it, with the given changes.</summary>
    public static Dictionary<string, object?> StaffBody(JsonElement staff, params (string Key, object? Value)[] changes)
    {
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(staff.GetRawText())!;
        foreach (var (key, value) in changes)
        {
            body[key] = value;
        }
        return body;
    }

    /// <summary>Creates a personal access token on the Tokens page and returns its secret, shown once.</summary>
    public static async Task<string> CreateTokenAsync(this HttpClient client, string name = "script", int days = 30)
    {
        var response = await client.PostFormAsync("/Account/Tokens", "/Account/Tokens?handler=Create",
            new() { ["Form.Name"] = name, ["Form.ExpiresInDays"] = days.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync();
        var match = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"token-secret\">(wsh_[A-Za-z0-9_-]+)<");
        Assert.True(match.Success, "The new token is shown on the page.");
        return match.Groups[1].Value;
    }

    /// <summary>A client that carries no cookie and sends <paramref name="secret"/> as a bearer token.</summary>
    public static HttpClient BearerClient(this AppFactory app, string secret)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }
}
