using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;

namespace Waishi.Tests.Support;

/// <summary>SQLite's EXPLAIN QUERY PLAN of a query as EF Core prints it (".param set @name value"
/// lines, then the statement), one line per step.</summary>
public static class SqlitePlan
{
    public static async Task<List<string>> OfAsync(AppDbContext db, IQueryable query) => await OfAsync(db, query.ToQueryString());

    public static async Task<List<string>> OfAsync(AppDbContext db, string printed)
    {
        var lines = printed.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var parameters = lines.TakeWhile(l => l.StartsWith(".param set ", StringComparison.Ordinal)).ToList();
        var sql = string.Join('\n', lines.Skip(parameters.Count));
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var line in parameters)
            {
                var rest = line[".param set ".Length..];
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                var literal = rest[(space + 1)..];
                var parameter = command.CreateParameter();
                parameter.ParameterName = rest[..space];
                parameter.Value = literal.StartsWith('\'') ? literal[1..^1].Replace("''", "'", StringComparison.Ordinal) : long.Parse(literal);
                command.Parameters.Add(parameter);
            }
            var plan = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(reader.FieldCount - 1));
            }
            return plan;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
