using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.DueDiligence.Profiles;
using Waishi.Web.Features.DueDiligence.Watchlists;

namespace Waishi.Tests.Features.DueDiligence;

/// <summary>Large uploads go through the background queue with progress; a failed import leaves nothing behind.</summary>
public sealed class WatchlistBackgroundImportTests
{
    private static string LargeCsv(int rows, string prefix = "Entity") =>
        WatchlistData.CslHeader + "\n" + string.Join("\n", Enumerable.Range(1, rows).Select(i =>
            WatchlistData.Row($"x{i}", "Entity List (EL) - Bureau of Industry and Security", "", $"{prefix} Number {i} Trading Co.", $"Street {i}, Shenzhen, CN", "2020-01-01", "", $"{prefix} {i}"))) + "\n";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, string csv)
    {
        var token = await client.AntiforgeryTokenAsync($"/DueDiligence/Watchlists/Import/{id}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("import"), "action" },
            { new StringContent("name"), "Mapping.NameColumn" },
            { new StringContent("alt_names"), "Mapping.AliasesColumn" },
            { new StringContent("addresses"), "Mapping.AddressesColumn" },
            { new StringContent("source"), "Mapping.SourceColumn" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "big.csv");
        return await client.PostAsync($"/DueDiligence/Watchlists/Import/{id}", form);
    }

    [Fact]
    public async Task An_upload_above_the_threshold_is_queued_and_the_progress_page_follows_it_to_the_report()
    {
        await using var app = await AppFactory.CreateAsync(new Dictionary<string, string?> { ["DueDiligence:WatchlistImport:BackgroundRows"] = "1500" });
        var tenant = await ProfileData.TenantAsync(app);
        var id = await WatchlistData.ListAsync(app, tenant);
        var client = await app.SignInAsync(ProfileData.Officer);

        var small = await UploadAsync(client, id, LargeCsv(20, "Small"));
        Assert.Equal($"/DueDiligence/Watchlists/Details/{id}", small.Headers.Location?.OriginalString);

        var queued = await UploadAsync(client, id, LargeCsv(2500));
        Assert.Equal(HttpStatusCode.Redirect, queued.StatusCode);
        var progress = queued.Headers.Location!.OriginalString;
        Assert.StartsWith("/DueDiligence/Watchlists/Progress/", progress);
        var page = await client.GetStringAsync(progress);
        Assert.Contains("big.csv", page);
        // The import may already be over when the page is read.
        Assert.True(page.Contains("of 2500 rows read", StringComparison.Ordinal) || page.Contains("data-testid=\"import-report\"", StringComparison.Ordinal));

        JsonElement status = default;
        for (var i = 0; i < 240; i++)
        {
            status = JsonDocument.Parse(await client.GetStringAsync(progress + "?handler=Status")).RootElement;
            if (status.GetProperty("finished").GetBoolean())
            {
                break;
            }
            await Task.Delay(500);
        }
        Assert.True(status.GetProperty("finished").GetBoolean());
        Assert.Equal("Done", status.GetProperty("state").GetString());
        Assert.Equal(2500, status.GetProperty("saved").GetInt32());
        Assert.Equal(2500, status.GetProperty("total").GetInt32());

        var report = await client.GetStringAsync(progress);
        Assert.Contains("Version 2 imported: 2500 entries, 2500 added, 20 removed, 0 changed, 0 bad rows.", report);
        var import = await app.WithDbAsync(db => db.Set<WatchlistImport>().SingleAsync());
        Assert.Null(import.Content);
        Assert.Equal(await app.WithDbAsync(db => db.Set<Watchlist>().Where(w => w.Id == id).Select(w => w.CurrentVersionId).SingleAsync()), import.VersionId);
        Assert.Equal(2500, await app.WithDbAsync(db => db.Set<WatchlistEntry>().CountAsync(e => e.VersionId == import.VersionId)));

        // Another tenant's officer does not see it.
        var other = await app.SignInAsync("cqupt.security-officer");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(progress)).StatusCode);
    }

    [Fact]
    public async Task An_import_that_fails_part_way_leaves_no_version_no_entries_and_the_list_as_it_was()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await ProfileData.TenantAsync(app);
        var id = await WatchlistData.ListAsync(app, tenant);
        await WatchlistData.ImportAsync(app, id, WatchlistData.Csv(WatchlistData.CslRows));
        var before = await app.WithDbAsync(db => db.Set<Watchlist>().AsNoTracking().SingleAsync(w => w.Id == id));
        var stamp = await app.WithDbAsync(db => db.Set<DueDiligenceStamp>().Where(s => s.TenantId == tenant).Select(s => s.Value).SingleAsync());

        var reports = new List<int>();
        await Assert.ThrowsAsync<IOException>(() => app.WithDbAsync(async db =>
        {
            var list = await db.Set<Watchlist>().SingleAsync(w => w.Id == id);
            var csv = new MemoryStream(Encoding.UTF8.GetBytes(LargeCsv(2500)));
            return await new WatchlistImporter(db, TimeProvider.System).ImportAsync(list, csv, "big.csv", WatchlistMapping.FromJson(list.MappingJson), "test",
                (saved, total) =>
                {
                    reports.Add(saved);
                    // The disk fills up after the first batch went in.
                    return saved >= WatchlistImporter.BatchSize ? throw new IOException("disk full") : Task.CompletedTask;
                });
        }));

        Assert.Equal([WatchlistImporter.BatchSize], reports);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<WatchlistVersion>().CountAsync(v => v.WatchlistId == id)));
        Assert.Equal(4, await app.WithDbAsync(db => db.Set<WatchlistEntry>().CountAsync(e => e.WatchlistId == id)));
        var after = await app.WithDbAsync(db => db.Set<Watchlist>().AsNoTracking().SingleAsync(w => w.Id == id));
        Assert.Equal(before.CurrentVersionId, after.CurrentVersionId);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(stamp, await app.WithDbAsync(db => db.Set<DueDiligenceStamp>().Where(s => s.TenantId == tenant).Select(s => s.Value).SingleAsync()));
    }

    [Fact]
    public async Task A_queued_import_whose_list_is_gone_fails_with_the_reason_and_drops_the_file()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await ProfileData.TenantAsync(app);
        var id = await WatchlistData.ListAsync(app, tenant);
        var importId = await app.WithDbAsync(async db =>
        {
            var import = new WatchlistImport
            {
                TenantId = tenant, WatchlistId = id, FileName = "big.csv", Content = Encoding.UTF8.GetBytes(LargeCsv(3)), MappingJson = new WatchlistMapping().ToJson(),
                State = WatchlistImportState.Queued, RowsTotal = 3, QueuedBy = "test", QueuedUtc = DateTime.UtcNow,
            };
            db.Add(import);
            await db.SaveChangesAsync();
            return import.Id;
        });
        // A list deleted after the upload (the cascade would remove the row, so the list is only renamed away from the tenant's view).
        var other = await ProfileData.TenantAsync(app, CrossTenant.TenantB);
        await app.WithDbAsync(db => db.Set<Watchlist>().Where(w => w.Id == id).ExecuteUpdateAsync(s => s.SetProperty(w => w.TenantId, other)));
        var queue = app.Services.GetService(typeof(WatchlistImportQueue)) as WatchlistImportQueue;
        while (await queue!.RunNextAsync(CancellationToken.None))
        {
        }
        var import = await app.WithDbAsync(db => db.Set<WatchlistImport>().SingleAsync(i => i.Id == importId));
        Assert.Equal(WatchlistImportState.Failed, import.State);
        Assert.Equal("The list no longer exists.", import.Error);
        Assert.Null(import.Content);
        Assert.NotNull(import.FinishedUtc);
    }

    [Fact]
    public async Task A_failed_background_import_is_listed_on_the_list_page_and_its_page_says_nothing_was_saved()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await ProfileData.TenantAsync(app);
        var id = await WatchlistData.ListAsync(app, tenant);
        var importId = await app.WithDbAsync(async db =>
        {
            var import = new WatchlistImport
            {
                TenantId = tenant, WatchlistId = id, FileName = "huge.csv", MappingJson = new WatchlistMapping().ToJson(), State = WatchlistImportState.Failed,
                RowsTotal = 12000, QueuedBy = "Security officer", QueuedUtc = DateTime.UtcNow, FinishedUtc = DateTime.UtcNow, Error = WatchlistImportQueue.Interrupted,
            };
            db.Add(import);
            await db.SaveChangesAsync();
            return import.Id;
        });
        var client = await app.SignInAsync(ProfileData.Officer);
        var details = await client.GetStringAsync($"/DueDiligence/Watchlists/Details/{id}");
        Assert.Contains($"href=\"/DueDiligence/Watchlists/Progress/{importId}\">huge.csv</a>", details);
        Assert.Contains("12000 rows", details);
        var page = await client.GetStringAsync($"/DueDiligence/Watchlists/Progress/{importId}");
        Assert.Contains("data-testid=\"import-error\"", page);
        Assert.Contains("nothing of this upload was saved", page);
        Assert.Contains("Upload the file again", page);
        Assert.DoesNotContain("watchlist-progress.js", page);
    }
}
