using System.Net;
using System.Net.Http.Json;
using Waishi.Tests.Support;

namespace Waishi.Tests.Security;

/// <summary>
/// A tenant-A administrator reads, edits and deletes tenant-B rows of every type in
/// <see cref="CrossTenant.Cases"/> through the pages and the API: every answer is 404 and tenant
/// B's data is unchanged, byte for byte.
/// </summary>
public sealed class CrossTenantTests
{
    public static TheoryData<string> Entities() => [.. CrossTenant.Cases.Select(c => c.Entity)];

    [Theory]
    [MemberData(nameof(Entities))]
    public async Task Another_tenants_rows_answer_404_and_stay_unchanged(string entity)
    {
        var line = CrossTenant.Cases.Single(c => c.Entity == entity);
        await using var app = await AppFactory.CreateAsync();
        var id = await app.WithDbAsync(async db => await line.Create(db, await CrossTenant.TenantIdAsync(db, CrossTenant.TenantB)));
        var before = await app.WithDbAsync(async db => CrossTenant.HashOfTenant(db, await CrossTenant.TenantIdAsync(db, CrossTenant.TenantB)));
        var client = await app.SignInAsync(line.User ?? CrossTenant.UserA);
        // Any form token of the user passes antiforgery: the refusal must come from the tenant check.
        var token = await client.AntiforgeryTokenAsync("/Account/Tokens");
        string Url(string template) => template.Replace("{id}", id.ToString(), StringComparison.Ordinal);

        var answers = new List<(string What, HttpStatusCode Status)>();
        foreach (var url in line.PageReads)
        {
            answers.Add(($"GET {Url(url)}", (await client.GetAsync(Url(url))).StatusCode));
        }
        foreach (var url in line.PageEdits.Concat(line.PageDeletes))
        {
            var fields = (line.FormFields ?? []).ToDictionary(f => f.Key, f => Url(f.Value));
            fields["__RequestVerificationToken"] = token;
            answers.Add(($"POST {Url(url)}", (await client.PostAsync(Url(url), new FormUrlEncodedContent(fields))).StatusCode));
        }
        if (line.ApiUrl is { } api)
        {
            answers.Add(($"GET {Url(api)}", (await client.GetAsync(Url(api))).StatusCode));
            answers.Add(($"PUT {Url(api)}", (await client.PutAsJsonAsync(Url(api), line.ApiBody ?? new { })).StatusCode));
            answers.Add(($"DELETE {Url(api)}", (await client.DeleteAsync(Url(api))).StatusCode));
        }

        foreach (var url in line.ApiPosts ?? [])
        {
            answers.Add(($"POST {Url(url)}", (await client.PostAsJsonAsync(Url(url), new { })).StatusCode));
        }

        Assert.NotEmpty(answers);
        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.NotFound, $"{a.What} answered {(int)a.Status}"));
        var after = await app.WithDbAsync(async db => CrossTenant.HashOfTenant(db, await CrossTenant.TenantIdAsync(db, CrossTenant.TenantB)));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task The_row_hash_sees_a_change_in_tenant_B()
    {
        await using var app = await AppFactory.CreateAsync();
        var before = await app.WithDbAsync(async db => CrossTenant.HashOfTenant(db, await CrossTenant.TenantIdAsync(db, CrossTenant.TenantB)));
        await app.WithDbAsync(async db => await CrossTenant.Cases[0].Create(db, await CrossTenant.TenantIdAsync(db, CrossTenant.TenantB)));
        var after = await app.WithDbAsync(async db => CrossTenant.HashOfTenant(db, await CrossTenant.TenantIdAsync(db, CrossTenant.TenantB)));
        Assert.NotEqual(before, after);
    }
}
