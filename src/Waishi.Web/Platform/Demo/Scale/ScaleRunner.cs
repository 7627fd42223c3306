using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Demo.Scale;

/// <summary>
/// Generates a whole city into an empty, migrated database: the organisation first, then every
/// <see cref="IScaleGenerator"/> registered in DI in their order. Prints progress per table and, at
/// the end, rows, time and rows/s per table.
/// </summary>
public sealed class ScaleRunner(AppDbContext db, TenantContext tenant, IEnumerable<IScaleGenerator> generators,
    IOptions<PasswordHasherOptions> hasher, DemoCity demo)
{
    public async Task<ScaleContext> RunAsync(ScaleOptions options, TextWriter progress, CancellationToken ct)
    {
        using var system = tenant.AsSystem();
        var total = Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            if (!db.IsPostgres)
            {
                // A generated database can be generated again: no fsync per batch, and a 256 MB page
                // cache so that the indexes of a million trips stay in memory while they grow.
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;";
                await pragma.ExecuteNonQueryAsync(ct);
            }
            var context = new ScaleContext(db, connection, options, progress);
            await context.InitialiseAuditAsync(ct);
            await progress.WriteLineAsync($"Generating the {options.Scale} city (seed {options.Seed}, history up to {options.AsOf:yyyy-MM-dd}, " +
                $"audit entries {(options.Audit ? "on" : "off")}): " + string.Join(", ", options.Counts.Select(c => $"{c.Value:N0} {c.Key}")));

            var steps = new List<(string Name, Func<Task> Run)>
            {
                (OrganisationGenerator.Name, () => new OrganisationGenerator(demo.Password, hasher.Value.IterationCount).GenerateAsync(context, ct)),
            };
            var known = generators.OrderBy(g => g.Order).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
            var unknown = options.Only?.Where(n => known.All(g => g.Name != n)).ToList();
            if (unknown is { Count: > 0 })
            {
                throw new ArgumentException($"--only {string.Join(",", unknown)}: no such generator; use {string.Join(", ", known.Select(g => g.Name))}.");
            }
            var chosen = known.Where(g => options.Only is null || options.Only.Contains(g.Name)).ToList();
            steps.AddRange(chosen.Select(g => (g.Name, (Func<Task>)(() => g.GenerateAsync(context, ct)))));
            foreach (var (name, run) in steps)
            {
                var watch = Stopwatch.StartNew();
                await progress.WriteLineAsync($"{name}...");
                await run();
                context.Report(force: true);
                await progress.WriteLineAsync($"{name} done in {watch.Elapsed.TotalSeconds:F1} s");
            }
            var notGenerated = options.Counts.Keys.Where(k => k is not ("institutions" or "staff" or "trips" or "partners" or "agreements")
                && known.All(g => g.Name != k)).ToList();
            if (notGenerated.Count > 0)
            {
                await progress.WriteLineAsync($"Not generated yet (no generator registered): {string.Join(", ", notGenerated)}");
            }
            if (options.Only is not null)
            {
                await progress.WriteLineAsync($"Left out (--only): {string.Join(", ", known.Except(chosen).Select(g => g.Name))}");
            }

            // The bulk paths write past the context's save, so figures kept by a running instance
            // are made stale by hand.
            await ChangeStamps.TouchAllAsync(db, ChangeStamps.Partners, ct);

            var analyse = Stopwatch.StartNew();
            await using (var command = connection.CreateCommand())
            {
                // Statistics for the planner, as autovacuum (PostgreSQL) or "PRAGMA optimize" would gather them later.
                command.CommandText = db.IsPostgres ? "VACUUM ANALYZE" : "ANALYZE";
                command.CommandTimeout = 3600;
                await command.ExecuteNonQueryAsync(ct);
            }
            await progress.WriteLineAsync($"{(db.IsPostgres ? "VACUUM ANALYZE" : "ANALYZE")} in {analyse.Elapsed.TotalSeconds:F1} s");
            await progress.WriteLineAsync(Summary(context, total.Elapsed));
            return context;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static string Summary(ScaleContext context, TimeSpan total)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine($"{"table",-28} {"rows",12} {"seconds",9} {"rows/s",10}");
        foreach (var s in context.Stats.OrderByDescending(s => s.Elapsed))
        {
            text.AppendLine($"{s.Table,-28} {s.Rows,12:N0} {s.Elapsed.TotalSeconds,9:F1} {ScaleContext.Rate(s),10:N0}");
        }
        text.AppendLine($"{"total",-28} {context.Stats.Sum(s => s.Rows),12:N0} {total.TotalSeconds,9:F1}");
        return text.ToString();
    }
}
