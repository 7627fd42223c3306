using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Features.Ror;
using Waishi.Tests.Support;
using Waishi.Web.Features.Partners;
using Waishi.Web.Features.Ror;

namespace Waishi.Tests.Features.Partners;

/// <summary>The partner pages: the form keeps what was typed, warns of duplicates until "save anyway",
/// the registry's "add as partner" prefills it, the list filters and exports, and the import page is the authority admin's.</summary>
public sealed class PartnerPagesTests
{
    private const string Officer = "cqu.officer-global";

    [Fact]
    public async Task A_failed_form_keeps_what_was_typed_and_a_duplicate_needs_save_anyway()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync(Officer);
        var fields = new Dictionary<string, string>
        {
            ["Form.NameEn"] = "University of Tokyo", ["Form.NameZh"] = "东京大学", ["Form.CountryCode"] = "Japan", ["Form.Type"] = "University",
        };
        var refused = await client.PostFormAsync("/Partners/Create", "/Partners/Create", fields);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("two-letter ISO code", html);
        Assert.Contains("value=\"东京大学\"", html);

        fields["Form.CountryCode"] = "JP";
        var saved = await client.PostFormAsync("/Partners/Create", "/Partners/Create", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = await client.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("东京大学", details);

        fields["Form.NameEn"] = "the university of TOKYO.";
        fields["Form.NameZh"] = "";
        var warned = await client.PostFormAsync("/Partners/Create", "/Partners/Create", fields);
        var warning = await warned.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("data-testid=\"duplicates\"", warning);
        Assert.Contains("This may be", warning);
        Assert.Contains(saved.Headers.Location!.OriginalString, warning);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Partner>().CountAsync()));

        fields["Form.CreateAnyway"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Partners/Create", "/Partners/Create", fields)).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<Partner>().CountAsync()));
    }

    [Fact]
    public async Task Add_as_partner_prefills_the_form_from_the_registry_and_the_list_filters_and_exports()
    {
        await using var app = await AppFactory.CreateAsync();
        await app.WithDbAsync(async db =>
        {
            await using var stream = RorDump.Stream("[" + RorDump.Record(3).ToJsonString() + "]");
            await new RorImporter(db, TimeProvider.System).ImportAsync(stream, new RorImportFilter());
        });
        var client = await app.SignInAsync(Officer);
        var search = await client.GetStringAsync("/Ror?Q=test+university+number+3");
        Assert.Contains($"/Partners/Create?ror={RorDump.IdOf(3)}", search);

        var form = await client.GetStringAsync($"/Partners/Create?ror={RorDump.IdOf(3)}");
        Assert.Contains($"value=\"{RorDump.NameOf(3)}\"", form);
        Assert.Contains("value=\"测试大学3\"", form);
        Assert.Contains("value=\"HK\"", form);
        Assert.Contains($"value=\"{RorDump.IdOf(3)}\"", form);

        var saved = await client.PostFormAsync($"/Partners/Create?ror={RorDump.IdOf(3)}", "/Partners/Create", new()
        {
            ["Form.NameEn"] = RorDump.NameOf(3), ["Form.Acronyms"] = "TU3", ["Form.CountryCode"] = "HK", ["Form.Type"] = "University", ["Form.RorId"] = RorDump.IdOf(3),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("data-testid=\"partner-row\"", await client.GetStringAsync("/Partners?Region=HongKong&Q=TU3"));
        Assert.DoesNotContain("data-testid=\"partner-row\"", await client.GetStringAsync("/Partners?Region=Taiwan"));
        var csv = await client.GetStringAsync("/Partners?handler=Export&format=csv&Region=HongKong");
        Assert.Contains(RorDump.NameOf(3), csv);
        var xlsx = await client.GetAsync("/Partners?handler=Export&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_import_page_uploads_a_dump_imports_it_in_the_background_and_reports_bad_records()
    {
        await using var app = await AppFactory.CreateAsync();
        var institution = await app.SignInAsync("cqu.tenant-admin");
        Assert.NotEqual(HttpStatusCode.OK, (await institution.GetAsync("/Ror/Import")).StatusCode);

        var admin = await app.SignInAsync("cqfao.tenant-admin");
        var page = await admin.GetStringAsync("/Ror/Import");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var path = RorDump.TempPath();
        try
        {
            RorDump.Write(path, 40, [5]);
            using var content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("CN"), "Country" },
                { new StreamContent(File.OpenRead(path)), "file", "ror-dump.json" },
            };
            var posted = await admin.PostAsync("/Ror/Import", content);
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            await app.Services.GetRequiredService<RorImportRunner>().Completion;

            var status = await (await admin.GetAsync("/api/v1/ror/import/status")).Content.ReadAsStringAsync();
            Assert.Contains("\"running\":false", status);
            Assert.Contains("\"failed\":1", status);
            Assert.Contains("\"index\":5", status);
            var expected = Enumerable.Range(0, 40).Count(i => i != 5 && RorDump.CountryOf(i) == "CN");
            Assert.Contains($"\"added\":{expected}", status);
            Assert.Equal(expected, await app.WithDbAsync(db => db.Set<RorOrganisation>().CountAsync()));
            Assert.Contains("ror-dump.json", await admin.GetStringAsync("/Ror/Import"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Contacts_are_added_edited_and_removed_on_the_partner_page()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync(Officer);
        var saved = await client.PostFormAsync("/Partners/Create", "/Partners/Create", new()
        {
            ["Form.NameEn"] = "Seoul National University", ["Form.CountryCode"] = "KR", ["Form.Type"] = "University",
        });
        var url = saved.Headers.Location!.OriginalString;

        var refused = await client.PostFormAsync(url, url + "?handler=AddContact", new() { ["Contact.Name"] = "Kim", ["Contact.Email"] = "not-an-address" });
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("name@example.org", html);
        Assert.Contains("value=\"not-an-address\"", html);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, url + "?handler=AddContact",
            new() { ["Contact.Name"] = "Kim", ["Contact.Role"] = "Dean", ["Contact.Email"] = "kim@snu.ac.kr" })).StatusCode);
        var contact = await app.WithDbAsync(db => db.Set<PartnerContact>().SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, url + "?handler=SaveContact", new()
        {
            ["contactId"] = contact.Id.ToString(), ["contactVersion"] = "1", ["Contact.Name"] = "Kim Minjun", ["Contact.Role"] = "Vice dean",
        })).StatusCode);
        var edited = await app.WithDbAsync(db => db.Set<PartnerContact>().AsNoTracking().SingleAsync());
        Assert.Equal(("Kim Minjun", "Vice dean"), (edited.Name, edited.Role));

        var stale = await client.PostFormAsync(url, url + "?handler=SaveContact", new()
        {
            ["contactId"] = contact.Id.ToString(), ["contactVersion"] = "1", ["Contact.Name"] = "Someone else",
        });
        Assert.Contains("changed by someone else", await stale.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, url + "?handler=DeleteContact", new() { ["contactId"] = contact.Id.ToString() })).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<PartnerContact>().AnyAsync()));
    }
}
