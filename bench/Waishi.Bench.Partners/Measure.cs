using System.Net;
using System.Text.RegularExpressions;
using Waishi.Bench.Trips;

namespace Waishi.Bench.Partners;

/// <summary>
/// For each target (a search page and the user who opens it), signs the user in, checks for every
/// search string that the page lists the same rows and total as its raw query, then alternates page
/// and raw query for several rounds, each call taking the next search string in turn, and prints
/// requests/s, p50 and p99 of each and the ratio page/raw.
/// </summary>
public sealed partial class Measure(Database db, Uri site, string targets, string password, string[] queries, int rounds, TimeSpan duration,
    TimeSpan warmup, int connections)
{
    private sealed record Target(string Name, HttpClient Http, Func<string, string> Path, Func<string, CancellationToken, Task> Raw,
        Func<string, string, Task> Check);

    public async Task<int> RunAsync()
    {
        if (!IPAddress.TryParse(site.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"--base must be a loopback address, not {site.Host}");
        }
        var raw = new RawQueries(db);
        var list = new List<Target>();
        // "ror=cqu.officer-global,partners=cqupt.officer-global": page kind and who opens it.
        foreach (var spec in targets.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = spec.Split('=', 2);
            if (parts.Length != 2 || parts[0] is not ("ror" or "partners"))
            {
                throw new ArgumentException($"--targets: '{spec}' is not ror=USER or partners=USER");
            }
            var (kind, user) = (parts[0], parts[1]);
            var http = new HttpClient(new SocketsHttpHandler
            {
                CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = connections,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            }) { BaseAddress = site, Timeout = TimeSpan.FromSeconds(120) };
            await SignInAsync(http, user);
            var tenant = await raw.TenantOfAsync(user);
            var name = $"{kind}/{user.Split('.')[0]}";
            list.Add(kind == "ror"
                ? new Target(name, http, q => $"/Ror?Q={Uri.EscapeDataString(q)}", (q, ct) => raw.RorAsync(tenant, q, ct),
                    async (q, html) =>
                    {
                        var r = await raw.RorAsync(tenant, q);
                        Same($"{name} \"{q}\"", RorIds(html), Total(html), r.Total, [.. r.Rows.Select(x => x.RorId)]);
                    })
                : new Target(name, http, q => $"/Partners?Q={Uri.EscapeDataString(q)}", (q, ct) => raw.PartnersAsync(tenant, q, ct),
                    async (q, html) =>
                    {
                        var r = await raw.PartnersAsync(tenant, q);
                        Same($"{name} \"{q}\"", PartnerIds(html), Total(html), r.Total, [.. r.Rows.Select(x => x.Id.ToString())]);
                    }));
        }

        foreach (var target in list)
        {
            var sizes = new List<string>();
            foreach (var q in queries)
            {
                var html = await GetAsync(target.Http, target.Path(q), CancellationToken.None);
                await target.Check(q, html);
                sizes.Add($"\"{q}\" {Total(html):N0}");
            }
            Console.WriteLine($"{target.Name,-16} same rows as the raw query; totals: {string.Join(", ", sizes)}");
        }

        // Each call takes the next search string, so every run mixes all of them alike.
        Func<CancellationToken, Task> Rotate(Func<string, CancellationToken, Task> call)
        {
            var next = -1;
            return ct => call(queries[(int)((uint)Interlocked.Increment(ref next) % (uint)queries.Length)], ct);
        }
        Func<CancellationToken, Task> Page(Target t) => Rotate((q, ct) => GetAsync(t.Http, t.Path(q), ct));

        Console.Error.WriteLine("== warming up");
        foreach (var target in list)
        {
            Console.Error.WriteLine($"   {target.Name} page: {Load.Describe(await Load.WarmAsync(Page(target), connections, warmup))}");
            Console.Error.WriteLine($"   {target.Name} raw:  {Load.Describe(await Load.WarmAsync(Rotate(target.Raw), connections, warmup))}");
        }

        Console.WriteLine($"{"round",-6} {"target",-16} {"kind",-5} {"requests/s",12} {"p50 ms",10} {"p99 ms",10}");
        var sums = list.ToDictionary(t => t.Name, _ => (Page: 0.0, Raw: 0.0, PageP50: 0.0, RawP50: 0.0, PageP99: 0.0, RawP99: 0.0));
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var target in list)
            {
                var page = await Load.RunAsync(Page(target), connections, duration);
                Print(round, target.Name, "page", page);
                var query = await Load.RunAsync(Rotate(target.Raw), connections, duration);
                Print(round, target.Name, "raw", query);
                var s = sums[target.Name];
                sums[target.Name] = (s.Page + page.PerSecond, s.Raw + query.PerSecond, s.PageP50 + page.P50Ms, s.RawP50 + query.P50Ms,
                    s.PageP99 + page.P99Ms, s.RawP99 + query.P99Ms);
            }
        }
        Console.WriteLine();
        Console.WriteLine($"{"target",-16} {"page req/s",11} {"raw req/s",11} {"page p50",10} {"raw p50",10} {"page p99",10} {"raw p99",10} {"page/raw",9}");
        foreach (var (name, s) in sums)
        {
            Console.WriteLine($"{name,-16} {s.Page / rounds,11:F0} {s.Raw / rounds,11:F0} {s.PageP50 / rounds,10:F2} {s.RawP50 / rounds,10:F2} " +
                $"{s.PageP99 / rounds,10:F2} {s.RawP99 / rounds,10:F2} {(s.Raw > 0 ? s.Page / s.Raw : 0),9:F3}");
        }
        foreach (var target in list)
        {
            target.Http.Dispose();
        }
        return 0;
    }

    private static void Print(int round, string target, string kind, LoadResult r) =>
        Console.WriteLine($"{round,-6} {target,-16} {kind,-5} {r.PerSecond,12:F0} {r.P50Ms,10:F2} {r.P99Ms,10:F2}");

    private async Task SignInAsync(HttpClient http, string user)
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

    private static void Same(string name, List<string> pageIds, long pageTotal, long rawTotal, List<string> rawIds)
    {
        if (pageTotal != rawTotal || !pageIds.SequenceEqual(rawIds, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{name}: the page lists {pageIds.Count} of {pageTotal} rows, the raw query {rawIds.Count} of {rawTotal}, or in another order");
        }
    }

    private static List<string> RorIds(string html) => [.. RorRowId().Matches(html).Select(m => m.Groups[1].Value)];

    private static List<string> PartnerIds(string html) => [.. PartnerRowId().Matches(html).Select(m => m.Groups[1].Value)];

    /// <summary>The number in the element marked data-testid="total" ("1,000 organisation(s)" gives 1000).</summary>
    private static long Total(string html)
    {
        var m = TotalText().Match(html);
        var digits = new string([.. (m.Success ? m.Groups[1].Value : "").Where(char.IsAsciiDigit)]);
        return digits.Length > 0 ? long.Parse(digits) : throw new InvalidOperationException("no total on the page");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]*)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("data-testid=\"ror-row\">\\s*<td><a href=\"/Ror/Details/([0-9a-z]{9})\"")]
    private static partial Regex RorRowId();

    [GeneratedRegex("data-testid=\"partner-row\">\\s*<td><a href=\"/Partners/Details/([0-9a-fA-F-]{36})\"")]
    private static partial Regex PartnerRowId();

    [GeneratedRegex("data-testid=\"total\"[^>]*>([^<]*)<")]
    private static partial Regex TotalText();
}
