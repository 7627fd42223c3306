using Npgsql;
using Waishi.Bench.Trips;

// Verbs: seed, measure, pg-create, pg-drop. Options are "--name value" pairs; see bench/README.md.
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("""
        usage: Waishi.Bench.Trips VERB [--option value ...]
          seed      --provider sqlite|postgres --connection CS [--tenant CQU] [--approver cqu.officer-exit]
                    [--trips 100000] [--awaiting 1000] [--staff 3000]
          measure   --provider sqlite|postgres --connection CS --base http://127.0.0.1:PORT
                    [--user cqu.officer-exit] [--password waishi-demo-2026] [--rounds 3] [--duration 10]
                    [--warmup 60] [--connections 16] [--filter "State=Approved&Country=JP"]
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

try
{
    switch (args[0])
    {
        case "seed":
            await new Seeder(new Database(Option("provider", "sqlite"), Option("connection")), Option("tenant", "CQU"),
                Option("approver", "cqu.officer-exit"), Number("trips", 100_000), Number("awaiting", 1_000), Number("staff", 3_000)).RunAsync();
            return 0;
        case "measure":
            return await new Measure(new Database(Option("provider", "sqlite"), Option("connection")), new Uri(Option("base")),
                Option("user", "cqu.officer-exit"), Option("password", "waishi-demo-2026"), Number("rounds", 3),
                TimeSpan.FromSeconds(Number("duration", 10)), TimeSpan.FromSeconds(Number("warmup", 60)), Number("connections", 16),
                Option("filter", "State=Approved&Country=JP")).RunAsync();
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
