using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Data;

/// <summary>Configuration section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (default) or "Postgres".</summary>
    public string Provider { get; set; } = "Sqlite";
    /// <summary>SQLite file, relative to the content root unless absolute.</summary>
    public string Path { get; set; } = "data/waishi.db";
    /// <summary>Full connection string; overrides <see cref="Path"/> for SQLite, required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }
    /// <summary>Apply migrations when the app starts.</summary>
    public bool MigrateOnStart { get; set; } = true;
    /// <summary>
    /// On SQLite, load the EF Core model from the generated code in Platform/Data/CompiledModel
    /// (default) instead of building it from the entity configurations at start-up. Off only to
    /// compare cold starts (bench/run-cold-start.sh).
    /// </summary>
    public bool CompiledModel { get; set; } = true;

    public bool IsPostgres => Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
        || Provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase)
        || Provider.Equals("Npgsql", StringComparison.OrdinalIgnoreCase);

    public string SqliteConnectionString(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }
        var file = System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.Combine(contentRoot, Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        return new SqliteConnectionStringBuilder { DataSource = file, Pooling = true, DefaultTimeout = 30 }.ToString();
    }
}

public static class DatabaseSetup
{
    public static IServiceCollection AddWaishiDatabase(this IServiceCollection services, string contentRoot)
    {
        // Read when first needed, not at registration, so that every configuration source
        // (including a test host's) is in place.
        services.AddSingleton(sp => Validate(sp.GetRequiredService<IConfiguration>().GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions()));
        // Contexts are pooled: building a context's options and its internal services took a tenth
        // of the processor time of a small page. The options are made once (from the root
        // provider), and each scope leases a context and binds it to the scope's tenant, actor and
        // clock; disposing the scope returns the context to the pool, which clears its state.
        services.AddPooledDbContextFactory<AppDbContext>((sp, db) =>
        {
            var options = sp.GetRequiredService<DatabaseOptions>();
            // Migrations are written by hand without model snapshots; the schema test compares the
            // migrated database with the model on both providers instead.
            db.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
            if (options.IsPostgres)
            {
                db.UseNpgsql(options.ConnectionString);
            }
            else
            {
                // The model is loaded from generated code (scripts/compile-model.sh) rather than
                // built from the configurations at start-up: a second of every cold start.
                db.UseSqlite(options.SqliteConnectionString(contentRoot));
                if (options.CompiledModel)
                {
                    db.UseModel(CompiledModel.AppDbContextModel.Instance);
                }
            }
            // Here, not only in OnConfiguring: EF Core refuses a pooled context whose OnConfiguring
            // changes its options, so the pool's options must already hold the translation.
            TenantTerm.Register(db);
        }, poolSize: 256);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext()
            .Bind(sp.GetRequiredService<TenantContext>(), sp.GetRequiredService<Actor>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    private static DatabaseOptions Validate(DatabaseOptions options)
    {
        if (!options.IsPostgres && !options.Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Database:Provider is '{options.Provider}'. Use 'Sqlite' or 'Postgres'.");
        }
        if (options.IsPostgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException(
                "Database:Provider is Postgres but Database:ConnectionString is empty. Set it, for example " +
                "Database__ConnectionString=\"Host=127.0.0.1;Port=5432;Database=waishi;Username=waishi;Password=…\".");
        }
        return options;
    }

    /// <summary>Applies pending migrations; on SQLite also switches the file to WAL so readers
    /// never wait for the writer.</summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (!db.IsPostgres)
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        await db.Database.MigrateAsync(ct);
    }
}
