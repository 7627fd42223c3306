using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Api;
using Waishi.Tests.Support;
using Waishi.Web.Features.Projects;
using Waishi.Web.Platform.Data;

namespace Waishi.Tests.Features.Projects;

/// <summary>The project pages: the form keeps what was typed and names each field, edits and deletes are
/// guarded by the version, the list filters and exports, and the partner's page lists its projects.</summary>
public sealed class ProjectPagesTests
{
    [Fact]
    public async Task A_failed_form_keeps_what_was_typed_and_names_each_field_then_saves_edits_and_deletes()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync(ProjectData.Officer);
        var partner = await ProjectData.PartnerAsync(app, "University of Leeds", "GB");

        var refused = await client.PostFormAsync("/Projects/Create", "/Projects/Create", ProjectData.Form([],
            ("Form.Amount", "-1"), ("Form.Currency", "RMB1"), ("Form.EndOn", "2026-01-31")));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("value=\"河流生态联合研究\"", html);
        Assert.Contains("value=\"Hans Müller\"", html);
        Assert.Contains("Choose at least one partner institution.", html);
        Assert.Contains("Enter the amount as zero or more.", html);
        Assert.Contains("three-letter ISO 4217 code", html);
        Assert.Contains("The end date must be on or after the start date 2026-03-01.", html);
        Assert.Contains("which of the project&#x27;s partners", html);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<CooperationProject>().CountAsync()));

        var saved = await client.PostFormAsync("/Projects/Create", "/Projects/Create", ProjectData.Form([partner]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = saved.Headers.Location!.OriginalString;
        var page = await client.GetStringAsync(details);
        Assert.Contains("Joint research on river ecology", page);
        Assert.Contains("250,000.00 CNY", page);
        Assert.Contains("Hans Müller", page);
        var id = Guid.Parse(details.Split('/')[^1]);

        // Someone else saves first: the second edit, made from version 1, gets the stale-edit notice and changes nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Projects/Edit/{id}", $"/Projects/Edit/{id}",
            ProjectData.Form([partner], ("Form.Version", "1"), ("Form.Status", "Suspended")))).StatusCode);
        var stale = await client.PostFormAsync($"/Projects/Edit/{id}", $"/Projects/Edit/{id}",
            ProjectData.Form([partner], ("Form.Version", "1"), ("Form.TitleEn", "Late title")));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("changed by someone else", await stale.Content.ReadAsStringAsync());
        var project = await app.WithDbAsync(db => db.Set<CooperationProject>().SingleAsync(p => p.Id == id));
        Assert.Equal(ProjectStatus.Suspended, project.Status);
        Assert.Equal("Joint research on river ecology", project.TitleEn);
        Assert.Equal(2, project.Version);

        var staleDelete = await client.PostFormAsync(details, $"/Projects/Details/{id}?handler=Delete", new() { ["version"] = "1" });
        Assert.Equal(HttpStatusCode.OK, staleDelete.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(details, $"/Projects/Details/{id}?handler=Delete", new() { ["version"] = "2" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(details)).StatusCode);
    }

    [Fact]
    public async Task Outputs_and_documents_are_added_and_removed_and_documents_are_checked_by_their_bytes()
    {
        await using var app = await AppFactory.CreateAsync();
        var partner = await ProjectData.PartnerAsync(app, "University of Leeds", "GB");
        var id = await ProjectData.ProjectAsync(app, "Materials lab", [partner]);
        var client = await app.SignInAsync(ProjectData.Officer);
        var details = $"/Projects/Details/{id}";

        var noTitle = await client.PostFormAsync(details, $"{details}?handler=AddOutput", new() { ["Output.Kind"] = "Patent", ["Output.Reference"] = "CN123456" });
        var noTitleHtml = await noTitle.Content.ReadAsStringAsync();
        Assert.Contains("Enter the title of the output.", noTitleHtml);
        Assert.Contains("value=\"CN123456\"", noTitleHtml);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(details, $"{details}?handler=AddOutput",
            new() { ["Output.Kind"] = "Publication", ["Output.Title"] = "Layered anodes", ["Output.Date"] = "2026-04-01", ["Output.Reference"] = "https://doi.org/10.1000/182" })).StatusCode);
        Assert.Contains("Layered anodes", await client.GetStringAsync(details));

        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% contract\n%%EOF\n");
        var posted = await UploadAsync(client, details, "Contract", "contract.pdf", pdf);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var fake = await UploadAsync(client, details, "Report", "report.pdf", Encoding.ASCII.GetBytes("just text pretending to be a PDF"));
        Assert.Equal(HttpStatusCode.OK, fake.StatusCode);
        Assert.Contains("report.pdf is none of these", await fake.Content.ReadAsStringAsync());
        var large = new byte[ProjectDocument.MaxBytes + 1];
        pdf.CopyTo(large, 0);
        var tooLarge = await UploadAsync(client, details, "Report", "scan.pdf", large);
        Assert.Contains("the limit is 20 MB", await tooLarge.Content.ReadAsStringAsync());
        var docx = Docx();
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, details, "Report", "report.docx", docx)).StatusCode);
        var zip = ZipWith("readme.txt");
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(client, details, "Other", "archive.docx", zip)).StatusCode);

        var documents = await app.WithDbAsync(db => db.Set<ProjectDocument>().OrderBy(d => d.FileName).ToListAsync());
        Assert.Equal(["contract.pdf", "report.docx"], documents.Select(d => d.FileName));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", documents[1].ContentType);
        var download = await client.GetAsync($"{details}?handler=Document&documentId={documents[0].Id}");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        var api = await client.GetAsync($"/api/v1/projects/{id}/documents/{documents[0].Id}");
        Assert.Equal(pdf, await api.Content.ReadAsByteArrayAsync());

        var otherTenant = await app.SignInAsync("cqupt.officer-global");
        Assert.Equal(HttpStatusCode.NotFound, (await otherTenant.GetAsync($"{details}?handler=Document&documentId={documents[0].Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherTenant.GetAsync($"/api/v1/projects/{id}/documents/{documents[0].Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(details, $"{details}?handler=DeleteDocument",
            new() { ["documentId"] = documents[0].Id.ToString() })).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ProjectDocument>().CountAsync()));

        // A reader sees the project but gets no editing forms and cannot post them.
        var auditor = await app.SignInAsync("cqu.auditor");
        var read = await auditor.GetStringAsync(details);
        Assert.Contains("Layered anodes", read);
        Assert.DoesNotContain("handler=Upload", read);
        var token = await auditor.AntiforgeryTokenAsync(details);
        var denied = await auditor.PostAsync($"{details}?handler=AddOutput", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Output.Kind"] = "Event", ["Output.Title"] = "Sneaky",
        }));
        Assert.Contains("/Account/Denied", denied.Headers.Location?.OriginalString ?? "");
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ProjectOutput>().CountAsync()));
        Assert.NotEqual(HttpStatusCode.OK, (await auditor.GetAsync("/Projects/Create")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await (await app.SignInAsync("cqu.applicant")).GetAsync("/Projects")).StatusCode);
    }

    [Fact]
    public async Task The_list_filters_and_exports_and_the_partner_page_lists_its_projects()
    {
        await using var app = await AppFactory.CreateAsync();
        var leeds = await ProjectData.PartnerAsync(app, "University of Leeds", "GB");
        var kyoto = await ProjectData.PartnerAsync(app, "Kyoto University", "JP", "京都大学");
        var lab = await ProjectData.ProjectAsync(app, "Materials lab", [leeds, kyoto], ProjectKind.JointLaboratory, start: new DateOnly(2020, 5, 1));
        await ProjectData.ProjectAsync(app, "Old river study", [leeds], ProjectKind.JointResearch, ProjectStatus.Completed,
            new DateOnly(2018, 1, 1), new DateOnly(2019, 12, 31));
        var client = await app.SignInAsync("cqu.officer-hmt");

        var all = await client.GetStringAsync("/Projects");
        Assert.Contains("2 project(s)", all);
        var filtered = await client.GetStringAsync("/Projects?Country=JP&Kind=JointLaboratory");
        Assert.Contains($"data-project=\"{lab}\"", filtered);
        Assert.DoesNotContain("Old river study", filtered);
        Assert.DoesNotContain("Materials lab", await client.GetStringAsync("/Projects?Year=2019"));
        Assert.Contains("Materials lab", await client.GetStringAsync("/Projects?Q=kyoto"));

        var csv = await client.GetStringAsync("/Projects?handler=Export&format=csv&Status=Completed");
        Assert.Contains("Old river study", csv);
        Assert.DoesNotContain("Materials lab", csv);
        var xlsx = await client.GetAsync("/Projects?handler=Export&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);

        var chinese = await (await app.SignInAsync("cqu.director", culture: "zh-CN")).GetStringAsync($"/Projects?Partner={kyoto}");
        Assert.Contains("联合实验室/平台", chinese);
        Assert.Contains("共 1 个项目", chinese);
        Assert.Contains("京都大学", chinese);

        var partnerPage = await client.GetStringAsync($"/Partners/Details/{kyoto}");
        Assert.Contains($"/Projects/Details/{lab}", partnerPage);
        Assert.DoesNotContain("Old river study", partnerPage);
        Assert.Contains("No cooperation projects with this partner yet.",
            await client.GetStringAsync($"/Partners/Details/{await ProjectData.PartnerAsync(app, "Lonely College", "US")}"));
    }

    [Fact]
    public async Task Merging_partners_moves_their_projects_and_investigators_and_a_doubled_partner_collapses_on_save()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync(ProjectData.Officer);
        var keep = await ProjectData.PartnerAsync(app, "University of Oxford", "GB");
        var merged = await ProjectData.PartnerAsync(app, "Oxford University", "GB");
        var both = (await (await client.PostJsonAsync("/api/v1/projects", ProjectData.Body([keep, merged],
            ("investigators", new object[] { new { side = "Partner", name = "Ann Lee", partnerId = merged } })))).JsonAsync()).GetProperty("id").GetGuid();
        var only = (await (await client.PostJsonAsync("/api/v1/projects", ProjectData.Body([merged], ("titleEn", "Only the merged one"),
            ("investigators", Array.Empty<object>())))).JsonAsync()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/v1/partners/{merged}")).StatusCode);
        var response = await client.PostJsonAsync($"/api/v1/partners/{keep}/merge", new { mergeId = merged });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        Assert.False(await app.WithDbAsync(db => db.Set<ProjectPartner>().AnyAsync(p => p.PartnerId == merged)));
        Assert.False(await app.WithDbAsync(db => db.Set<ProjectInvestigator>().AnyAsync(p => p.PartnerId == merged)));
        var project = await (await client.GetAsync($"/api/v1/projects/{both}")).JsonAsync();
        Assert.Equal([keep], project.GetProperty("partnerIds").EnumerateArray().Select(p => p.GetGuid()));
        Assert.Equal(keep, project.GetProperty("investigators")[0].GetProperty("partnerId").GetGuid());
        var onlyProject = await (await client.GetAsync($"/api/v1/projects/{only}")).JsonAsync();
        Assert.Equal([keep], onlyProject.GetProperty("partnerIds").EnumerateArray().Select(p => p.GetGuid()));
        var partnerPage = await client.GetStringAsync($"/Partners/Details/{keep}");
        Assert.Contains($"/Projects/Details/{both}", partnerPage);
        Assert.Contains($"/Projects/Details/{only}", partnerPage);

        var edit = await client.GetStringAsync($"/Projects/Edit/{both}");
        var partnerSelect = edit[edit.IndexOf("id=\"Form_PartnerIds\"", StringComparison.Ordinal)..];
        partnerSelect = partnerSelect[..partnerSelect.IndexOf("</select>", StringComparison.Ordinal)];
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(partnerSelect, $"value=\"{keep}\" selected"));
        var version = project.GetProperty("version").GetInt64();
        var saved = await client.PutJsonAsync($"/api/v1/projects/{both}", ProjectData.Body([.. project.GetProperty("partnerIds").EnumerateArray().Select(p => p.GetGuid())],
            ("version", version), ("investigators", Array.Empty<object>())));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ProjectPartner>().CountAsync(p => p.ProjectId == both)));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string details, string kind, string fileName, byte[] bytes)
    {
        var token = await client.AntiforgeryTokenAsync(details);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind), "kind" },
            { new ByteArrayContent(bytes), "file", fileName },
        };
        return await client.PostAsync($"{details}?handler=Upload", content);
    }

    private static byte[] Docx() => ZipWith("[Content_Types].xml", "word/document.xml");

    private static byte[] ZipWith(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        }
        return buffer.ToArray();
    }
}
