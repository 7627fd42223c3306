using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Api;
using Waishi.Tests.Features.DueDiligence;
using Waishi.Tests.Features.Ror;
using Waishi.Tests.Platform;
using Waishi.Tests.Platform.Ewp;
using Waishi.Tests.Support;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.DueDiligence.Profiles;
using Waishi.Web.Features.DueDiligence.Watchlists;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Ror;
using Waishi.Web.Platform.Export;

namespace Waishi.Tests.Resilience;

/// <summary>
/// Hostile and damaged files at the upload endpoints: each is refused with a message that says what
/// to do, nothing is written (counted before and after) and no request ends in a 500.
/// </summary>
public sealed class BadInputTests
{
    private const string Header = "工号,姓名,单位";

    static BadInputTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static async Task<string> UploadStaffAsync(HttpClient client, string fileName, byte[] content)
    {
        var token = await client.AntiforgeryTokenAsync("/Admin/StaffImport");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        var response = await client.PostAsync("/Admin/StaffImport?handler=Upload", form);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"upload {fileName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var html = response.StatusCode == HttpStatusCode.Redirect
            ? await client.GetStringAsync(response.Headers.Location!.OriginalString)
            : await response.Content.ReadAsStringAsync();
        return WebUtility.HtmlDecode(html);
    }

    private static Task<int> StaffCountAsync(AppFactory app) => app.WithDbAsync(db => db.Set<StaffMember>().IgnoreQueryFilters().CountAsync());

    private static string Rows(int count) =>
        Header + "\r\n" + string.Concat(Enumerable.Range(1, count).Select(i => $"Z{i:D5},李雷{i},CQU-CS\r\n"));

    [Fact]
    public async Task Csv_in_gbk_utf16_without_bom_or_invalid_utf8_is_refused_not_garbled()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var before = await StaffCountAsync(app);
        var text = Rows(3);
        var invalid = Encoding.UTF8.GetBytes(text).Concat(new byte[] { 0xC3, 0x28, 0xFF, 0x0D, 0x0A }).ToArray();
        foreach (var (name, bytes) in new[]
        {
            ("gbk", Encoding.GetEncoding(936).GetBytes(text)),
            ("utf16le", Encoding.Unicode.GetBytes(text)),
            ("utf16be", Encoding.BigEndianUnicode.GetBytes(text)),
            ("invalid-utf8", invalid),
        })
        {
            var html = await UploadStaffAsync(client, $"{name}.csv", bytes);
            Assert.True(html.Contains(TabularReader.NotUtf8), $"{name}: the encoding message is shown");
            Assert.DoesNotContain("data-testid=\"counts\"", html);
        }
        // With a byte-order mark, UTF-16 is fine; and so is plain UTF-8.
        Assert.Contains("3 row(s): 3 to add", await UploadStaffAsync(client, "bom.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]));
        Assert.Contains("3 row(s): 3 to add", await UploadStaffAsync(client, "plain.csv", Encoding.UTF8.GetBytes(text)));
        Assert.Equal(before, await StaffCountAsync(app));
    }

    [Fact]
    public async Task Truncated_oversized_and_bomb_workbooks_are_refused_quickly()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var before = await StaffCountAsync(app);
        var xlsx = ListExport.Xlsx(new ExportTable(["Staff number", "Chinese name", "Unit code"], [.. Enumerable.Range(1, 50).Select(i => (IReadOnlyList<string?>)[$"Z{i}", "李雷", "CQU-CS"])]));

        Assert.Contains("The file is not an Excel workbook (.xlsx) that can be read.", await UploadStaffAsync(client, "cut.xlsx", xlsx[..(xlsx.Length / 2)]));
        Assert.Contains("The file is larger than 5 MB", await UploadStaffAsync(client, "big.csv", Encoding.UTF8.GetBytes(Rows(260_000))));

        var bomb = Bomb(xlsx, 80L * 1024 * 1024);
        Assert.True(bomb.Length < Waishi.Web.Features.Admin.StaffImport.IndexModel.MaxBytes, $"the bomb passes the upload limit: {bomb.Length} bytes");
        var clock = Stopwatch.StartNew();
        Assert.Contains(TabularReader.TooLargeUnpacked, await UploadStaffAsync(client, "bomb.xlsx", bomb));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"refused in {clock.Elapsed}");
        Assert.Equal(before, await StaffCountAsync(app));
    }

    /// <summary>The workbook with its sheet replaced by one that unpacks to <paramref name="size"/> bytes.</summary>
    private static byte[] Bomb(byte[] xlsx, long size)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
            var name = sheet.FullName;
            sheet.Delete();
            using var writer = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
            var head = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"u8.ToArray();
            writer.Write(head);
            var row = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<row><c t=\"inlineStr\"><is><t>AAAAAAAAAAAAAAAA</t></is></c></row>", 1000)));
            for (long written = 0; written < size; written += row.Length)
            {
                writer.Write(row);
            }
            writer.Write("</sheetData></worksheet>"u8);
        }
        return stream.ToArray();
    }

    [Fact]
    public async Task Exports_neutralise_cells_that_a_spreadsheet_would_run()
    {
        await using var app = await AppFactory.CreateAsync();
        string[] hostile = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)"];
        await app.WithDbAsync(async db =>
        {
            var staff = await db.Set<StaffMember>().IgnoreQueryFilters().Where(s => s.StaffNumber.StartsWith("CQU0001")).OrderBy(s => s.StaffNumber).Take(hostile.Length).ToListAsync();
            for (var i = 0; i < hostile.Length; i++)
            {
                staff[i].Title = hostile[i];
            }
            await db.SaveChangesAsync();
        });
        var client = await app.SignInAsync("cqu.officer-global");
        var csv = await client.GetStringAsync("/People/Staff?handler=Export&format=csv&pageSize=200");
        foreach (var value in hostile)
        {
            var escaped = "'" + value;
            Assert.True(csv.Contains(escaped) || csv.Contains("\"" + escaped.Replace("\"", "\"\"") + "\""), $"{value} is neutralised");
            Assert.DoesNotContain("," + value, csv);
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> EwpApiAsync(HttpClient client, string xml)
    {
        var response = await client.PostAsync("/api/v1/agreements/ewp-import?createPartners=true", new StringContent(xml, Encoding.UTF8, "application/xml"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_ewp_import_refuses_dtds_external_entities_and_entity_bombs()
    {
        await using var app = await AppFactory.CreateAsync();
        await new Waishi.Tests.Features.Agreements.EwpAgreementData(app).OurHeiIdAsync("hibo.no");
        var client = await app.SignInAsync("cqu.officer-global");
        var example = EwpFiles.Example;
        var declaration = example.StartsWith("<?xml", StringComparison.Ordinal) ? example.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
        var external = example[..declaration] + "<!DOCTYPE iias-get-response [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + example[declaration..];
        var laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">" +
            string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString())};", 10))}\">")) +
            "]><iias-get-response xmlns=\"https://github.com/erasmus-without-paper/ewp-specs-api-iias/blob/stable-v7/endpoints/get-response.xsd\">&lol9;</iias-get-response>";
        var agreements = await app.WithDbAsync(db => db.Set<Agreement>().IgnoreQueryFilters().CountAsync());
        foreach (var xml in new[] { external, laughs })
        {
            var clock = Stopwatch.StartNew();
            var (status, body) = await EwpApiAsync(client, xml);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
            Assert.True(body.Contains("DTD"), body);
            Assert.DoesNotContain("root:", body);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        }
        Assert.Equal(agreements, await app.WithDbAsync(db => db.Set<Agreement>().IgnoreQueryFilters().CountAsync()));
    }

    /// <summary>The workbook with the declared (uncompressed) size of its sheet, in the local header and
    /// in the central directory, overwritten with <paramref name="declared"/>.</summary>
    private static byte[] Forge(byte[] zip, uint declared)
    {
        var bytes = (byte[])zip.Clone();
        var patched = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (bytes[i] != 'P' || bytes[i + 1] != 'K')
            {
                continue;
            }
            var (local, central) = (bytes[i + 2] == 3 && bytes[i + 3] == 4, bytes[i + 2] == 1 && bytes[i + 3] == 2);
            if (!local && !central)
            {
                continue;
            }
            var nameLength = BitConverter.ToUInt16(bytes, i + (local ? 26 : 28));
            var name = Encoding.UTF8.GetString(bytes, i + (local ? 30 : 46), nameLength);
            if (name.StartsWith("xl/worksheets/", StringComparison.Ordinal))
            {
                BitConverter.GetBytes(declared).CopyTo(bytes, i + (local ? 22 : 24));
                patched++;
            }
        }
        Assert.Equal(2, patched);
        return bytes;
    }

    [Fact]
    public async Task A_workbook_whose_declared_sizes_lie_is_refused_by_the_bytes_it_unpacks()
    {
        var xlsx = ListExport.Xlsx(new ExportTable(["Staff number", "Chinese name", "Unit code"], [.. Enumerable.Range(1, 5).Select(i => (IReadOnlyList<string?>)[$"Z{i}", "李雷", "CQU-CS"])]));
        var forged = Forge(Bomb(xlsx, 80L * 1024 * 1024), 4096);
        using (var zip = new ZipArchive(new MemoryStream(forged), ZipArchiveMode.Read))
        {
            // What the archive claims passes a check that adds up the declared sizes.
            Assert.True(zip.Entries.Sum(e => e.Length) < TabularReader.MaxUnpackedBytes);
        }
        // The sheet is refused, never unpacked past the limit: counted bytes stop at 64 MB, and the
        // runtime's reader stops at the declared size, which leaves a cut sheet that is not a workbook.
        var refused = Assert.Throws<TabularFormatException>(() => TabularReader.Read(new MemoryStream(forged), "staff.xlsx"));
        Assert.Contains(refused.Message, new[] { TabularReader.TooLargeUnpacked, "The file is not an Excel workbook (.xlsx) that can be read." });
        // An honest workbook still reads.
        Assert.Equal(5, TabularReader.Read(new MemoryStream(xlsx), "staff.xlsx").Rows.Count);

        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var before = await StaffCountAsync(app);
        var html = await UploadStaffAsync(client, "forged.xlsx", forged);
        Assert.True(html.Contains(refused.Message), "the upload shows the same refusal");
        Assert.Equal(before, await StaffCountAsync(app));
    }

    private static Task<(int Versions, int Entries, int Queued)> WatchlistRowsAsync(AppFactory app) => app.WithDbAsync(async db =>
        (await db.Set<WatchlistVersion>().IgnoreQueryFilters().CountAsync(), await db.Set<WatchlistEntry>().IgnoreQueryFilters().CountAsync(),
         await db.Set<WatchlistImport>().IgnoreQueryFilters().CountAsync()));

    [Fact]
    public async Task Watchlist_imports_refuse_csv_and_json_that_are_not_utf8_through_the_api_and_the_page()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync(ProfileData.Officer);
        var created = await client.PostJsonAsync("/api/v1/watchlists", new { name = "CSL", source = "trade.gov" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var csv = WatchlistData.CslHeader + "\n" + string.Join("\n", WatchlistData.CslRows) + "\n哈尔滨工业大学,,,,,,\n";
        var json = "[{\"name\":\"哈尔滨工业大学\",\"source\":\"Entity List\"},{\"name\":\"Beihang University\",\"source\":\"Entity List\"}]";
        var before = await WatchlistRowsAsync(app);
        var files = new[]
        {
            ("gbk.csv", Encoding.GetEncoding(936).GetBytes(csv), Utf8Check.NotUtf8Csv),
            ("utf16.csv", Encoding.Unicode.GetBytes(csv), Utf8Check.NotUtf8Csv),
            ("invalid.csv", Encoding.UTF8.GetBytes(csv).Concat(new byte[] { 0xC3, 0x28, 0xFF, 0x0A }).ToArray(), Utf8Check.NotUtf8Csv),
            ("gbk.json", Encoding.GetEncoding(936).GetBytes(json), Utf8Check.NotUtf8Json),
            ("utf16.json", Encoding.Unicode.GetBytes(json), Utf8Check.NotUtf8Json),
            ("bom16.json", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(json)], Utf8Check.NotUtf8Json),
        };
        foreach (var (name, bytes, message) in files)
        {
            var response = await client.PostAsync($"/api/v1/watchlists/{id}/import?fileName={name}", new ByteArrayContent(bytes));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {body}");
            Assert.True(body.Contains(message.Replace("\"", "\\u0022")) || body.Contains(message.Replace("\"", "\\\"")), $"{name}: {body}");
        }
        Assert.Equal(before, await WatchlistRowsAsync(app));

        // The import page: preview and import both refuse, and nothing is queued.
        foreach (var action in new[] { "preview", "import" })
        {
            var token = await client.AntiforgeryTokenAsync($"/DueDiligence/Watchlists/Import/{id}");
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent(action), "action" },
                { new StringContent("name"), "Mapping.NameColumn" },
            };
            var file = new ByteArrayContent(Encoding.GetEncoding(936).GetBytes(csv));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "gbk.csv");
            var response = await client.PostAsync($"/DueDiligence/Watchlists/Import/{id}", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(Utf8Check.NotUtf8Csv, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }
        Assert.Equal(before, await WatchlistRowsAsync(app));

        // A UTF-8 file imports as before.
        var good = await client.PostAsync($"/api/v1/watchlists/{id}/import?fileName=csl.csv", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
    }

    [Fact]
    public async Task The_import_verbs_refuse_truncated_oversized_and_wrongly_encoded_files_and_write_nothing()
    {
        await using var app = await AppFactory.CreateAsync();
        var directory = Directory.CreateTempSubdirectory("waishi-bad-input-");
        try
        {
            string Write(string name, byte[] bytes)
            {
                var path = Path.Combine(directory.FullName, name);
                File.WriteAllBytes(path, bytes);
                return path;
            }

            // aspi-import: the tracker (UTF-8, with Chinese names) cut in half, re-encoded, and a 21 MB file.
            byte[] tracker;
            using (var bundled = AspiImportCommand.OpenBundled())
            using (var copy = new MemoryStream())
            {
                bundled.CopyTo(copy);
                tracker = copy.ToArray();
            }
            var text = Encoding.UTF8.GetString(tracker);
            Assert.Contains(text, c => c >= '\u4e00' && c <= '\u9fff');
            var aspi = new[]
            {
                (Write("cut.json", tracker[..(tracker.Length / 2)]), "The file is not JSON"),
                (Write("gbk.json", Encoding.GetEncoding(936).GetBytes(text)), Utf8Check.NotUtf8Json),
                (Write("utf16.json", Encoding.Unicode.GetBytes(text)), Utf8Check.NotUtf8Json),
                (Write("big.json", [.. tracker, .. Enumerable.Repeat((byte)' ', 21 * 1024 * 1024)]), AspiImporter.TooLargeMessage),
            };
            foreach (var (path, message) in aspi)
            {
                var result = await CliRunner.RunAsync(app.ConnectionString, "aspi-import", path, "--tenant", "CQU");
                Assert.True(result.ExitCode != 0, $"{Path.GetFileName(path)}: exit {result.ExitCode} {result.Output}");
                Assert.Contains(message, result.Error);
                Assert.Equal(0, await app.WithDbAsync(db => db.Set<InstitutionProfile>().IgnoreQueryFilters().CountAsync()));
            }

            // ror-import: a dump of 1,100 records cut short, re-encoded, with a record of 2 MB, and trailing garbage.
            var dump = Path.Combine(directory.FullName, "dump.json");
            RorDump.Write(dump, 1100);
            var bytes = File.ReadAllBytes(dump);
            var dumpText = Encoding.UTF8.GetString(bytes);
            // A Chinese name, so that GBK differs from UTF-8.
            var chinese = dumpText.Replace("\"Test University Number 1\"", "\"重庆大学\"", StringComparison.Ordinal);
            Assert.NotEqual(dumpText, chinese);
            var huge = (System.Text.Json.Nodes.JsonObject)RorDump.Record(7);
            huge["established"] = new string('x', 2 * 1024 * 1024);
            var ror = new[]
            {
                (Write("cut-ror.json", bytes[..(bytes.Length * 2 / 3)]), RorImporter.TruncatedMessage),
                (Write("gbk-ror.json", Encoding.GetEncoding(936).GetBytes(chinese)), Utf8Check.NotUtf8Json),
                (Write("utf16-ror.json", Encoding.Unicode.GetBytes(dumpText)), Utf8Check.NotUtf8Json),
                (Write("huge-ror.json", Encoding.UTF8.GetBytes("[" + RorDump.Record(1).ToJsonString() + "," + huge.ToJsonString() + "]")), "larger than 1 MB"),
                (Write("garbage-ror.json", [.. bytes, .. "{}"u8]), "not valid JSON"),
                (Write("empty-ror.json", []), "The file is empty"),
            };
            foreach (var (path, message) in ror)
            {
                var result = await CliRunner.RunAsync(app.ConnectionString, "ror-import", path);
                Assert.True(result.ExitCode != 0, $"{Path.GetFileName(path)}: exit {result.ExitCode} {result.Output}");
                Assert.Contains(message, result.Error);
                Assert.DoesNotContain("records before it were imported", result.Error);
                Assert.Equal(0, await app.WithDbAsync(db => db.Set<RorOrganisation>().CountAsync()));
            }

            // The whole dump still imports.
            var whole = await CliRunner.RunAsync(app.ConnectionString, "ror-import", dump);
            Assert.True(whole.ExitCode == 0, whole.Error);
            Assert.Equal(1100, await app.WithDbAsync(db => db.Set<RorOrganisation>().CountAsync()));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
