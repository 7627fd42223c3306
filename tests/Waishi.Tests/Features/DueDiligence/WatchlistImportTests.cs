using System.Text;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.DueDiligence;
using Waishi.Web.Features.DueDiligence.Profiles;
using Waishi.Web.Features.DueDiligence.Screening;
using Waishi.Web.Features.DueDiligence.Watchlists;

namespace Waishi.Tests.Features.DueDiligence;

/// <summary>Watchlist imports: the CSL layout without mapping, versions and their diff, mappings for other
/// CSV and JSON lists, bad rows reported by line, and only the current version screening.</summary>
public sealed class WatchlistImportTests
{
    [Fact]
    public async Task A_CSL_file_imports_without_mapping_with_aliases_countries_and_expired_entries()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await ProfileData.TenantAsync(app);
        var list = await WatchlistData.ListAsync(app, tenant);
        var result = await WatchlistData.ImportAsync(app, list, WatchlistData.Csv(WatchlistData.CslRows));
        Assert.Empty(result.Problems);
        Assert.Equal((1, 4, 4, 0, 0), (result.Version.Number, result.Version.EntryCount, result.Version.Added, result.Version.Removed, result.Version.Changed));

        var entries = await app.WithDbAsync(db => db.Set<WatchlistEntry>().Where(e => e.WatchlistId == list).ToListAsync());
        var hit = entries.Single(e => e.Name == "Harbin Institute of Technology");
        Assert.Equal(["Harbin Gongye Daxue", "HIT", "哈尔滨工业大学"], hit.Aliases!.Split('\n'));
        Assert.Equal("CN", hit.CountryCode);
        Assert.Equal(new DateOnly(2020, 6, 5), hit.StartOn);
        Assert.Contains("\"entity_number\"", hit.RawRow);
        var expired = entries.Single(e => e.Name == "Example Optics Trading Co., Ltd.");
        Assert.True(expired.IsExpired(new DateOnly(2026, 12, 1)));
        Assert.False(hit.IsExpired(new DateOnly(2026, 12, 1)));
        Assert.Equal("IR", entries.Single(e => e.Name == "Sample Shipping Company").CountryCode);

        var screening = await app.WithDbAsync(db => ScreeningEntries.LoadAsync(db, CancellationToken.None));
        var entry = screening.Single(e => e.PrimaryName == "Harbin Institute of Technology");
        Assert.Equal(ScreeningSourceKind.WatchlistEntry, entry.Kind);
        Assert.Equal("US Consolidated Screening List", entry.ListName);
        Assert.Contains(entry.Names, n => n.Text == "哈尔滨工业大学" && n.Language == "zh");
        Assert.Equal(new DateOnly(2021, 4, 11), screening.Single(e => e.PrimaryName.StartsWith("Example Optics", StringComparison.Ordinal)).ValidTo);
    }

    [Fact]
    public async Task A_reimport_creates_a_version_keeps_the_old_one_and_counts_added_removed_and_changed()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await ProfileData.TenantAsync(app);
        var list = await WatchlistData.ListAsync(app, tenant);
        var first = await WatchlistData.ImportAsync(app, list, WatchlistData.Csv(WatchlistData.CslRows));
        var stamp = await app.WithDbAsync(db => db.Set<DueDiligenceStamp>().Where(s => s.TenantId == tenant).Select(s => s.Value).SingleAsync());

        var rows = WatchlistData.CslRows.ToList();
        rows.RemoveAt(3); // Sample Shipping Company leaves the list
        rows[1] = rows[1].Replace("NWPU; Northwest Polytechnical University", "NWPU; Northwest Polytechnical University; 西北工业大学", StringComparison.Ordinal);
        rows.Add(WatchlistData.Row("e5", "Entity List (EL) - Bureau of Industry and Security", "", "Beihang University",
            "37 Xueyuan Road, Haidian District, Beijing, CN", "2020-06-05", "", "Beijing University of Aeronautics and Astronautics; BUAA"));
        var second = await WatchlistData.ImportAsync(app, list, WatchlistData.Csv(rows), "consolidated-2.csv");
        Assert.Equal((2, 4, 1, 1, 1), (second.Version.Number, second.Version.EntryCount, second.Version.Added, second.Version.Removed, second.Version.Changed));

        var diff = await app.WithDbAsync(db => WatchlistDiff.BetweenAsync(db, first.Version.Id, second.Version.Id, CancellationToken.None));
        Assert.Equal(["Beihang University"], diff.Added.Select(e => e.Name));
        Assert.Equal(["Sample Shipping Company"], diff.Removed.Select(e => e.Name));
        Assert.Equal(["Northwestern Polytechnical University"], diff.Changed.Select(c => c.After.Name));

        // Both versions are kept; only the current one screens.
        Assert.Equal(8, await app.WithDbAsync(db => db.Set<WatchlistEntry>().CountAsync(e => e.WatchlistId == list)));
        var names = (await app.WithDbAsync(db => ScreeningEntries.LoadAsync(db, CancellationToken.None))).Select(e => e.PrimaryName).ToList();
        Assert.Contains("Beihang University", names);
        Assert.DoesNotContain("Sample Shipping Company", names);
        Assert.True(await app.WithDbAsync(db => db.Set<DueDiligenceStamp>().Where(s => s.TenantId == tenant).Select(s => s.Value).SingleAsync()) > stamp);
    }

    [Fact]
    public async Task Bad_rows_are_reported_with_their_line_and_the_rest_imports()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await ProfileData.TenantAsync(app);
        var list = await WatchlistData.ListAsync(app, tenant);
        var rows = WatchlistData.CslRows.ToList();
        rows.Insert(1, WatchlistData.Row("x1", "Entity List", "", "", "Somewhere, CN", "2020-01-01", "", ""));
        rows.Insert(2, WatchlistData.Row("x2", "Entity List", "", "Bad Date Institute", "Somewhere, CN", "01.02.2020", "", ""));
        rows.Insert(3, "only,three,fields");
        var result = await WatchlistData.ImportAsync(app, list, WatchlistData.Csv(rows));
        Assert.Equal(4, result.Version.EntryCount);
        Assert.Equal(3, result.Version.BadRows);
        Assert.Equal([3, 4, 5], result.Problems.Select(p => p.Line));
        Assert.Contains("name", result.Problems[0].Message);
        Assert.Contains("01.02.2020", result.Problems[1].Message);
        Assert.Contains("fields", result.Problems[2].Message);
        Assert.Contains("line 4:", result.Version.Problems);
    }

    [Fact]
    public async Task Another_CSV_layout_and_a_JSON_list_import_with_a_mapping()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await ProfileData.TenantAsync(app);
        var mapping = new WatchlistMapping
        {
            IdColumn = "Ref", NameColumn = "Entity", AliasesColumn = "AKA", AliasSeparator = "|", CountryColumn = "Country",
            AddressesColumn = null, SourceColumn = null, ProgramsColumn = "Regime", StartDateColumn = "Listed", EndDateColumn = "Delisted", RemarksColumn = "Notes",
        };
        var csvList = await WatchlistData.ListAsync(app, tenant, "Internal list", mapping);
        var csv = "Ref;Entity;AKA;Country;Regime;Listed;Delisted;Notes\n"
            + "R-1;National University of Defense Technology;NUDT|国防科技大学;cn;Internal;2024-01-15;;Seven sons\n"
            + "R-2;Old Trading Firm;;HK;Internal;2020-01-01;2022-12-31;\n";
        var result = await WatchlistData.ImportAsync(app, csvList, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "internal.csv");
        Assert.Empty(result.Problems);
        var nudt = await app.WithDbAsync(db => db.Set<WatchlistEntry>().SingleAsync(e => e.Key == "R-1"));
        Assert.Equal(("CN", "NUDT\n国防科技大学", "Seven sons", new DateOnly(2024, 1, 15)), (nudt.CountryCode, nudt.Aliases, nudt.Remarks, nudt.StartOn));

        var jsonMapping = new WatchlistMapping { IdColumn = "id", NameColumn = "name", AliasesColumn = "aliases", CountryColumn = "country", EndDateColumn = "until" };
        var jsonList = await WatchlistData.ListAsync(app, tenant, "JSON list", jsonMapping);
        var json = """
            {"results": [
              {"id": 7, "name": "Beijing Institute of Technology", "aliases": ["BIT", "北京理工大学"], "country": "CN", "until": null},
              {"id": 8, "name": "", "aliases": [], "country": "CN"},
              "not an object"
            ]}
            """;
        var fromJson = await WatchlistData.ImportAsync(app, jsonList, new MemoryStream(Encoding.UTF8.GetBytes(json)), "list.json");
        Assert.Equal(1, fromJson.Version.EntryCount);
        Assert.Equal([2, 3], fromJson.Problems.Select(p => p.Line));
        var bit = await app.WithDbAsync(db => db.Set<WatchlistEntry>().SingleAsync(e => e.WatchlistId == jsonList));
        Assert.Equal(("7", "BIT\n北京理工大学"), (bit.Key, bit.Aliases));
    }
}
