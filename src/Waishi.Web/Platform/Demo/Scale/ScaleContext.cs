using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Auditing;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Demo.Scale;

/// <summary>What to generate: the city's counts, the seed, the day the history ends and whether
/// the rows get audit entries.</summary>
public sealed record ScaleOptions(string Scale, int Seed, DateOnly AsOf, bool Audit, IReadOnlyDictionary<string, int> Counts)
{
    /// <summary>The full city of the design.</summary>
    public static readonly IReadOnlyDictionary<string, int> City = new Dictionary<string, int>
    {
        ["institutions"] = 12,
        ["staff"] = 60_000,
        ["trips"] = 1_000_000,
        ["partners"] = 120_000,
        ["agreements"] = 20_000,
        ["visits"] = 200_000,
        ["conferences"] = 5_000,
    };

    /// <summary>The end of the generated history unless --as-of says otherwise.</summary>
    public static readonly DateOnly DefaultAsOf = new(2026, 12, 1);

    /// <summary>"city", or "small" (1/500 of the city, for tests); the institutions stay twelve.</summary>
    public static ScaleOptions For(string scale, int seed, DateOnly? asOf = null, bool? audit = null)
    {
        var divisor = scale switch
        {
            "city" => 1,
            "small" => 500,
            _ => throw new ArgumentException($"unknown scale '{scale}': use city or small"),
        };
        var counts = City.ToDictionary(c => c.Key, c => c.Key == "institutions" ? c.Value : Math.Max(1, c.Value / divisor));
        return new ScaleOptions(scale, seed, asOf ?? DefaultAsOf, audit ?? divisor > 1, counts);
    }

    public int Count(string name) => Counts.GetValueOrDefault(name);

    /// <summary>With <c>--only</c>: the generators to run after the organisation (by name); null runs them all.
    /// For measuring one module's generator; a city generated so is not the whole city.</summary>
    public IReadOnlySet<string>? Only { get; init; }
}

/// <summary>Rows written to one table, and the time spent writing them.</summary>
public sealed class TableStats(string table)
{
    public string Table { get; } = table;
    public long Rows { get; set; }
    public TimeSpan Elapsed { get; set; }
}

/// <summary>
/// The state shared by the generators of one run: the open connection, the city built so far, the
/// per-table figures and the audit chain. Rows go to the database through <see cref="Batch"/>es.
/// </summary>
public sealed class ScaleContext(AppDbContext db, DbConnection connection, ScaleOptions options, TextWriter progress)
{
    private readonly Dictionary<string, TableStats> _stats = [];
    private readonly Stopwatch _lastReport = Stopwatch.StartNew();
    private long _auditSequence;
    private string _auditPrevious = AuditChain.Genesis;

    public AppDbContext Db => db;
    public DbConnection Connection => connection;
    public ScaleOptions Options => options;
    public ScaleCity City { get; } = new();
    public bool IsPostgres => db.IsPostgres;

    /// <summary>The last day of the generated history ("today" of the generated city).</summary>
    public DateOnly AsOf => options.AsOf;
    public DateTime AsOfUtc => AsOf.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);

    public IReadOnlyCollection<TableStats> Stats => _stats.Values;

    /// <summary>The random stream of one generator (see <see cref="ScaleRandom.For"/>).</summary>
    public ScaleRandom Random(string name) => ScaleRandom.For(options.Seed, name);

    public Batch NewBatch() => new(this);

    internal async Task InitialiseAuditAsync(CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Sequence\", \"Hash\" FROM \"AuditEntry\" ORDER BY \"Sequence\" DESC LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (await reader.ReadAsync(ct))
        {
            _auditSequence = reader.GetInt64(0);
            _auditPrevious = reader.GetString(1);
        }
    }

    internal AuditEntry AuditCreate(BulkTable table, object entity)
    {
        var entry = new AuditEntry
        {
            Sequence = ++_auditSequence,
            TenantId = entity is ITenantOwned owned ? owned.TenantId : null,
            UserName = "demo --scale",
            AtUtc = AsOfUtc,
            EntityType = AuditSnapshot.TypeName(table.ClrType),
            EntityId = table.KeyOf(entity),
            Action = AuditAction.Create,
            After = table.Snapshot(entity),
            PreviousHash = _auditPrevious,
            Hash = "",
        };
        entry.Hash = AuditChain.ComputeHash(entry);
        _auditPrevious = entry.Hash;
        return entry;
    }

    internal AuditEntry AuditUpdate(BulkTable table, object entity, string before)
    {
        var entry = new AuditEntry
        {
            Sequence = ++_auditSequence,
            TenantId = entity is ITenantOwned owned ? owned.TenantId : null,
            UserName = "demo --scale",
            AtUtc = AsOfUtc,
            EntityType = AuditSnapshot.TypeName(table.ClrType),
            EntityId = table.KeyOf(entity),
            Action = AuditAction.Update,
            Before = before,
            After = table.Snapshot(entity),
            PreviousHash = _auditPrevious,
            Hash = "",
        };
        entry.Hash = AuditChain.ComputeHash(entry);
        _auditPrevious = entry.Hash;
        return entry;
    }

    internal void Count(string table, long rows, TimeSpan elapsed)
    {
        if (!_stats.TryGetValue(table, out var s))
        {
            _stats[table] = s = new TableStats(table);
        }
        s.Rows += rows;
        s.Elapsed += elapsed;
    }

    /// <summary>A progress line per table at most every few seconds: rows so far and rows/s.</summary>
    public void Report(bool force = false)
    {
        if (!force && _lastReport.Elapsed < TimeSpan.FromSeconds(5))
        {
            return;
        }
        _lastReport.Restart();
        var line = string.Join("  ", _stats.Values.Where(s => s.Rows > 0).OrderByDescending(s => s.Rows).Take(6)
            .Select(s => $"{s.Table} {s.Rows:N0} ({Rate(s):N0}/s)"));
        progress.WriteLine($"  {line}");
        progress.Flush();
    }

    public static double Rate(TableStats s) => s.Elapsed.TotalSeconds > 0 ? s.Rows / s.Elapsed.TotalSeconds : 0;

    /// <summary>Rows collected for several tables and written in one transaction, parents before
    /// children (foreign keys of the model), each table with one bulk writer.</summary>
    public sealed class Batch(ScaleContext context)
    {
        private readonly Dictionary<Type, List<object>> _rows = [];
        private readonly List<(object Entity, string Before)> _updates = [];

        public int Pending { get; private set; }

        public void Add(object entity)
        {
            if (entity is IVersioned v && v.Version == 0)
            {
                v.Version = 1;
            }
            if (!_rows.TryGetValue(entity.GetType(), out var list))
            {
                _rows[entity.GetType()] = list = [];
            }
            list.Add(entity);
            Pending++;
        }

        public void AddRange(IEnumerable<object> entities)
        {
            foreach (var e in entities)
            {
                Add(e);
            }
        }

        /// <summary>An existing row to rewrite with its current values; <paramref name="before"/> is
        /// its snapshot as written (see <see cref="Snapshot"/>).</summary>
        public void Update(object entity, string before)
        {
            _updates.Add((entity, before));
            Pending++;
        }

        public string Snapshot(object entity) => BulkTable.For(context.Db, entity.GetType()).Snapshot(entity);

        /// <summary>Writes when at least <paramref name="threshold"/> rows are waiting.</summary>
        public async Task FlushIfAsync(int threshold, CancellationToken ct)
        {
            if (Pending >= threshold)
            {
                await FlushAsync(ct);
            }
        }

        public async Task FlushAsync(CancellationToken ct)
        {
            if (Pending == 0)
            {
                return;
            }
            await using var tx = await context.Connection.BeginTransactionAsync(ct);
            var audit = context.Options.Audit ? new List<object>() : null;
            foreach (var type in Ordered(context.Db, _rows.Keys))
            {
                var rows = _rows[type];
                var table = BulkTable.For(context.Db, type);
                var watch = Stopwatch.StartNew();
                await using (var writer = await BulkWriter.OpenAsync(table, context.Connection, tx, ct))
                {
                    foreach (var row in rows)
                    {
                        await writer.WriteAsync(row, ct);
                        if (audit is not null && table.IsAudited)
                        {
                            audit.Add(context.AuditCreate(table, row));
                        }
                    }
                }
                context.Count(table.Table, rows.Count, watch.Elapsed);
            }
            foreach (var (entity, before) in _updates)
            {
                var table = BulkTable.For(context.Db, entity.GetType());
                var watch = Stopwatch.StartNew();
                await BulkUpdate.WriteAsync(table, entity, context.Connection, tx, ct);
                if (audit is not null && table.IsAudited)
                {
                    audit.Add(context.AuditUpdate(table, entity, before));
                }
                context.Count(table.Table, 0, watch.Elapsed);
            }
            if (audit is { Count: > 0 })
            {
                var table = BulkTable.For<AuditEntry>(context.Db);
                var watch = Stopwatch.StartNew();
                await using (var writer = await BulkWriter.OpenAsync(table, context.Connection, tx, ct))
                {
                    foreach (var row in audit)
                    {
                        await writer.WriteAsync(row, ct);
                    }
                }
                context.Count(table.Table, audit.Count, watch.Elapsed);
            }
            await tx.CommitAsync(ct);
            _rows.Clear();
            _updates.Clear();
            Pending = 0;
            context.Report();
        }

        /// <summary>The types in an order where every foreign key's principal comes first.</summary>
        private static List<Type> Ordered(AppDbContext db, IEnumerable<Type> types)
        {
            var set = types.ToList();
            var result = new List<Type>();
            var visiting = new HashSet<Type>();
            void Visit(Type t)
            {
                if (result.Contains(t) || !visiting.Add(t))
                {
                    return;
                }
                foreach (var fk in db.Model.FindEntityType(t)!.GetForeignKeys())
                {
                    var principal = fk.PrincipalEntityType.ClrType;
                    if (principal != t && set.Contains(principal))
                    {
                        Visit(principal);
                    }
                }
                result.Add(t);
            }
            foreach (var t in set)
            {
                Visit(t);
            }
            return result;
        }
    }
}
