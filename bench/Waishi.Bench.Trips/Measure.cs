using System.Net;
using System.Text.RegularExpressions;

namespace Waishi.Bench.Trips;

/// <summary>
/// Signs a user in, checks that each page lists the same rows as its raw query, then alternates
/// page and raw query for several rounds and prints requests/s, p50 and p99 of each and the ratio
/// page/raw. The raw query runs in this process with as many concurrent workers as there are
/// HTTP connections, each on its own pooled database connection.
/// </summary>
public sealed partial class Measure(Database db, Uri site, string user, string password, int rounds, TimeSpan duration,
    TimeSpan warmup, int connections, string filter)
{
    private sealed record Target(string Name, string Path, Func<CancellationToken, Task> Raw, Func<string, Task> Check);

    public async Task<int> RunAsync()
    {
        if (!IPAddress.TryParse(site.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"--base must be a loopback address, not {site.Host}");
        }
        using var http = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        }) { BaseAddress = site, Timeout = TimeSpan.FromSeconds(60) };
        await SignInAsync(http);
        var (tenantId, userId) = await RawQueries.AccountAsync(db, user);
        var raw = new RawQueries(db, tenantId, userId);
        var filters = filter.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));

        Target[] targets =
        [
            new("trips", "/Trips", ct => raw.TripsAsync(new Dictionary<string, string>(), 1, ct),
                async html => SameTrips("trips", html, await raw.TripsAsync(new Dictionary<string, string>(), 1))),
            new("filtered", $"/Trips?{filter}", ct => raw.TripsAsync(filters, 1, ct),
                async html => SameTrips("filtered", html, await raw.TripsAsync(filters, 1))),
            new("awaiting", "/Workflow/Awaiting", raw.AwaitingAsync,
                async html =>
                {
                    var rows = await raw.AwaitingAsync();
                    // The page shows the first 50 of them and their total.
                    Same("awaiting", CaseIds(html), Total(html, "awaiting-count"), rows.Count, [.. rows.Take(50).Select(r => r.CaseId)]);
                }),
        ];

        foreach (var target in targets)
        {
            var html = await GetAsync(http, target.Path, CancellationToken.None);
            await target.Check(html);
            Console.WriteLine($"{target.Name,-9} {target.Path}: {html.Length / 1024.0:N0} KiB of HTML, same rows as the raw query");
        }
        Console.Error.WriteLine("== warming up");
        foreach (var target in targets)
        {
            Console.Error.WriteLine($"   {target.Name} page: {Load.Describe(await Load.WarmAsync(ct => GetAsync(http, target.Path, ct), connections, warmup))}");
            Console.Error.WriteLine($"   {target.Name} raw:  {Load.Describe(await Load.WarmAsync(target.Raw, connections, warmup))}");
        }

        Console.WriteLine($"{"round",-6} {"target",-9} {"kind",-5} {"requests/s",12} {"p50 ms",10} {"p99 ms",10}");
        var sums = targets.ToDictionary(t => t.Name, _ => (Page: 0.0, Raw: 0.0, PageP99: 0.0, RawP99: 0.0));
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var target in targets)
            {
                var page = await Load.RunAsync(ct => GetAsync(http, target.Path, ct), connections, duration);
                Print(round, target.Name, "page", page);
                var query = await Load.RunAsync(target.Raw, connections, duration);
                Print(round, target.Name, "raw", query);
                var s = sums[target.Name];
                sums[target.Name] = (s.Page + page.PerSecond, s.Raw + query.PerSecond, s.PageP99 + page.P99Ms, s.RawP99 + query.P99Ms);
            }
        }
        Console.WriteLine();
        Console.WriteLine($"{"target",-9} {"page req/s",11} {"raw req/s",11} {"page p99",10} {"raw p99",10} {"page/raw",9}");
        foreach (var (name, s) in sums)
        {
            Console.WriteLine($"{name,-9} {s.Page / rounds,11:F0} {s.Raw / rounds,11:F0} {s.PageP99 / rounds,10:F2} {s.RawP99 / rounds,10:F2} {(s.Raw > 0 ? s.Page / s.Raw : 0),9:F3}");
        }
        return 0;
    }

    private static void Print(int round, string target, string kind, LoadResult r) =>
        Console.WriteLine($"{round,-6} {target,-9} {kind,-5} {r.PerSecond,12:F0} {r.P50Ms,10:F2} {r.P99Ms,10:F2}");

    private async Task SignInAsync(HttpClient http)
    {
        var form = await GetAsync(http, "/Account/SignIn", CancellationToken.None);
        var token = AntiforgeryToken().Match(form) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException("no antiforgery token in the sign-in form");
        using var answer = await http.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.UserName"] = user, ["Form.Password"] = password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        if (answer.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in as {user} answered {(int)answer.StatusCode}, not a redirect");
        }
    }

    private static async Task<string> GetAsync(HttpClient http, string path, CancellationToken ct)
    {
        using var answer = await http.GetAsync(path, ct);
        var body = await answer.Content.ReadAsStringAsync(ct);
        return answer.StatusCode == HttpStatusCode.OK ? body
            : throw new InvalidOperationException($"{path} answered {(int)answer.StatusCode} (is the sign-in still valid?)");
    }

    private static void SameTrips(string name, string html, (long Total, List<TripRow> Rows) raw) =>
        Same(name, TripIds(html), Total(html, "total"), raw.Total, [.. raw.Rows.Select(r => r.Id)]);

    private static void Same(string name, List<Guid> pageIds, long pageTotal, long rawTotal, List<Guid> rawIds)
    {
        if (pageTotal != rawTotal || !pageIds.SequenceEqual(rawIds))
        {
            throw new InvalidOperationException(
                $"{name}: the page lists {pageIds.Count} of {pageTotal} rows, the raw query {rawIds.Count} of {rawTotal}, or in another order");
        }
        if (rawIds.Count == 0)
        {
            throw new InvalidOperationException($"{name}: no rows at all; seed the database first");
        }
    }

    private static List<Guid> TripIds(string html) => [.. TripRowId().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value))];

    private static List<Guid> CaseIds(string html) => [.. CaseRowId().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value))];

    /// <summary>The number in the element with this test id ("100,000 trip(s)" gives 100000).</summary>
    private static long Total(string html, string testId)
    {
        var m = Regex.Match(html, $"data-testid=\"{testId}\"[^>]*>([^<]*)<");
        var digits = new string([.. (m.Success ? m.Groups[1].Value : "").Where(char.IsAsciiDigit)]);
        return digits.Length > 0 ? long.Parse(digits) : throw new InvalidOperationException($"no {testId} on the page");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]*)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("data-trip=\"([0-9a-fA-F-]{36})\"")]
    private static partial Regex TripRowId();

    [GeneratedRegex("data-case=\"([0-9a-fA-F-]{36})\"")]
    private static partial Regex CaseRowId();
}
