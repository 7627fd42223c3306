using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Demo;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Platform;

/// <summary>The hand-written migrations and the model must describe the same schema, on whichever
/// provider the suite runs, and migrating must keep existing rows.</summary>
public sealed class SchemaTests
{
    private static readonly Dictionary<string, string?> NoStartupMigration = new() { ["Database:MigrateOnStart"] = "false" };

    [Fact]
    public async Task Migrated_schema_equals_the_schema_created_from_the_model()
    {
        var migrated = await SchemaOfAsync(db => db.Database.MigrateAsync());
        var created = await SchemaOfAsync(async db => await db.Database.EnsureCreatedAsync());

        var missing = created.Except(migrated).ToList();
        var extra = migrated.Except(created).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            "The migrations do not build the model's schema.\n"
            + "In the model but not made by the migrations (add a migration):\n  " + string.Join("\n  ", missing)
            + "\nMade by the migrations but not in the model:\n  " + string.Join("\n  ", extra));
        Assert.Contains("table StaffMember", migrated);
        Assert.Contains(migrated, l => l.StartsWith("foreign key StaffMember (TenantId) -> Tenant (Id)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_entity_type_of_the_model_has_its_table_after_migrating()
    {
        await using var app = AppFactory.OnEmptyDatabase(seed: false, NoStartupMigration);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        var tables = (await SchemaInspector.ReadAsync(db)).Select(t => t.Name).ToHashSet();
        var unmapped = db.Model.GetEntityTypes()
            .Select(t => t.GetTableName())
            .Where(name => name is not null && !tables.Contains(name))
            .ToList();
        Assert.True(unmapped.Count == 0, "No migration creates: " + string.Join(", ", unmapped));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Migrating_an_existing_database_to_the_latest_keeps_every_row()
    {
        await using var app = AppFactory.OnEmptyDatabase(seed: false, NoStartupMigration);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var migrations = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(migrations[0]);
        Assert.Equal(migrations.Skip(1), await db.Database.GetPendingMigrationsAsync());

        // The demo city touches every table that people and accounts live in.
        await scope.ServiceProvider.GetRequiredService<DemoCity>().SeedAsync(CancellationToken.None);
        var before = await RowKeysAsync(db);
        Assert.True(before["StaffMember"].Count > 50);
        Assert.True(before["AuditEntry"].Count > 50);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var after = await RowKeysAsync(db);
        foreach (var (table, keys) in before)
        {
            Assert.True(after.ContainsKey(table), $"Table {table} is gone after migrating.");
            var lost = keys.Except(after[table]).ToList();
            Assert.True(lost.Count == 0, $"{lost.Count} row(s) of {table} lost by migrating, e.g. {lost.FirstOrDefault()}");
        }
        using var system = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
        db.ChangeTracker.Clear();
        Assert.Equal(before["StaffMember"].Count, await db.Set<Waishi.Web.Features.People.StaffMember>().CountAsync());
    }

    [Fact]
    public async Task On_an_analysed_SQLite_database_the_trip_list_keeps_its_index_after_the_state_departure_migration()
    {
        // SQLite only: its planner keeps statistics per index (PostgreSQL keeps them per column).
        if (TestDatabase.IsPostgres)
        {
            return;
        }
        await using var app = AppFactory.OnEmptyDatabase(seed: false, NoStartupMigration);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var migrations = db.Database.GetMigrations().ToList();
        var added = migrations.IndexOf("20261202000400_TripStateDepartureIndex");
        await db.GetService<IMigrator>().MigrateAsync(migrations[added - 1]);
        // A small generated city (2,000 trips in twelve institutions), analysed at the end as `demo` does.
        await scope.ServiceProvider.GetRequiredService<Waishi.Web.Platform.Demo.Scale.ScaleRunner>().RunAsync(
            Waishi.Web.Platform.Demo.Scale.ScaleOptions.For("small", 1) with { Only = new HashSet<string> { "trips" } },
            TextWriter.Null, CancellationToken.None);
        using var system = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
        var tenant = await db.Set<Waishi.Web.Features.Trips.Trip>().GroupBy(t => t.TenantId)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");

        await db.Database.MigrateAsync();

        // The unfiltered list walks the tenant's departure index; with a new index that has no
        // statistics, SQLite took that one as more selective and sorted every trip of the tenant.
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN SELECT \"Id\" FROM \"Trip\" WHERE \"TenantId\" = $t " +
            "ORDER BY \"DepartureDate\" DESC, \"CreatedUtc\" DESC LIMIT 25";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$t";
        parameter.Value = tenant.ToString().ToUpperInvariant();
        command.Parameters.Add(parameter);
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }
        Assert.Contains(plan, step => step.Contains("IX_Trip_TenantId_DepartureDate", StringComparison.Ordinal));
    }

    private static async Task<HashSet<string>> SchemaOfAsync(Func<AppDbContext, Task> build)
    {
        await using var app = AppFactory.OnEmptyDatabase(seed: false, NoStartupMigration);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await build(db);
        return SchemaInspector.Describe(await SchemaInspector.ReadAsync(db)).ToHashSet();
    }

    /// <summary>The primary key of every row, per table.</summary>
    private static async Task<Dictionary<string, HashSet<string>>> RowKeysAsync(AppDbContext db)
    {
        var result = new Dictionary<string, HashSet<string>>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            foreach (var table in await SchemaInspector.ReadAsync(db))
            {
                var columns = string.Join(", ", table.PrimaryKey.Select(c => $"\"{c}\""));
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {columns} FROM \"{table.Name}\"";
                await using var reader = await command.ExecuteReaderAsync();
                var keys = new HashSet<string>();
                while (await reader.ReadAsync())
                {
                    keys.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
                }
                result[table.Name] = keys;
            }
        }
        finally
        {
            await connection.CloseAsync();
        }
        return result;
    }
}
