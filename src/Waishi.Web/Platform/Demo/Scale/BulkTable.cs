using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;
using Waishi.Web.Platform.Auditing;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Demo.Scale;

/// <summary>
/// How one entity type is written in bulk: its table and columns as the EF Core model maps them
/// (names, value conversions such as enums stored by name, the provider's column types), read with
/// compiled getters so that no change tracker is involved. One description per type serves every
/// batch; see <see cref="BulkWriter"/>.
/// </summary>
public sealed class BulkTable
{
    private sealed record Column(string Name, Func<object, object?> Get, ValueConverter? Converter, NpgsqlDbType PgType, bool Shadow);

    private readonly Column[] _columns;
    private readonly (string Name, Func<object, object?> Get, bool Redacted)[] _audited;
    private readonly Func<object, object?>[] _key;

    public string Table { get; }
    public Type ClrType { get; }
    public bool IsAudited { get; }

    private BulkTable(IEntityType type, bool postgres)
    {
        ClrType = type.ClrType;
        Table = type.GetTableName() ?? throw new InvalidOperationException($"{type.ClrType.Name} has no table.");
        var table = StoreObjectIdentifier.Table(Table, type.GetSchema());
        var columns = new List<Column>();
        foreach (var p in type.GetProperties())
        {
            if (p.GetComputedColumnSql(table) is not null)
            {
                continue;
            }
            if (p.IsShadowProperty() && !p.IsNullable)
            {
                throw new InvalidOperationException($"{type.ClrType.Name}.{p.Name} is a required shadow property; the bulk writer cannot fill it.");
            }
            var mapping = p.GetRelationalTypeMapping();
            columns.Add(new Column(p.GetColumnName(table)!, p.IsShadowProperty() ? _ => null : Getter(type.ClrType, p.PropertyInfo!),
                p.GetValueConverter() ?? mapping.Converter, postgres ? PgType(p.GetColumnType(table)) : default, p.IsShadowProperty()));
        }
        _columns = [.. columns];
        IsAudited = AuditCapture.IsAudited(type.ClrType);
        _audited = [.. type.GetProperties().Where(p => !p.IsShadowProperty())
            .Select(p => (p.Name, Getter(type.ClrType, p.PropertyInfo!), AuditSnapshot.IsRedacted(p.PropertyInfo)))];
        _key = [.. type.FindPrimaryKey()!.Properties.Select(p => Getter(type.ClrType, p.PropertyInfo!))];
    }

    private static readonly Dictionary<(Type, bool), BulkTable> Cache = [];

    public static BulkTable For<T>(AppDbContext db) => For(db, typeof(T));

    public static BulkTable For(AppDbContext db, Type type)
    {
        var postgres = db.IsPostgres;
        lock (Cache)
        {
            if (!Cache.TryGetValue((type, postgres), out var table))
            {
                var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
                Cache[(type, postgres)] = table = new BulkTable(entityType, postgres);
            }
            return table;
        }
    }

    public IReadOnlyList<string> ColumnNames => [.. _columns.Select(c => c.Name)];

    /// <summary>The value of column <paramref name="i"/> as the provider stores it.</summary>
    internal object? Value(object entity, int i)
    {
        var c = _columns[i];
        var value = c.Get(entity);
        return value is null || c.Converter is null ? value : c.Converter.ConvertToProvider(value);
    }

    internal int Count => _columns.Length;

    internal NpgsqlDbType PgTypeOf(int i) => _columns[i].PgType;

    /// <summary>The row as the audit log records it (the verifier writes live rows the same way).</summary>
    internal string Snapshot(object entity, bool redact = true) =>
        AuditSnapshot.Write(_audited.Select(a => (a.Name, redact && a.Redacted ? AuditSnapshot.Redacted : AuditSnapshot.Format(a.Get(entity)))));

    internal string KeyOf(object entity) => string.Join("|", _key.Select(k => AuditSnapshot.Format(k(entity))));

    private static Func<object, object?> Getter(Type type, System.Reflection.PropertyInfo property)
    {
        var e = Expression.Parameter(typeof(object), "e");
        var body = Expression.Convert(Expression.Property(Expression.Convert(e, type), property), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, e).Compile();
    }

    /// <summary>The binary COPY type of a column from its store type.</summary>
    private static NpgsqlDbType PgType(string? storeType)
    {
        var t = (storeType ?? "").ToLowerInvariant();
        var bare = t.Contains('(') ? t[..t.IndexOf('(')].Trim() : t;
        return bare switch
        {
            "uuid" => NpgsqlDbType.Uuid,
            "text" or "character varying" or "varchar" or "character" or "citext" => NpgsqlDbType.Text,
            "timestamp with time zone" or "timestamptz" => NpgsqlDbType.TimestampTz,
            "timestamp without time zone" or "timestamp" => NpgsqlDbType.Timestamp,
            "date" => NpgsqlDbType.Date,
            "time without time zone" or "time" => NpgsqlDbType.Time,
            "boolean" => NpgsqlDbType.Boolean,
            "integer" or "int" => NpgsqlDbType.Integer,
            "bigint" => NpgsqlDbType.Bigint,
            "smallint" => NpgsqlDbType.Smallint,
            "numeric" or "decimal" => NpgsqlDbType.Numeric,
            "double precision" => NpgsqlDbType.Double,
            "real" => NpgsqlDbType.Real,
            "bytea" => NpgsqlDbType.Bytea,
            "jsonb" => NpgsqlDbType.Jsonb,
            "json" => NpgsqlDbType.Json,
            "interval" => NpgsqlDbType.Interval,
            _ => throw new NotSupportedException($"The bulk writer has no COPY mapping for the column type '{storeType}'."),
        };
    }
}

/// <summary>
/// Writes the rows of one table inside the caller's transaction: binary COPY on PostgreSQL, one
/// prepared INSERT reused for every row on SQLite. Dispose ends the COPY.
/// </summary>
public sealed class BulkWriter : IAsyncDisposable
{
    private readonly BulkTable _table;
    private readonly NpgsqlBinaryImporter? _importer;
    private readonly DbCommand? _command;

    public long Rows { get; private set; }

    private BulkWriter(BulkTable table, NpgsqlBinaryImporter? importer, DbCommand? command)
    {
        _table = table;
        _importer = importer;
        _command = command;
    }

    public static async Task<BulkWriter> OpenAsync(BulkTable table, DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        var quoted = string.Join(", ", table.ColumnNames.Select(c => $"\"{c}\""));
        if (connection is NpgsqlConnection pg)
        {
            var importer = await pg.BeginBinaryImportAsync($"COPY \"{table.Table}\" ({quoted}) FROM STDIN (FORMAT BINARY)", ct);
            return new BulkWriter(table, importer, null);
        }
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table.Table}\" ({quoted}) VALUES ({string.Join(", ", table.ColumnNames.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < table.Count; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        }
        await command.PrepareAsync(ct);
        return new BulkWriter(table, null, command);
    }

    public async ValueTask WriteAsync(object entity, CancellationToken ct)
    {
        Rows++;
        if (_importer is not null)
        {
            await _importer.StartRowAsync(ct);
            for (var i = 0; i < _table.Count; i++)
            {
                var value = _table.Value(entity, i);
                if (value is null)
                {
                    await _importer.WriteNullAsync(ct);
                }
                else
                {
                    await WritePgAsync(_importer, value, _table.PgTypeOf(i), ct);
                }
            }
            return;
        }
        for (var i = 0; i < _table.Count; i++)
        {
            _command!.Parameters[i].Value = SqliteValue(_table.Value(entity, i));
        }
        await _command!.ExecuteNonQueryAsync(ct);
    }

    private static Task WritePgAsync(NpgsqlBinaryImporter importer, object value, NpgsqlDbType type, CancellationToken ct) => value switch
    {
        Guid g => importer.WriteAsync(g, type, ct),
        string s => importer.WriteAsync(s, type, ct),
        DateTime d => importer.WriteAsync(d.Kind == DateTimeKind.Utc || type != NpgsqlDbType.TimestampTz ? d : DateTime.SpecifyKind(d, DateTimeKind.Utc), type, ct),
        DateOnly d => importer.WriteAsync(d, type, ct),
        TimeOnly t => importer.WriteAsync(t, type, ct),
        bool b => importer.WriteAsync(b, type, ct),
        int n => importer.WriteAsync(n, type, ct),
        long n => importer.WriteAsync(n, type, ct),
        short n => importer.WriteAsync(n, type, ct),
        decimal m => importer.WriteAsync(m, type, ct),
        double f => importer.WriteAsync(f, type, ct),
        float f => importer.WriteAsync(f, type, ct),
        byte[] bytes => importer.WriteAsync(bytes, type, ct),
        TimeSpan t => importer.WriteAsync(t, type, ct),
        _ => throw new NotSupportedException($"The bulk writer cannot COPY a {value.GetType().Name}."),
    };

    /// <summary>What EF Core stores on SQLite: GUIDs as upper-case text; everything else is bound
    /// by Microsoft.Data.Sqlite as it binds EF Core's own parameters.</summary>
    private static object SqliteValue(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        _ => value,
    };

    public async ValueTask DisposeAsync()
    {
        if (_importer is not null)
        {
            await _importer.CompleteAsync();
            await _importer.DisposeAsync();
        }
        if (_command is not null)
        {
            await _command.DisposeAsync();
        }
    }
}

/// <summary>Rewrites one existing row with all its current values (the few rows a generator has to
/// change after writing them, such as a passport checked out for a trip under way).</summary>
internal static class BulkUpdate
{
    public static async Task WriteAsync(BulkTable table, object entity, DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        var names = table.ColumnNames;
        var key = names.ToList().IndexOf("Id");
        if (key < 0)
        {
            throw new InvalidOperationException($"{table.Table} has no Id column to update by.");
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"UPDATE \"{table.Table}\" SET {string.Join(", ", names.Select((n, i) => $"\"{n}\" = @p{i}").Where((_, i) => i != key))} WHERE \"Id\" = @p{key}";
        for (var i = 0; i < names.Count; i++)
        {
            var value = table.Value(entity, i);
            var p = command.CreateParameter();
            p.ParameterName = $"@p{i}";
            p.Value = connection is NpgsqlConnection
                ? value switch { null => DBNull.Value, DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc), _ => value }
                : value switch { null => DBNull.Value, Guid g => g.ToString().ToUpperInvariant(), _ => value };
            command.Parameters.Add(p);
        }
        await command.ExecuteNonQueryAsync(ct);
    }
}
