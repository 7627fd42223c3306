using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Features.Partners;

/// <summary>A tenant's partner list searched by name reads an index in the list's order that holds the
/// search text (migration PartnerListSearch), not the wide partner rows: the count from the index
/// alone, the page by walking it until it is full.</summary>
public sealed class PartnerListPlanTests
{
    [Fact]
    public async Task The_searched_partner_list_and_its_count_read_the_tenants_search_index_without_sorting()
    {
        await using var app = await AppFactory.CreateAsync();
        var cqu = await app.WithDbAsync(db => db.Set<Tenant>().Where(t => t.Code == "CQU").Select(t => t.Id).SingleAsync());
        string[] names = ["University of Bristol", "Kyoto University", "Bristol Zoo", "University College London", "Universidad de Chile"];
        await app.WithDbAsync(async db =>
        {
            foreach (var name in names)
            {
                var p = new Partner { TenantId = cqu, NameEn = name, CountryCode = "GB" };
                p.Index();
                db.Add(p);
            }
            await db.SaveChangesAsync();
        });
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(cqu, TenantKind.Institution);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var filter = new PartnerFilter { Q = "University" };

        // On both databases: the unordered count and the ordered list agree, and the list holds each partner once.
        var all = await filter.Apply(db).Select(p => new { p.NameEn, p.Id }).ToListAsync();
        Assert.Subset(all.Select(p => p.NameEn).ToHashSet(), new HashSet<string> { "University of Bristol", "Kyoto University", "University College London" });
        Assert.DoesNotContain(all, p => p.NameEn == "Bristol Zoo");
        Assert.Equal(all.Count, await filter.Matching(db).CountAsync());
        Assert.Equal(all.Count, all.Select(p => p.Id).Distinct().Count());
        if (TestDatabase.IsPostgres)
        {
            // PostgreSQL has no such index (its B-tree entries are limited to about 2.7 KB).
            Assert.DoesNotContain(db.Model.FindEntityType(typeof(Partner))!.GetIndexes(), i => i.Properties.Any(x => x.Name == nameof(Partner.SearchText)));
            return;
        }
        Assert.All(all.Zip(all.Skip(1)), pair => Assert.True(string.CompareOrdinal(pair.First.NameEn, pair.Second.NameEn) <= 0));

        var page = await SqlitePlan.OfAsync(db, filter.Apply(db).Skip(0).Take(IndexModel.PageSize));
        Assert.True(page.Any(s => s.Contains("INDEX IX_Partner_TenantId_NameEn_Id_SearchText_City (TenantId=?)", StringComparison.Ordinal))
            && !page.Any(s => s.Contains("TEMP B-TREE", StringComparison.Ordinal)), string.Join("\n", page));

        // What the page counts (EF Core's COUNT(*) reads the same rows as this).
        var count = await SqlitePlan.OfAsync(db, filter.Matching(db).Select(p => 1));
        Assert.True(count.Any(s => s.Contains("COVERING INDEX IX_Partner_TenantId_NameEn_Id_SearchText_City", StringComparison.Ordinal)),
            string.Join("\n", count));
    }
}
