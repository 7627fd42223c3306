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
            return string.Join("\n", await SqlitePlan.OfAsync(db, page));
        });

        Assert.Contains("INDEX IX_RorOrganisation_DisplayName_RorId_SearchText", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }
}
