using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Waishi.Web.Platform.Data;

public sealed record SchemaColumn(string Name, string Type, bool Nullable, int? MaxLength);

public sealed record SchemaIndex(string Name, IReadOnlyList<string> Columns, bool Unique);

public sealed record SchemaForeignKey(IReadOnlyList<string> Columns, string PrincipalTable, IReadOnlyList<string> PrincipalColumns, string OnDelete);

public sealed record SchemaTable(
    string Name,
    IReadOnlyList<SchemaColumn> Columns,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<SchemaIndex> Indexes,
    IReadOnlyList<SchemaForeignKey> ForeignKeys);

/// <summary>
/// The schema of a live database as the database itself records it: tables, columns (store type,
/// nullability, maximum length where the provider keeps one), primary keys, indexes and foreign keys.
/// Read from sqlite_master and pragmas on SQLite and from information_schema and pg_catalog on
/// PostgreSQL, so that a migrated database can be compared with one created from the model.
/// </summary>
public static class SchemaInspector
{
    /// <summary>Prefix of EF's bookkeeping tables (migration history and lock), which only
    /// migrated databases have and which are no part of the model.</summary>
    public const string BookkeepingPrefix = "__EF";

    public static async Task<IReadOnlyList<SchemaTable>> ReadAsync(AppDbContext db, CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }
        try
        {
            return db.IsPostgres
                ? await SchemaPostgres.ReadAsync(connection, ct)
                : await SchemaSqlite.ReadAsync(connection, ct);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>One line per fact, sorted, so that two schemas can be compared and their
    /// difference printed line by line.</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<SchemaTable> tables)
    {
        var lines = new List<string>();
        foreach (var t in tables)
        {
            lines.Add($"table {t.Name}");
            foreach (var c in t.Columns)
            {
                var length = c.MaxLength is { } n ? $"({n})" : "";
                lines.Add($"column {t.Name}.{c.Name} {c.Type}{length} {(c.Nullable ? "null" : "not null")}");
            }
            lines.Add($"primary key {t.Name} ({string.Join(", ", t.PrimaryKey)})");
            foreach (var i in t.Indexes)
            {
                lines.Add($"{(i.Unique ? "unique index" : "index")} {t.Name}.{i.Name} ({string.Join(", ", i.Columns)})");
            }
            foreach (var f in t.ForeignKeys)
            {
                lines.Add($"foreign key {t.Name} ({string.Join(", ", f.Columns)}) -> {f.PrincipalTable} ({string.Join(", ", f.PrincipalColumns)}) on delete {f.OnDelete}");
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    internal static async Task<List<object?[]>> QueryAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(ct))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    internal static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
