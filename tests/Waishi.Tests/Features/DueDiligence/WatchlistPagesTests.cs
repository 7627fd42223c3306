using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.DueDiligence.Watchlists;

namespace Waishi.Tests.Features.DueDiligence;

/// <summary>The watchlist pages: a new list, an upload with preview and import, the versions and the diff page.</summary>
public sealed class WatchlistPagesTests
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, string csv, string action, Dictionary<string, string>? mapping = null)
    {
        var token = await client.AntiforgeryTokenAsync($"/DueDiligence/Watchlists/Import/{id}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(action), "action" },
        };
        foreach (var (key, value) in mapping ?? new() { ["Mapping.NameColumn"] = "name", ["Mapping.AliasesColumn"] = "alt_names", ["Mapping.AliasSeparator"] = ";",
            ["Mapping.AddressesColumn"] = "addresses", ["Mapping.SourceColumn"] = "source", ["Mapping.ProgramsColumn"] = "programs",
            ["Mapping.StartDateColumn"] = "start_date", ["Mapping.EndDateColumn"] = "end_date" })
        {
            form.Add(new StringContent(value), key);
        }
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "csl.csv");
        return await client.PostAsync($"/DueDiligence/Watchlists/Import/{id}", form);
    }

    [Fact]
    public async Task A_list_is_created_previewed_imported_twice_and_the_diff_page_shows_what_changed()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync(ProfileData.Officer);
        var empty = await client.PostFormAsync("/DueDiligence/Watchlists", "/DueDiligence/Watchlists", new() { ["Name"] = " " });
        Assert.Contains("Name the watchlist", await empty.Content.ReadAsStringAsync());
        var created = await client.PostFormAsync("/DueDiligence/Watchlists", "/DueDiligence/Watchlists", new() { ["Name"] = "CSL", ["Source"] = "trade.gov" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await app.WithDbAsync(db => db.Set<Watchlist>().Where(w => w.Name == "CSL").Select(w => w.Id).SingleAsync());

        var csv = WatchlistData.CslHeader + "\n" + string.Join("\n", WatchlistData.CslRows) + "\n";
        var preview = await UploadAsync(client, id, csv, "preview");
        var previewHtml = await preview.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"preview\"", previewHtml);
        Assert.Contains("Harbin Gongye Daxue; HIT", previewHtml);
        Assert.Null(await app.WithDbAsync(db => db.Set<Watchlist>().Where(w => w.Id == id).Select(w => w.CurrentVersionId).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, id, csv, "import")).StatusCode);
        var second = csv.Replace(WatchlistData.CslRows[3] + "\n", "", StringComparison.Ordinal);
        var imported = await UploadAsync(client, id, second, "import");
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var details = await client.GetStringAsync($"/DueDiligence/Watchlists/Details/{id}");
        Assert.Equal(2, details.Split("data-testid=\"version-row\"").Length - 1);
        Assert.Contains("Version 2 imported: 3 entries, 0 added, 1 removed", details);
        var diff = await client.GetStringAsync($"/DueDiligence/Watchlists/Diff/{id}?number=2");
        Assert.Contains("Sample Shipping Company", diff);

        // The mapping is remembered for the list.
        Assert.Contains("value=\"alt_names\"", await client.GetStringAsync($"/DueDiligence/Watchlists/Import/{id}"));
    }
}
