using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Waishi.Bench.Crash;

/// <summary>
/// Writes to a running app through its pages and API, as its users would, and journals every write
/// the server acknowledged: a staff import (upload, then confirm), decisions on the workflow steps
/// awaiting the approvers, and passport check-outs and returns by the exit officers. Runs until the
/// server goes away (it is killed) or the time is up.
/// </summary>
public sealed partial class Writers(string baseUrl, string password = Writers.DemoPassword)
{
    public const string DemoPassword = "waishi-demo-2026";

    /// <summary>The institutions whose approvers and exit officers write.</summary>
    public static readonly string[] Tenants = ["cqu", "cqupt", "cqmu", "cqnu", "cqjtu", "swu", "cqust", "cqut", "ctbu", "sisu", "swupl", "scfai"];

    private static readonly string[] ApproverRoles = ["unit-head", "officer-exit", "director", "security-officer", "leader"];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();

    [GeneratedRegex("data-testid=\"token-secret\">(wsh_[A-Za-z0-9_-]+)<")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("name=\"Token\" value=\"([0-9a-fA-F-]{36})\"")]
    private static partial Regex UploadTokenPattern();

    public HttpClient NewClient(bool cookies = true) =>
        new(new SocketsHttpHandler { UseCookies = cookies, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(60),
        };

    private static async Task<string> FormTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = AntiforgeryPattern().Match(html);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"no form token on {page}");
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await FormTokenAsync(client, page);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public async Task<HttpClient> SignInAsync(string user)
    {
        var client = NewClient();
        var answer = await PostFormAsync(client, "/Account/SignIn", "/Account/SignIn",
            new() { ["Form.UserName"] = user, ["Form.Password"] = password });
        if (answer.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in of {user} answered {(int)answer.StatusCode}");
        }
        return client;
    }

    /// <summary>Signs in and opens the home page: the app serves a signed-in page.</summary>
    public async Task<bool> ServesSignedInPageAsync(string user = "cqu.officer-exit")
    {
        using var client = await SignInAsync(user);
        var home = await client.GetAsync("/");
        return home.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>Signs in the approvers and exit officers once and creates an access token for each
    /// (tokens outlive the restarts; each sign-in costs a password hash).</summary>
    public async Task<Dictionary<string, string>> CreateTokensAsync(IEnumerable<string>? tenants = null)
    {
        var tokens = new Dictionary<string, string>();
        var users = (tenants ?? Tenants).SelectMany(t => ApproverRoles.Select(r => $"{t}.{r}")).Append("cqfao.fao-officer").Append("cqfao.fao-director");
        foreach (var user in users)
        {
            using var client = await SignInAsync(user);
            var answer = await PostFormAsync(client, "/Account/Tokens", "/Account/Tokens?handler=Create",
                new() { ["Form.Name"] = "crash loop", ["Form.ExpiresInDays"] = "30" });
            var match = SecretPattern().Match(await answer.Content.ReadAsStringAsync());
            if (!match.Success)
            {
                throw new InvalidOperationException($"no token for {user}: {(int)answer.StatusCode}");
            }
            tokens[user] = match.Groups[1].Value;
        }
        return tokens;
    }

    private HttpClient Bearer(string secret)
    {
        var client = NewClient(cookies: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>
    /// Runs the three writers at once until the server stops answering or <paramref name="ct"/> ends.
    /// <paramref name="started"/> is called when the first writes go out.
    /// </summary>
    public async Task RunAsync(Dictionary<string, string> tokens, IReadOnlyList<(Guid Document, Guid Trip, string Tenant)> custody, Journal journal,
        int iteration, int seed, Action started, CancellationToken ct)
    {
        using var importer = await SignInAsync("cqu.tenant-admin");
        var unit = await UnitCodeAsync(importer);
        var approvers = tokens.Select(t => (User: t.Key, Client: Bearer(t.Value))).ToList();
        var officers = tokens.Where(t => t.Key.EndsWith(".officer-exit", StringComparison.Ordinal))
            .ToDictionary(t => t.Key.Split('.')[0], t => Bearer(t.Value));
        started();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var tasks = new List<Task>
        {
            Guarded(() => ImportLoopAsync(importer, unit, journal, iteration, stop.Token), stop),
            Guarded(() => ApproveLoopAsync(approvers, journal, iteration, seed, stop.Token), stop),
            Guarded(() => CustodyLoopAsync(officers, custody, journal, seed, stop.Token), stop),
        };
        await Task.WhenAll(tasks);
        foreach (var (_, client) in approvers)
        {
            client.Dispose();
        }
    }

    /// <summary>A writer ends when the server is gone; then the others end too.</summary>
    private static async Task Guarded(Func<Task> loop, CancellationTokenSource stop)
    {
        try
        {
            await loop();
        }
        catch (Exception e) when (e is HttpRequestException { StatusCode: null } or OperationCanceledException or IOException)
        {
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    private static async Task<string> UnitCodeAsync(HttpClient client)
    {
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/v1/units?pageSize=1"));
        return doc.RootElement.GetProperty("items")[0].GetProperty("code").GetString()!;
    }

    /// <summary>Imports files of 40 new staff, one after the other: upload, then confirm. An import
    /// is acknowledged by the page that shows its summary.</summary>
    private static async Task ImportLoopAsync(HttpClient client, string unit, Journal journal, int iteration, CancellationToken ct)
    {
        const int rows = 40;
        for (var batch = 0; !ct.IsCancellationRequested; batch++)
        {
            var prefix = $"K{iteration:D4}B{batch:D3}N";
            var csv = new StringBuilder("工号,姓名,英文名,单位,职务,邮箱\n");
            for (var n = 0; n < rows; n++)
            {
                csv.Append($"{prefix}{n:D3},测试{n},Test {prefix}{n},{unit},研究员,{prefix.ToLowerInvariant()}{n}@example.edu.cn\n");
            }
            journal.Write("try-import", prefix, rows);
            using var form = new MultipartFormDataContent
            {
                { new StringContent(await FormTokenAsync(client, "/Admin/StaffImport"), Encoding.UTF8), "__RequestVerificationToken" },
                { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())) { Headers = { ContentType = new("text/csv") } }, "file", $"{prefix}.csv" },
            };
            var upload = await client.PostAsync("/Admin/StaffImport?handler=Upload", form, ct);
            if (upload.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"upload answered {(int)upload.StatusCode}");
            }
            var preview = await client.GetStringAsync(upload.Headers.Location!.OriginalString, ct);
            var token = UploadTokenPattern().Match(preview).Groups[1].Value;
            var confirm = await client.PostAsync("/Admin/StaffImport?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Token"] = token,
                ["__RequestVerificationToken"] = AntiforgeryPattern().Match(preview).Groups[1].Value,
            }), ct);
            var body = await confirm.Content.ReadAsStringAsync(ct);
            if (confirm.StatusCode == HttpStatusCode.OK && body.Contains("data-testid=\"summary\"", StringComparison.Ordinal))
            {
                journal.Write("import", prefix, rows);
            }
            else
            {
                throw new InvalidOperationException($"import {prefix} answered {(int)confirm.StatusCode}");
            }
        }
    }

    private sealed record Awaiting(Guid CaseId);

    private sealed record CaseView(Guid Id, long Version, string State, int Step, int Round);

    private sealed record Decided(Guid CaseId, string State, int Step, long Version, bool Replayed);

    /// <summary>Each approver in turn approves the oldest case awaiting them, with an idempotency key.</summary>
    private static async Task ApproveLoopAsync(List<(string User, HttpClient Client)> approvers, Journal journal, int iteration, int seed,
        CancellationToken ct)
    {
        var random = new Random(seed);
        var idle = new HashSet<string>();
        for (var n = 0; !ct.IsCancellationRequested; n++)
        {
            if (idle.Count == approvers.Count)
            {
                await Task.Delay(200, ct);
                idle.Clear();
                continue;
            }
            var (user, client) = approvers[random.Next(approvers.Count)];
            var awaiting = await client.GetFromJsonAsync<List<Awaiting>>("/api/v1/workflow/awaiting", Json, ct);
            if (awaiting is not { Count: > 0 })
            {
                idle.Add(user);
                continue;
            }
            idle.Clear();
            var id = awaiting[random.Next(Math.Min(3, awaiting.Count))].CaseId;
            var c = await client.GetFromJsonAsync<CaseView>($"/api/v1/workflow/cases/{id}", Json, ct);
            var key = $"crash-{iteration}-{n}-{Guid.NewGuid():N}";
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/workflow/cases/{id}/decisions")
            {
                Content = JsonContent.Create(new { action = "Approve", step = c!.Step, version = c.Version, comment = "crash loop" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            journal.Write("try-decide", id, c.Round, c.Step, user, key);
            var answer = await client.SendAsync(request, ct);
            if (answer.StatusCode == HttpStatusCode.OK)
            {
                var d = await answer.Content.ReadFromJsonAsync<Decided>(Json, ct);
                journal.Write("decide", id, c.Round, c.Step, user, key, d!.Version);
            }
            else if (answer.StatusCode is not (HttpStatusCode.Conflict or HttpStatusCode.Forbidden))
            {
                throw new InvalidOperationException($"decision on {id} answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync(ct)}");
            }
        }
    }

    private sealed record Document(Guid Id, long Version, string Status, Guid HolderId, Guid? TripId);

    /// <summary>The exit officers check documents out for an approved trip of their holder and take
    /// them back in, over and over.</summary>
    private static async Task CustodyLoopAsync(Dictionary<string, HttpClient> officers, IReadOnlyList<(Guid Document, Guid Trip, string Tenant)> pairs,
        Journal journal, int seed, CancellationToken ct)
    {
        if (pairs.Count == 0)
        {
            return;
        }
        var random = new Random(seed + 1);
        while (!ct.IsCancellationRequested)
        {
            var (docId, tripId, tenant) = pairs[random.Next(pairs.Count)];
            if (officers.TryGetValue(tenant, out var client))
            {
                var get = await client.GetAsync($"/api/v1/travel-documents/{docId}", ct);
                if (get.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"document {docId} answered {(int)get.StatusCode}");
                }
                var doc = (await get.Content.ReadFromJsonAsync<Document>(Json, ct))!;
                journal.Write("try-custody", docId);
                if (doc.Status == "InCustody")
                {
                    var answer = await client.PostAsJsonAsync($"/api/v1/travel-documents/{docId}/check-out", new { tripId, version = doc.Version }, ct);
                    if (answer.StatusCode == HttpStatusCode.OK)
                    {
                        var after = (await answer.Content.ReadFromJsonAsync<Document>(Json, ct))!;
                        journal.Write("checkout", docId, tripId, after.Version);
                    }
                    else if ((int)answer.StatusCode >= 500)
                    {
                        throw new InvalidOperationException($"check-out of {docId} answered {(int)answer.StatusCode}");
                    }
                }
                else if (doc.Status is "CheckedOut" or "Overdue")
                {
                    var answer = await client.PostAsJsonAsync($"/api/v1/travel-documents/{docId}/return", new { version = doc.Version, note = "crash loop" }, ct);
                    if (answer.StatusCode == HttpStatusCode.OK)
                    {
                        var after = (await answer.Content.ReadFromJsonAsync<Document>(Json, ct))!;
                        journal.Write("return", docId, after.Version);
                    }
                    else if ((int)answer.StatusCode >= 500)
                    {
                        throw new InvalidOperationException($"return of {docId} answered {(int)answer.StatusCode}");
                    }
                }
            }
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
