using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Api;
using Waishi.Tests.Platform.Ewp;
using Waishi.Tests.Support;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.People;
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
}
