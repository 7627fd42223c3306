using System.Diagnostics;
using Npgsql;
using Waishi.Bench.Partners;
using Waishi.Bench.Trips;

// Verbs: generate, partners, measure. Options are "--name value" pairs; see bench/README.md.
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("""
        usage: Waishi.Bench.Partners VERB [--option value ...]
          generate  --out FILE [--records 120000] [--seed 42]
                    (a ROR v2 data dump for the app's ror-import verb)
          partners  --provider sqlite|postgres --connection CS --tenant CQU --count 300
                    (partners for a tenant, taken from the imported registry)
          measure   --provider sqlite|postgres --connection CS --base http://127.0.0.1:PORT
                    [--targets "ror=cqu.officer-global,partners=cqu.officer-global"] [--password waishi-demo-2026]
                    [--queries "university,hospital,..."] [--rounds 3] [--duration 10] [--warmup 60] [--connections 16]
          plan      --provider sqlite|postgres --connection CS [--queries "university,..."]
                    (the registry search's plans and times, one search string after the other)
          drop-search-index --provider sqlite|postgres --connection CS
                    (drops the registry's search index, to measure without it)
          pg-create --connection CS --name DB     (creates an empty PostgreSQL database)
          pg-drop   --connection CS --name DB
        """);
    return 0;
}

var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
for (var i = 1; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"error: expected --name value, got '{args[i]}'");
        return 2;
    }
    options[args[i][2..]] = args[++i];
}
string Option(string name, string? fallback = null) =>
    options.TryGetValue(name, out var value) ? value
    : fallback ?? throw new ArgumentException($"--{name} is required");
int Number(string name, int fallback) => options.TryGetValue(name, out var value) ? int.Parse(value) : fallback;

// Already normalised as the pages normalise what is typed: from thousands of matches down to none.
const string DefaultQueries = "university,institute of technology,hospital,tokyo,chongqing,photonics gmbh,humboldt foundation,大学,quantum university";

try
{
    switch (args[0])
    {
        case "generate":
        {
            var records = Number("records", 120_000);
            var clock = Stopwatch.StartNew();
            await new Generator(records, Number("seed", 42)).WriteAsync(Option("out"));
            Console.WriteLine($"{records:N0} records, {new FileInfo(Option("out")).Length / 1048576.0:N0} MiB, written in {clock.Elapsed.TotalSeconds:F1} s");
            return 0;
        }
        case "partners":
            await new PartnerSeeder(new Database(Option("provider", "sqlite"), Option("connection")), Option("tenant", "CQU"), Number("count", 300)).RunAsync();
            return 0;
        case "measure":
            return await new Measure(new Database(Option("provider", "sqlite"), Option("connection")), new Uri(Option("base")),
                Option("targets", "ror=cqu.officer-global,partners=cqu.officer-global"), Option("password", "waishi-demo-2026"),
                Option("queries", DefaultQueries).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Number("rounds", 3), TimeSpan.FromSeconds(Number("duration", 10)), TimeSpan.FromSeconds(Number("warmup", 60)),
                Number("connections", 16)).RunAsync();
        case "plan":
        {
            var raw = new RawQueries(new Database(Option("provider", "sqlite"), Option("connection")));
            foreach (var q in Option("queries", DefaultQueries).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                await raw.ExplainAsync(q, Console.Out);
            }
            return 0;
        }
        case "drop-search-index":
        {
            var db = new Database(Option("provider", "sqlite"), Option("connection"));
            await using var connection = await db.OpenAsync();
            await using var drop = Database.Command(connection, "DROP INDEX IF EXISTS \"IX_RorOrganisation_DisplayName_RorId_SearchText\"");
            await drop.ExecuteNonQueryAsync();
            Console.WriteLine("dropped IX_RorOrganisation_DisplayName_RorId_SearchText");
            return 0;
        }
        case "pg-create" or "pg-drop":
            await using (var connection = new NpgsqlConnection(Option("connection")))
            {
                await connection.OpenAsync();
                var name = Option("name");
                if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z0-9_]+$"))
                {
                    throw new ArgumentException("--name: lower-case letters, digits and _ only");
                }
                await using var command = connection.CreateCommand();
                command.CommandText = args[0] == "pg-create" ? $"CREATE DATABASE \"{name}\"" : $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
                await command.ExecuteNonQueryAsync();
            }
            return 0;
        default:
            Console.Error.WriteLine($"error: unknown verb '{args[0]}'");
            return 2;
    }
}
catch (Exception e) when (e is ArgumentException or InvalidOperationException or HttpRequestException or FormatException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
