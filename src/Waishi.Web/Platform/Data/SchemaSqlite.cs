using System.Data.Common;
using System.Globalization;
using static Waishi.Web.Platform.Data.SchemaInspector;

namespace Waishi.Web.Platform.Data;

/// <summary>Reads a SQLite schema from sqlite_master and the table pragmas.</summary>
internal static class SchemaSqlite
{
    public static async Task<IReadOnlyList<SchemaTable>> ReadAsync(DbConnection connection, CancellationToken ct)
    {
        var names = (await QueryAsync(connection,
                $"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", ct))
            .Select(r => (string)r[0]!).Where(n => !n.StartsWith(BookkeepingPrefix, StringComparison.Ordinal)).ToList();
        var tables = new List<SchemaTable>();
        foreach (var name in names)
        {
            // cid, name, type, notnull, dflt_value, pk
            var info = await QueryAsync(connection, $"PRAGMA table_info({Quote(name)})", ct);
            var columns = info
                .Select(r => new SchemaColumn((string)r[1]!, ((string)r[2]!).ToUpperInvariant(), Convert.ToInt64(r[3], CultureInfo.InvariantCulture) == 0, null))
                .OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
            var primaryKey = info.Where(r => Convert.ToInt64(r[5], CultureInfo.InvariantCulture) > 0)
                .OrderBy(r => Convert.ToInt64(r[5], CultureInfo.InvariantCulture)).Select(r => (string)r[1]!).ToList();

            // seq, name, unique, origin, partial; origin "pk" is the primary key's own index.
            var indexes = new List<SchemaIndex>();
            foreach (var index in await QueryAsync(connection, $"PRAGMA index_list({Quote(name)})", ct))
            {
                if ((string)index[3]! == "pk")
                {
                    continue;
                }
                var indexName = (string)index[1]!;
                var indexColumns = (await QueryAsync(connection, $"PRAGMA index_info({Quote(indexName)})", ct))
                    .OrderBy(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)).Select(r => (string)r[2]!).ToList();
                indexes.Add(new SchemaIndex(indexName, indexColumns, Convert.ToInt64(index[2], CultureInfo.InvariantCulture) != 0));
            }

            // id, seq, table, from, to, on_update, on_delete, match
            var foreignKeys = (await QueryAsync(connection, $"PRAGMA foreign_key_list({Quote(name)})", ct))
                .GroupBy(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture))
                .Select(g =>
                {
                    var parts = g.OrderBy(r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture)).ToList();
                    return new SchemaForeignKey(
                        parts.Select(r => (string)r[3]!).ToList(),
                        (string)parts[0][2]!,
                        parts.Select(r => (string?)r[4] ?? "").ToList(),
                        ((string)parts[0][6]!).ToLowerInvariant());
                })
                .ToList();
            tables.Add(new SchemaTable(name, columns, primaryKey, indexes, foreignKeys));
        }
        return tables;
    }
}
