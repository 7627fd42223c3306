using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Waishi.Bench.Trips;

/// <summary>
/// The app's database through plain ADO.NET, on SQLite or PostgreSQL. Values are written as EF Core
/// stores them: on SQLite GUIDs are upper-case text and dates ISO text; enums are names everywhere.
/// </summary>
public sealed class Database(string provider, string connectionString)
{
    public bool IsPostgres { get; } = provider.Equals("postgres", StringComparison.OrdinalIgnoreCase);
    public string ConnectionString => connectionString;

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>A value as the provider stores it in the app's schema.</summary>
    public object Value(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g when !IsPostgres => g.ToString().ToUpperInvariant(),
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        Enum e => e.ToString(),
        _ => value,
    };

    public static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public void Add(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = Value(value);
        command.Parameters.Add(p);
    }

    public static Guid ReadGuid(DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(Guid) ? reader.GetGuid(ordinal) : Guid.Parse(reader.GetString(ordinal));

    public static Guid? ReadNullableGuid(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadGuid(reader, ordinal);

    /// <summary>Reads a timestamp whatever the provider returns it as (SQLite keeps text).</summary>
    public static DateTime ReadDateTime(DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(string)
            ? DateTime.Parse(reader.GetString(ordinal), System.Globalization.CultureInfo.InvariantCulture)
            : reader.GetDateTime(ordinal);

    /// <summary>Writes many rows into one table inside the caller's transaction: binary COPY on
    /// PostgreSQL, one prepared INSERT reused for every row on SQLite.</summary>
    public async Task<BulkWriter> BulkAsync(DbConnection connection, DbTransaction transaction, string table, params string[] columns)
    {
        var quoted = string.Join(", ", columns.Select(c => $"\"{c}\""));
        if (IsPostgres)
        {
            var importer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(
                $"COPY \"{table}\" ({quoted}) FROM STDIN (FORMAT BINARY)");
            return new BulkWriter(this, importer, null);
        }
        var command = Command(connection, $"INSERT INTO \"{table}\" ({quoted}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})", transaction);
        for (var i = 0; i < columns.Length; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = $"$p{i}";
            command.Parameters.Add(p);
        }
        await command.PrepareAsync();
        return new BulkWriter(this, null, command);
    }
}

public sealed class BulkWriter(Database db, NpgsqlBinaryImporter? importer, DbCommand? command) : IAsyncDisposable
{
    public long Rows { get; private set; }

    public async Task RowAsync(params object?[] values)
    {
        Rows++;
        if (importer is not null)
        {
            await importer.StartRowAsync();
            foreach (var value in values)
            {
                await WriteAsync(importer, value);
            }
            return;
        }
        for (var i = 0; i < values.Length; i++)
        {
            command!.Parameters[i].Value = db.Value(values[i]);
        }
        await command!.ExecuteNonQueryAsync();
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, object? value) => value switch
    {
        null => importer.WriteNullAsync(),
        Guid g => importer.WriteAsync(g, NpgsqlDbType.Uuid),
        string s => importer.WriteAsync(s, NpgsqlDbType.Text),
        DateTime d => importer.WriteAsync(DateTime.SpecifyKind(d, DateTimeKind.Utc), NpgsqlDbType.TimestampTz),
        DateOnly d => importer.WriteAsync(d, NpgsqlDbType.Date),
        bool b => importer.WriteAsync(b, NpgsqlDbType.Boolean),
        int i => importer.WriteAsync(i, NpgsqlDbType.Integer),
        long l => importer.WriteAsync(l, NpgsqlDbType.Bigint),
        Enum e => importer.WriteAsync(e.ToString(), NpgsqlDbType.Text),
        _ => throw new NotSupportedException($"no COPY mapping for {value.GetType().Name}"),
    };

    public async ValueTask DisposeAsync()
    {
        if (importer is not null)
        {
            await importer.CompleteAsync();
            await importer.DisposeAsync();
        }
        if (command is not null)
        {
            await command.DisposeAsync();
        }
    }
}
