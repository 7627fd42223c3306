using Microsoft.Data.Sqlite;
using Npgsql;

namespace Waishi.Tests.Support;

/// <summary>
/// Where the integration tests keep their data. WAISHI_TEST_PROVIDER=postgres with
/// WAISHI_TEST_PG (a connection string of a user that may create databases) runs the suite on
/// PostgreSQL; otherwise on SQLite files. Each test app gets a fresh copy of a template database
/// that was migrated and seeded with the demo city once per test run.
/// </summary>
public static class TestDatabase
{
    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("WAISHI_TEST_PROVIDER"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string PostgresAdmin =>
        Environment.GetEnvironmentVariable("WAISHI_TEST_PG")
        ?? throw new InvalidOperationException("WAISHI_TEST_PROVIDER=postgres needs WAISHI_TEST_PG, a connection string to the test server.");

    public static readonly string Root = Path.Combine(Path.GetTempPath(), "waishi-tests", Environment.ProcessId.ToString());
    public static readonly string PgPrefix = $"waishi_t{Environment.ProcessId}_";

    /// <summary>A connection string for a new, empty database.</summary>
    public static string NewEmpty()
    {
        var name = "db" + Guid.NewGuid().ToString("N")[..12];
        if (IsPostgres)
        {
            Execute($"CREATE DATABASE \"{PgPrefix}{name}\"");
            return ForDatabase(PgPrefix + name);
        }
        Directory.CreateDirectory(Root);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(Root, name + ".db"), Pooling = false }.ToString();
    }

    /// <summary>A connection string for a new database copied from <paramref name="template"/>.</summary>
    public static string CopyOf(string template)
    {
        var name = "db" + Guid.NewGuid().ToString("N")[..12];
        if (IsPostgres)
        {
            var source = new NpgsqlConnectionStringBuilder(template).Database;
            // FILE_COPY copies the template's files whole after a checkpoint; for a small
            // template on a test server without fsync it takes half the time of WAL_LOG.
            Execute($"CREATE DATABASE \"{PgPrefix}{name}\" TEMPLATE \"{source}\" STRATEGY FILE_COPY");
            return ForDatabase(PgPrefix + name);
        }
        var from = new SqliteConnectionStringBuilder(template).DataSource;
        var to = Path.Combine(Root, name + ".db");
        File.Copy(from, to);
        return new SqliteConnectionStringBuilder { DataSource = to, Pooling = false }.ToString();
    }

    /// <summary>The app's connection string for a test database on the PostgreSQL server. Pooled:
    /// a new connection costs a backend start and a SCRAM exchange, which unpooled made the
    /// PostgreSQL run several times slower than the SQLite one. Drop clears the pools.</summary>
    private static string ForDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = database, Pooling = true, MaxPoolSize = 20 }.ToString();

    public static void Drop(string connectionString)
    {
        if (IsPostgres)
        {
            var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
            NpgsqlConnection.ClearAllPools();
            Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            return;
        }
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
        {
            try { File.Delete(f); } catch (IOException) { }
        }
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(PostgresAdmin);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
