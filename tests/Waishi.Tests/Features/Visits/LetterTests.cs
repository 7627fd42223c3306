using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Api;
using Waishi.Tests.Support;
using Waishi.Web.Features.Visits;
using Waishi.Web.Features.Visits.Letters;
using Waishi.Web.Platform.Documents;

namespace Waishi.Tests.Features.Visits;

public sealed class LetterTests
{
    private static async Task<JsonElement> IssueAsync(HttpClient client, Guid visitId, Guid? memberId, bool reissue = false)
    {
        var response = await client.PostJsonAsync($"/api/v1/visits/{visitId}/letters", new { memberId, reissue });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    [Fact]
    public async Task A_member_letter_is_a_bilingual_PDF_with_the_visitors_details_number_and_verification_code()
    {
        await using var app = await AppFactory.CreateAsync();
        var visit = await LetterData.ApprovedVisitAsync(app);
        var maria = visit.Members.Single(m => m.NameLatin == "Maria Schmidt");
        var officer = await app.SignInAsync(LetterData.Officer);

        var issued = await officer.PostFormAsync($"/Visits/Letters/Visit/{visit.Id}", $"/Visits/Letters/Visit/{visit.Id}?handler=Issue",
            new() { ["memberId"] = maria.Id.ToString(), ["reissue"] = "false" });

        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var (letter, document) = await app.WithDbAsync(async db =>
        {
            var l = await db.Set<VisitLetter>().SingleAsync(x => x.VisitId == visit.Id);
            return (l, await db.Set<IssuedDocument>().SingleAsync(d => d.Id == l.DocumentId));
        });
        Assert.Equal(maria.Id, letter.MemberId);
        Assert.Equal(DocumentKinds.InvitationLetter, document.Kind);
        Assert.Equal(maria.Id, document.SubjectId);
        Assert.Matches(@"^\d{4}-0001$", document.Number);
        Assert.Equal(new DateOnly(2027, 3, 1), document.StartDate);
        Assert.Equal(new DateOnly(2027, 3, 4), document.EndDate);
        Assert.DoesNotContain("C01X00T47", document.Names);

        var pdf = await officer.GetAsync($"/Visits/Letters/Visit/{visit.Id}?handler=Pdf&letterId={letter.Id}");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = LetterData.PdfText(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("邀请函", text);
        Assert.Contains("Letter of Invitation", text);
        Assert.Contains("Maria Schmidt", text);
        Assert.Contains("C01X00T47", text);
        Assert.Contains("1975-04-12", text);
        Assert.Contains("Germany", text);
        Assert.Contains("Talks on a joint degree programme", text);
        Assert.Contains("2027-03-01", text);
        Assert.Contains(document.Number, text);
        Assert.Contains(VerificationCode.Format(document.Code), text);
        Assert.Contains("/Public/Verify?code=" + VerificationCode.Format(document.Code), text);
        Assert.DoesNotContain("Jonas Weber", text);
    }

    [Fact]
    public async Task The_delegation_letter_lists_every_member()
    {
        await using var app = await AppFactory.CreateAsync();
        var visit = await LetterData.ApprovedVisitAsync(app);
        var officer = await app.SignInAsync(LetterData.Officer);

        var letter = await IssueAsync(officer, visit.Id, null);

        var text = LetterData.PdfText(await officer.GetByteArrayAsync($"/api/v1/visits/{visit.Id}/letters/{letter.GetProperty("id").GetGuid()}/pdf"));
        Assert.Contains("Maria Schmidt", text);
        Assert.Contains("Jonas Weber", text);
        Assert.Contains("P7788123", text);
        Assert.Contains("Maria Schmidt; Jonas Weber", letter.GetProperty("names").GetString()!.Replace("玛丽亚 ", ""));
    }

    [Fact]
    public async Task An_edited_template_is_previewed_and_used_by_letters_issued_after_it_while_earlier_letters_keep_their_text()
    {
        await using var app = await AppFactory.CreateAsync();
        var visit = await LetterData.ApprovedVisitAsync(app);
        var maria = visit.Members.Single(m => m.IsLeader);
        var jonas = visit.Members.Single(m => !m.IsLeader);
        var officer = await app.SignInAsync(LetterData.Officer);
        var before = await IssueAsync(officer, visit.Id, jonas.Id);
        var fields = new Dictionary<string, string>
        {
            ["Form.TitleZh"] = "访华邀请函", ["Form.TitleEn"] = "Invitation to visit China",
            ["Form.BodyZh"] = "兹邀请{name}（护照{passport}）来访。", ["Form.BodyEn"] = "We invite {name}, holder of passport {passport}, to visit {unit}. {unknown}",
            ["Form.Version"] = "0",
        };

        var preview = await officer.PostFormAsync("/Visits/Letters/Template", "/Visits/Letters/Template", new(fields) { ["action"] = "preview" });
        var previewHtml = await preview.Content.ReadAsStringAsync();
        Assert.Contains("We invite Maria Schmidt, holder of passport C01X00T47", previewHtml);
        Assert.Contains("{unknown}", previewHtml);
        Assert.Null(await app.WithDbAsync(db => db.Set<InvitationLetterTemplate>().FirstOrDefaultAsync()));

        var saved = await officer.PostFormAsync("/Visits/Letters/Template", "/Visits/Letters/Template", new(fields) { ["action"] = "save" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await IssueAsync(officer, visit.Id, maria.Id);

        var text = LetterData.PdfText(await officer.GetByteArrayAsync($"/api/v1/visits/{visit.Id}/letters/{after.GetProperty("id").GetGuid()}/pdf"));
        Assert.Contains("访华邀请函", text);
        Assert.Contains("Invitation to visit China", text);
        Assert.Contains("We invite Maria Schmidt, holder of passport C01X00T47", text);
        Assert.Contains("C01X00T47", text);
        var old = LetterData.PdfText(await officer.GetByteArrayAsync($"/api/v1/visits/{visit.Id}/letters/{before.GetProperty("id").GetGuid()}/pdf"));
        Assert.Contains("Letter of Invitation", old);
        Assert.DoesNotContain("We invite", old);
    }

    [Fact]
    public async Task A_template_with_an_empty_text_is_refused_and_keeps_what_was_typed()
    {
        await using var app = await AppFactory.CreateAsync();
        var officer = await app.SignInAsync(LetterData.Officer);

        var response = await officer.PostFormAsync("/Visits/Letters/Template", "/Visits/Letters/Template", new()
        {
            ["Form.TitleZh"] = "访华邀请函", ["Form.TitleEn"] = "Invitation to visit China", ["Form.BodyZh"] = "兹邀请{name}", ["Form.BodyEn"] = "",
            ["Form.Version"] = "0", ["action"] = "save",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("English text", html);
        Assert.Contains("访华邀请函", html);
        Assert.Null(await app.WithDbAsync(db => db.Set<InvitationLetterTemplate>().FirstOrDefaultAsync()));
    }

    [Fact]
    public async Task Letters_issued_at_the_same_moment_get_consecutive_numbers_and_never_share_one()
    {
        await using var app = await AppFactory.CreateAsync();
        var visit = await LetterData.ApprovedVisitAsync(app, extraMembers: 6);
        var clients = new[] { await app.SignInAsync(LetterData.Officer), await app.SignInAsync("cqu.director") };

        var responses = await Task.WhenAll(visit.Members.Select((m, i) =>
            clients[i % clients.Length].PostJsonAsync($"/api/v1/visits/{visit.Id}/letters", new { memberId = m.Id })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = await app.WithDbAsync(db => db.Set<IssuedDocument>().Where(d => d.Kind == DocumentKinds.InvitationLetter).Select(d => d.Number).ToListAsync());
        Assert.Equal(8, numbers.Count);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"{i:0000}"), numbers.Select(n => n[^4..]).Order());
        Assert.Equal(8, await app.WithDbAsync(db => db.Set<VisitLetter>().CountAsync()));
    }

    [Fact]
    public async Task The_public_check_shows_number_name_and_dates_but_no_passport_or_birth_date_and_a_revoked_letter_says_so()
    {
        await using var app = await AppFactory.CreateAsync();
        var visit = await LetterData.ApprovedVisitAsync(app);
        var maria = visit.Members.Single(m => m.IsLeader);
        var officer = await app.SignInAsync(LetterData.Officer);
        var letter = await IssueAsync(officer, visit.Id, maria.Id);
        var code = letter.GetProperty("verificationCode").GetString()!;
        var number = letter.GetProperty("number").GetString()!;
        var anonymous = app.NewClient();

        var html = await anonymous.GetStringAsync("/Public/Verify?code=" + code);

        Assert.Contains("data-testid=\"valid\"", html);
        Assert.Contains(number, html);
        Assert.Contains("Maria Schmidt", html);
        Assert.Contains("2027-03-01", html);
        Assert.Contains("Invitation letter", html);
        Assert.DoesNotContain("C01X00T47", html);
        Assert.DoesNotContain("1975", html);
        Assert.DoesNotContain("Vice-President", html);

        var revoked = await officer.PostJsonAsync($"/api/v1/visits/{visit.Id}/letters/{letter.GetProperty("id").GetGuid()}/revoke", new { });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        html = await anonymous.GetStringAsync("/Public/Verify?code=" + code);
        Assert.Contains("data-testid=\"revoked\"", html);
        Assert.DoesNotContain("data-testid=\"valid\"", html);

        var again = await IssueAsync(officer, visit.Id, maria.Id);
        Assert.Equal(number + "-2", again.GetProperty("number").GetString());
        Assert.NotEqual(code, again.GetProperty("verificationCode").GetString());
        Assert.Contains("data-testid=\"valid\"", await anonymous.GetStringAsync("/Public/Verify?code=" + again.GetProperty("verificationCode").GetString()));
    }

    [Fact]
    public async Task Issuing_again_returns_the_valid_letter_and_reissue_revokes_it()
    {
        await using var app = await AppFactory.CreateAsync();
        var visit = await LetterData.ApprovedVisitAsync(app);
        var maria = visit.Members.Single(m => m.IsLeader);
        var officer = await app.SignInAsync(LetterData.Officer);
        var first = await IssueAsync(officer, visit.Id, maria.Id);

        var same = await officer.PostJsonAsync($"/api/v1/visits/{visit.Id}/letters", new { memberId = maria.Id });
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(first.GetProperty("id").GetGuid(), (await same.JsonAsync()).GetProperty("id").GetGuid());

        var reissued = await IssueAsync(officer, visit.Id, maria.Id, reissue: true);
        var list = await (await officer.GetAsync($"/api/v1/visits/{visit.Id}/letters")).JsonAsync();
        Assert.Equal(2, list.GetArrayLength());
        Assert.True(list.EnumerateArray().Single(l => l.GetProperty("id").GetGuid() == first.GetProperty("id").GetGuid()).GetProperty("revoked").GetBoolean());
        Assert.False(reissued.GetProperty("revoked").GetBoolean());
    }

    [Fact]
    public async Task Letters_are_refused_for_a_visit_not_approved_and_to_users_who_do_not_issue_them()
    {
        await using var app = await AppFactory.CreateAsync();
        var draft = await LetterData.ApprovedVisitAsync(app, v => v.State = VisitState.InReview);
        var approved = await LetterData.ApprovedVisitAsync(app);
        var officer = await app.SignInAsync(LetterData.Officer);
        var host = await app.SignInAsync(LetterData.Host);

        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostJsonAsync($"/api/v1/visits/{draft.Id}/letters", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostJsonAsync($"/api/v1/visits/{approved.Id}/letters", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostJsonAsync($"/api/v1/visits/{approved.Id}/letters", new { memberId = Guid.NewGuid() })).StatusCode);
        var other = await app.SignInAsync("cqu.officer-exit");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/visits/{approved.Id}/letters")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<IssuedDocument>().CountAsync(d => d.Kind == DocumentKinds.InvitationLetter)));
    }

    [Fact]
    public async Task The_letters_list_filters_searches_and_exports()
    {
        await using var app = await AppFactory.CreateAsync();
        var visit = await LetterData.ApprovedVisitAsync(app);
        var officer = await app.SignInAsync(LetterData.Officer);
        var maria = await IssueAsync(officer, visit.Id, visit.Members.Single(m => m.IsLeader).Id);
        await IssueAsync(officer, visit.Id, visit.Members.Single(m => !m.IsLeader).Id);
        await officer.PostJsonAsync($"/api/v1/visits/{visit.Id}/letters/{maria.GetProperty("id").GetGuid()}/revoke", new { });

        var all = await officer.GetStringAsync("/Visits/Letters");
        Assert.Contains("2 letter(s)", all);
        var revoked = await officer.GetStringAsync("/Visits/Letters?Filter.Status=revoked");
        Assert.Contains("1 letter(s)", revoked);
        Assert.Contains("Maria Schmidt", revoked);
        var search = await officer.GetStringAsync("/Visits/Letters?Filter.Q=weber");
        Assert.Contains("1 letter(s)", search);
        Assert.Contains("Jonas Weber", search);

        var xlsx = await officer.GetAsync("/Visits/Letters?handler=Export&format=xlsx&Filter.Status=valid");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = Sheets.Xlsx(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows[1], c => c.Contains("Jonas Weber"));
    }

    [Fact]
    public async Task Each_tenant_keeps_its_own_template()
    {
        await using var app = await AppFactory.CreateAsync();
        var officer = await app.SignInAsync(LetterData.Officer);
        var other = await app.SignInAsync("cqupt.officer-global");
        await officer.PostFormAsync("/Visits/Letters/Template", "/Visits/Letters/Template", new()
        {
            ["Form.TitleZh"] = "重大邀请函", ["Form.TitleEn"] = "CQU invitation", ["Form.BodyZh"] = "兹邀请{name}", ["Form.BodyEn"] = "We invite {name}",
            ["Form.Version"] = "0", ["action"] = "save",
        });

        var page = await other.GetStringAsync("/Visits/Letters/Template");

        Assert.DoesNotContain("CQU invitation", page);
        Assert.Contains("Letter of Invitation", page);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<InvitationLetterTemplate>().CountAsync()));
    }

    [Fact]
    public async Task The_letter_and_closure_endpoints_are_in_the_OpenAPI_document()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync(LetterData.Officer);

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/visits/{id}/letters", document);
        Assert.Contains("/api/v1/visits/{id}/letters/{letterId}/revoke", document);
        Assert.Contains("/api/v1/visits/{id}/closure", document);
        Assert.Contains("IssueVisitLetter", document);
    }
}
