using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.Ror;

namespace Waishi.Tests.Features.Ror;

/// <summary>The registry search must not read the whole registry table per page: its rows carry about
/// 1 KB of JSON each, and a 120,000-record registry then took a fifth of a second per search.</summary>
public sealed class RorSearchPlanTests
{
    [Fact]
    public async Task The_registry_search_walks_the_name_ordered_search_index_instead_of_scanning_and_sorting_the_table()
    {
        if (TestDatabase.IsPostgres)
        {
            // PostgreSQL plans by its statistics; that the index exists there is SchemaTests' part.
            return;
        }
        await using var app = await AppFactory.CreateAsync();
        var plan = await app.WithDbAsync(async db =>
        {
            var page = RorApi.Search(db, "Test University", null, null, null).Skip(0).Take(IndexModel.PageSize);
            return await PlanAsync(db, page.ToQueryString());
        });

        Assert.Contains("INDEX IX_RorOrganisation_DisplayName_RorId_SearchText", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    /// <summary>EXPLAIN QUERY PLAN of a query as EF Core prints it for SQLite (".param set @name value"
    /// lines, then the statement).</summary>
    private static async Task<string> PlanAsync(Waishi.Web.Platform.Data.AppDbContext db, string printed)
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
            return string.Join("\n", plan);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
