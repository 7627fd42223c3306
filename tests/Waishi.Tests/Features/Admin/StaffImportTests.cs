using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.Admin.StaffImport;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Export;

namespace Waishi.Tests.Features.Admin;

public sealed class StaffImportTests
{
    private const string Header = "工号,姓名,英文名,单位,职务,干部级别,涉密,涉密等级,邮箱,电话,手机";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        var token = await client.AntiforgeryTokenAsync("/Admin/StaffImport");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/Admin/StaffImport?handler=Upload", form);
    }

    /// <summary>Uploads, checks the preview, and returns the preview page and its token.</summary>
    private static async Task<(string Html, string Token)> PreviewAsync(HttpClient client, string fileName, byte[] content)
    {
        var upload = await UploadAsync(client, fileName, content);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var location = upload.Headers.Location!.OriginalString;
        return (await client.GetStringAsync(location), Regex.Match(location, "Token=([0-9a-f-]+)").Groups[1].Value);
    }

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string token, bool onlyValid) =>
        client.PostFormAsync("/Admin/StaffImport", "/Admin/StaffImport?handler=Confirm", new()
        {
            ["Token"] = token, ["ImportValidRows"] = onlyValid ? "true" : "false",
        });

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. lines]) + "\r\n");

    private static readonly string[] Mixed =
    [
        "N0001,李雷,Li Lei,CQU-CS,教授,正处级,否,,li.lei@cqu.edu.cn,,",
        "N0002,韩梅梅,,CQU-NOPE,讲师,,否,,,,",
        "N0003,王芳,,CQU-EE,,大官,否,,,,",
        "N0001,重复,,CQU-CS,,,否,,,,",
        "N0004,赵强,,CQU-ME,,,是,,not-an-address,,",
        "N0005,钱七,,CQU-ME,,副处级,是,重要,,,",
    ];

    [Fact]
    public async Task Errors_are_reported_by_row_and_field_and_nothing_is_imported()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var (html, token) = await PreviewAsync(client, "staff.csv", Csv(Mixed));
        Assert.Contains("data-row=\"3\" data-field=\"UnitId\"", html);
        Assert.Contains("Unknown unit code CQU-NOPE", html);
        Assert.Contains("data-row=\"4\" data-field=\"CadreLevel\"", html);
        Assert.Contains("data-row=\"5\" data-field=\"StaffNumber\"", html);
        Assert.Contains("first in row 2", html);
        Assert.Contains("data-row=\"6\" data-field=\"ClassifiedLevel\"", html);
        Assert.Contains("data-row=\"6\" data-field=\"Email\"", html);
        Assert.DoesNotContain("data-row=\"7\" data-field", html);

        var response = await ConfirmAsync(client, token, onlyValid: false);
        Assert.Contains("Nothing was imported", await response.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Set<StaffMember>().AnyAsync(s => s.StaffNumber.StartsWith("N000"))));
    }

    [Fact]
    public async Task Importing_only_the_valid_rows_imports_exactly_those()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var (_, token) = await PreviewAsync(client, "staff.csv", Csv(Mixed));
        var html = await (await ConfirmAsync(client, token, onlyValid: true)).Content.ReadAsStringAsync();
        Assert.Contains("2 added, 0 updated, 0 unchanged, 4 skipped", html);
        var imported = await app.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.StaffNumber.StartsWith("N000")).OrderBy(s => s.StaffNumber).ToListAsync());
        Assert.Equal(["N0001", "N0005"], imported.Select(s => s.StaffNumber));
        Assert.Equal("李雷", imported[0].NameZh);
        Assert.Equal(CadreLevel.Division, imported[0].CadreLevel);
        Assert.Equal(ClassifiedLevel.Important, imported[1].ClassifiedLevel);
        Assert.Equal((await app.UnitAsync("CQU-CS")).Id, imported[0].UnitId);
        Assert.False(await app.WithDbAsync(db => db.Set<StaffImportUpload>().AnyAsync()));
    }

    [Fact]
    public async Task Reimport_updates_by_staff_number_from_an_excel_file_with_english_headers()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var existing = await app.WithDbAsync(db => db.Set<StaffMember>().FirstAsync(s => s.StaffNumber == "CQU00012"));
        var xlsx = ListExport.Xlsx(new ExportTable(["Staff number", "Chinese name", "Unit code", "Title", "Cadre level"],
        [
            ["CQU00012", existing.NameZh, "CQU-EE", "Dean", "Bureau"],
            ["X9", "新人", "CQU-EE", "", ""],
            ["", "", "", "", ""],
        ]));
        var (html, token) = await PreviewAsync(client, "directory.xlsx", xlsx);
        Assert.Contains("2 row(s): 1 to add, 1 to update", html);
        var summary = await (await ConfirmAsync(client, token, onlyValid: false)).Content.ReadAsStringAsync();
        Assert.Contains("1 added, 1 updated, 0 unchanged, 0 skipped", summary);
        var updated = await app.WithDbAsync(db => db.Set<StaffMember>().FirstAsync(s => s.StaffNumber == "CQU00012"));
        Assert.Equal("Dean", updated.Title);
        Assert.Equal(CadreLevel.Bureau, updated.CadreLevel);
        Assert.Equal((await app.UnitAsync("CQU-EE")).Id, updated.UnitId);
        Assert.Equal(existing.Email, updated.Email);
        Assert.Equal(existing.Version + 1, updated.Version);
    }

    [Fact]
    public async Task A_file_without_the_staff_number_column_is_refused()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var (html, _) = await PreviewAsync(client, "staff.csv", Encoding.UTF8.GetBytes("姓名,单位\r\n李雷,CQU-CS\r\n"));
        Assert.Contains("The file has no column Staff number", html);
    }

    [Fact]
    public async Task A_damaged_workbook_gets_a_message_not_an_error_page()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var (html, _) = await PreviewAsync(client, "broken.xlsx", Encoding.UTF8.GetBytes("PK this is not a zip file"));
        Assert.Contains("The file is not an Excel workbook (.xlsx) that can be read.", html);
    }

    [Fact]
    public async Task The_template_reads_back_with_the_chinese_headers()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var bytes = await client.GetByteArrayAsync("/Admin/StaffImport?handler=Template&format=xlsx");
        var rows = Sheets.Xlsx(bytes);
        Assert.Equal(Header.Split(','), rows[0]);
    }

    [Fact]
    public async Task The_csv_template_imports_as_downloaded()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var template = await client.GetByteArrayAsync("/Admin/StaffImport?handler=Template&format=csv");
        var (html, token) = await PreviewAsync(client, "template.csv", template);
        Assert.Contains("1 row(s): 1 to add", html);
        await ConfirmAsync(client, token, onlyValid: false);
        var added = await app.WithDbAsync(db => db.Set<StaffMember>().SingleAsync(s => s.StaffNumber == "T000123"));
        Assert.Equal("+86 23 65100000", added.Phone);
    }

    [Fact]
    public async Task Another_tenants_upload_is_not_found()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var (_, token) = await PreviewAsync(client, "staff.csv", Csv(Mixed));
        var other = await app.SignInAsync("cqupt.tenant-admin");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Admin/StaffImport?Token={token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ConfirmAsync(other, token, onlyValid: true)).StatusCode);
    }
}
