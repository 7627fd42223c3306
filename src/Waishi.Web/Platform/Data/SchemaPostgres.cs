using System.Data.Common;
using System.Globalization;
using static Waishi.Web.Platform.Data.SchemaInspector;

namespace Waishi.Web.Platform.Data;

/// <summary>Reads a PostgreSQL schema (the connection's current schema) from information_schema and pg_catalog.</summary>
internal static class SchemaPostgres
{
    private const string ColumnsSql = """
        SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, c.character_maximum_length
        FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
        """;

    // Columns of an index or constraint in key order, as a comma-separated list.
    private const string IndexesSql = """
        SELECT t.relname, i.relname, ix.indisunique, ix.indisprimary,
               array_to_string(ARRAY(
                   SELECT a.attname FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord), ',')
        FROM pg_index ix
        JOIN pg_class t ON t.oid = ix.indrelid
        JOIN pg_class i ON i.oid = ix.indexrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = current_schema()
        """;

    private const string ForeignKeysSql = """
        SELECT t.relname, ft.relname, c.confdeltype,
               array_to_string(ARRAY(
                   SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord), ','),
               array_to_string(ARRAY(
                   SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord), ',')
        FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_class ft ON ft.oid = c.confrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE c.contype = 'f' AND n.nspname = current_schema()
        """;

    public static async Task<IReadOnlyList<SchemaTable>> ReadAsync(DbConnection connection, CancellationToken ct)
    {
        var columns = (await QueryAsync(connection, ColumnsSql, ct))
            .Where(r => !((string)r[0]!).StartsWith(BookkeepingPrefix, StringComparison.Ordinal))
            .ToLookup(r => (string)r[0]!, r => new SchemaColumn(
                (string)r[1]!, (string)r[2]!, (string)r[3]! == "YES",
                r[4] is null ? null : Convert.ToInt32(r[4], CultureInfo.InvariantCulture)));
        var indexes = (await QueryAsync(connection, IndexesSql, ct)).ToLookup(r => (string)r[0]!);
        var foreignKeys = (await QueryAsync(connection, ForeignKeysSql, ct)).ToLookup(r => (string)r[0]!);

        return columns.OrderBy(g => g.Key, StringComparer.Ordinal).Select(table => new SchemaTable(
                table.Key,
                table.OrderBy(c => c.Name, StringComparer.Ordinal).ToList(),
                indexes[table.Key].Where(r => (bool)r[3]!).Select(r => Split(r[4])).FirstOrDefault() ?? [],
                indexes[table.Key].Where(r => !(bool)r[3]!)
                    .Select(r => new SchemaIndex((string)r[1]!, Split(r[4]), (bool)r[2]!)).ToList(),
                foreignKeys[table.Key].Select(r => new SchemaForeignKey(Split(r[3]), (string)r[1]!, Split(r[4]), OnDelete((char)r[2]!))).ToList()))
            .ToList();
    }

    private static List<string> Split(object? list) => ((string?)list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string OnDelete(char code) => code switch
    {
        'a' => "no action",
        'r' => "restrict",
        'c' => "cascade",
        'n' => "set null",
        'd' => "set default",
        _ => code.ToString(),
    };
}
