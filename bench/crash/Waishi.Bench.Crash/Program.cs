using System.Text.Json;
using Waishi.Bench.Crash;

// Verbs used by bench/crash/run.sh: tokens, write, verify. Options are "--name value" pairs.
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("""
        usage: Waishi.Bench.Crash VERB [--option value ...]
          tokens  --url http://127.0.0.1:PORT --state FILE
                  (signs in the approvers and exit officers and saves an access token for each)
          write   --url URL --state FILE --journal FILE --iteration N --seed N --provider sqlite|postgres --connection CS
                  [--ready FILE] [--max-seconds 60]
                  (writes until the server goes away; journals every acknowledged write with fsync)
          verify  --provider sqlite|postgres --connection CS --journal FILE [--url URL]
                  (checks the database against the journal and the invariants; with --url also that the
                   app serves a signed-in page; exit code 1 on any failure)
        """);
    return 0;
}

var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
for (var i = 1; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}
string Need(string name) => options.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");
bool postgres() => options.GetValueOrDefault("provider", "sqlite").Equals("postgres", StringComparison.OrdinalIgnoreCase);

switch (args[0])
{
    case "tokens":
    {
        var tokens = await new Writers(Need("url")).CreateTokensAsync();
        await File.WriteAllTextAsync(Need("state"), JsonSerializer.Serialize(tokens));
        Console.WriteLine($"{tokens.Count} access tokens");
        return 0;
    }
    case "write":
    {
        var tokens = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(Need("state")))!;
        var pairs = new Verifier(postgres(), Need("connection")).CustodyPairs(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)));
        using var journal = new Journal(Need("journal"));
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(int.Parse(options.GetValueOrDefault("max-seconds", "60"))));
        var ready = options.GetValueOrDefault("ready");
        await new Writers(Need("url")).RunAsync(tokens, pairs, journal, int.Parse(Need("iteration")), int.Parse(Need("seed")),
            () => { if (ready is not null) { File.WriteAllText(ready, "writing"); } }, limit.Token);
        Console.WriteLine($"acknowledged {journal.Acknowledged}");
        return 0;
    }
    case "verify":
    {
        var outcome = new Verifier(postgres(), Need("connection")).Verify(Need("journal"));
        var serves = true;
        if (options.TryGetValue("url", out var url))
        {
            serves = await new Writers(url).ServesSignedInPageAsync();
        }
        foreach (var failure in outcome.Failures.Take(20))
        {
            Console.WriteLine($"FAIL {failure}");
        }
        Console.WriteLine($"acknowledged {outcome.Acknowledged} verified {outcome.Verified} failures {outcome.Failures.Count + (serves ? 0 : 1)}{(serves ? "" : " (no signed-in page)")}");
        return outcome.Failures.Count == 0 && serves ? 0 : 1;
    }
    default:
        Console.Error.WriteLine($"error: unknown verb {args[0]}");
        return 2;
}
