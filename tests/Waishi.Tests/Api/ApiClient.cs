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
}
