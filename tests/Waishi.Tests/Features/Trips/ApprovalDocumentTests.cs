using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Waishi.Tests.Support;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Documents;
using Waishi.Web.Platform.Tenancy;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Tests.Features.Trips;

public sealed class ApprovalDocumentTests
{
    /// <summary>An approved trip of the CQU applicant with a colleague, to Tokyo and Osaka, numbered 2026-0042.</summary>
    internal static async Task<(Trip Trip, TripPeople People)> ApprovedTripAsync(AppFactory app, Action<Trip>? change = null)
    {
        var people = await TripPeople.LoadAsync(app);
        var trip = new TripBuilder(people, TripForms.Today).To("JP", "Osaka").With(people.Colleagues[0]).Change(t =>
        {
            t.State = TripState.Approved;
            t.Number = "2026-0042";
            t.SubmittedUtc = DateTime.UtcNow.AddDays(-10);
            t.ApprovedUtc = DateTime.UtcNow.AddDays(-1);
            t.PublicityEndsOn = TripForms.Today.AddDays(-2);
            t.Purpose = "出席国际机器人大会并作报告";
        }).Build();
        change?.Invoke(trip);
        await app.WithDbAsync(async db =>
        {
            db.Add(trip);
            await db.SaveChangesAsync();
        });
        return (trip, people);
    }

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }

    [Fact]
    public async Task An_approved_trip_downloads_as_a_PDF_with_the_CJK_font_embedded_and_its_Chinese_text_extractable()
    {
        await using var app = await AppFactory.CreateAsync();
        var (trip, people) = await ApprovedTripAsync(app);
        var client = await app.SignInAsync("cqu.applicant");

        var response = await client.GetAsync($"/Trips/{trip.Id}/ApprovalDocument");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        var raw = Encoding.Latin1.GetString(pdf);
        // A TrueType font program is embedded (a subset) and text maps back to Unicode.
        Assert.Contains("/FontFile2", raw);
        Assert.Contains("/ToUnicode", raw);
        using (var parsed = PdfDocument.Open(pdf))
        {
            var fonts = parsed.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
            Assert.NotEmpty(fonts);
        }

        var document = await app.WithDbAsync(db => db.Set<IssuedDocument>().SingleAsync(d => d.SubjectId == trip.Id));
        var text = Text(pdf);
        Assert.Contains("因公出国（境）任务批件", text);
        Assert.Contains("Approval of an official trip abroad", text);
        Assert.Contains(people.Applicant.NameZh, text);
        Assert.Contains(people.Colleagues[0].NameZh, text);
        Assert.Contains("出席国际机器人大会并作报告", text);
        Assert.Contains("University of Tokyo", text);
        Assert.Contains("Osaka", text);
        Assert.Contains("Japan", text);
        Assert.Contains("2026-0042", text);
        Assert.Contains(VerificationCode.Format(document.Code), text);
        Assert.Contains("/Public/Verify?code=" + VerificationCode.Format(document.Code), text);
        Assert.Equal("2026-0042", document.Number);
        Assert.Equal(DocumentKinds.TripApproval, document.Kind);
        Assert.Contains(people.Applicant.NameZh, document.Names);
        Assert.Equal(trip.DepartureDate, document.StartDate);
        Assert.False(document.Revoked);
    }

    [Fact]
    public async Task The_document_is_issued_once_later_downloads_and_the_API_carry_the_same_code()
    {
        await using var app = await AppFactory.CreateAsync();
        var (trip, _) = await ApprovedTripAsync(app);
        var applicant = await app.SignInAsync("cqu.applicant");
        var officer = await app.SignInAsync("cqu.officer-exit");

        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync($"/Trips/{trip.Id}/ApprovalDocument")).StatusCode);
        var api = await officer.GetAsync($"/api/v1/trips/{trip.Id}/approval-document");

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal("application/pdf", api.Content.Headers.ContentType?.MediaType);
        var document = await app.WithDbAsync(db => db.Set<IssuedDocument>().SingleAsync());
        Assert.Contains(VerificationCode.Format(document.Code), Text(await api.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Simultaneous_first_downloads_issue_one_document_and_print_the_same_code()
    {
        await using var app = await AppFactory.CreateAsync();
        var clients = new[] { await app.SignInAsync("cqu.applicant"), await app.SignInAsync("cqu.officer-exit"), await app.SignInAsync("cqu.director") };
        // Several rounds, since a race shows only when the requests interleave the wrong way.
        for (var round = 0; round < 5; round++)
        {
            var number = $"2026-{round + 100:0000}";
            var (trip, _) = await ApprovedTripAsync(app, t => t.Number = number);
            var responses = await Task.WhenAll(clients.Select(c => c.GetAsync($"/Trips/{trip.Id}/ApprovalDocument")));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var document = await app.WithDbAsync(db => db.Set<IssuedDocument>().SingleAsync(d => d.SubjectId == trip.Id));
            foreach (var response in responses)
            {
                Assert.Contains(VerificationCode.Format(document.Code), Text(await response.Content.ReadAsByteArrayAsync()));
            }
        }
    }

    [Fact]
    public async Task The_approval_history_names_who_approved_each_step_and_when()
    {
        await using var app = await AppFactory.CreateAsync();
        var caseId = Guid.CreateVersion7();
        var (trip, _) = await ApprovedTripAsync(app, t => t.CaseId = caseId);
        await app.WithDbAsync(async db =>
        {
            var (version, _) = await WorkflowChains.CurrentAsync(db, trip.TenantId, CaseTypes.Trip);
            db.Add(new WorkflowCase
            {
                Id = caseId, TenantId = trip.TenantId, CaseType = CaseTypes.Trip, SubjectId = trip.Id, Title = trip.Title,
                ChainVersionId = version.Id, State = CaseState.Approved, Step = 4, Round = 1, ApplicantUserId = trip.FiledByUserId,
            });
            var at = new DateTime(2026, 11, 2, 1, 30, 0, DateTimeKind.Utc);
            db.Add(new WorkflowEntry { TenantId = trip.TenantId, CaseId = caseId, Step = 0, Round = 1, Action = WorkflowAction.Submit, UserId = trip.FiledByUserId, UserName = "申请人甲", AtUtc = at });
            db.Add(new WorkflowEntry { TenantId = trip.TenantId, CaseId = caseId, Step = 1, Round = 1, Action = WorkflowAction.Approve, UserId = trip.FiledByUserId, UserName = "院长乙", AtUtc = at.AddDays(1) });
            db.Add(new WorkflowEntry { TenantId = trip.TenantId, CaseId = caseId, Step = 1, Round = 1, Action = WorkflowAction.Comment, UserId = trip.FiledByUserId, UserName = "旁观者丙", AtUtc = at.AddDays(1) });
            db.Add(new WorkflowEntry { TenantId = trip.TenantId, CaseId = caseId, Step = 4, Round = 1, Action = WorkflowAction.Approve, UserId = trip.FiledByUserId, UserName = "处长丁", AtUtc = at.AddDays(2) });
            await db.SaveChangesAsync();
        });
        var client = await app.SignInAsync("cqu.applicant");

        var text = Text(await client.GetByteArrayAsync($"/Trips/{trip.Id}/ApprovalDocument"));

        Assert.Contains("院长乙", text);
        Assert.Contains("Head of unit", text);
        Assert.Contains("处长丁", text);
        Assert.Contains("Director of international affairs", text);
        Assert.Contains("2026-11-03 09:30", text); // China time of the first approval
        Assert.DoesNotContain("旁观者丙", text); // comments are not decisions
    }

    [Theory]
    [InlineData(TripState.Draft)]
    [InlineData(TripState.Submitted)]
    [InlineData(TripState.Publicity)]
    [InlineData(TripState.Rejected)]
    public async Task A_trip_that_is_not_approved_has_no_document_and_says_why(TripState state)
    {
        await using var app = await AppFactory.CreateAsync();
        var (trip, _) = await ApprovedTripAsync(app, t => t.State = state);
        var client = await app.SignInAsync("cqu.applicant");

        var page = await client.GetAsync($"/Trips/{trip.Id}/ApprovalDocument");
        var api = await client.GetAsync($"/api/v1/trips/{trip.Id}/approval-document");

        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("An approval document is issued only for approved trips.", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Contains("only for approved trips", await api.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<IssuedDocument>().CountAsync()));
    }

    [Theory]
    [InlineData("cqupt.officer-exit")] // another tenant
    [InlineData("cqu.officer-global")] // same tenant, but not one who sees the trip
    public async Task Those_who_may_not_see_the_trip_get_404_and_nothing_is_issued(string user)
    {
        await using var app = await AppFactory.CreateAsync();
        var (trip, _) = await ApprovedTripAsync(app);
        var client = await app.SignInAsync(user);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Trips/{trip.Id}/ApprovalDocument")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/trips/{trip.Id}/approval-document")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<IssuedDocument>().CountAsync()));
    }

    [Fact]
    public async Task EnsureIssued_stages_one_document_for_the_caller_to_save_and_refuses_trips_not_approved()
    {
        await using var app = await AppFactory.CreateAsync();
        var (trip, _) = await ApprovedTripAsync(app, t => t.Number = null);
        await using var scope = app.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
        var db = scope.ServiceProvider.GetRequiredService<Waishi.Web.Platform.Data.AppDbContext>();
        var documents = scope.ServiceProvider.GetRequiredService<ApprovalDocuments>();
        var loaded = await db.Set<Trip>().SingleAsync(t => t.Id == trip.Id);

        var first = await documents.EnsureIssuedAsync(db, loaded, CancellationToken.None);
        var again = await documents.EnsureIssuedAsync(db, loaded, CancellationToken.None);

        Assert.Same(first, again);
        Assert.Equal(0, await db.Set<IssuedDocument>().CountAsync());
        await db.SaveChangesAsync();
        Assert.Equal(1, await db.Set<IssuedDocument>().CountAsync());
        Assert.Matches(@"^\d{4}-0001$", first.Number);
        Assert.Equal("重庆大学", first.IssuerZh);

        loaded.State = TripState.Withdrawn;
        await Assert.ThrowsAsync<InvalidOperationException>(() => documents.EnsureIssuedAsync(db, loaded, CancellationToken.None));
    }

    [Fact]
    public async Task Reissuing_after_an_amendment_revokes_the_old_code_and_prints_a_new_one()
    {
        await using var app = await AppFactory.CreateAsync();
        var (trip, _) = await ApprovedTripAsync(app);
        var client = await app.SignInAsync("cqu.applicant");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Trips/{trip.Id}/ApprovalDocument")).StatusCode);
        var old = await app.WithDbAsync(db => db.Set<IssuedDocument>().SingleAsync());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            using var _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
            var db = scope.ServiceProvider.GetRequiredService<Waishi.Web.Platform.Data.AppDbContext>();
            var loaded = await db.Set<Trip>().Include(t => t.Members).Include(t => t.Destinations).SingleAsync(t => t.Id == trip.Id);
            await scope.ServiceProvider.GetRequiredService<ApprovalDocuments>().ReissueAsync(db, loaded, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        var documents = await app.WithDbAsync(db => db.Set<IssuedDocument>().OrderBy(d => d.IssuedUtc).ToListAsync());
        Assert.Equal(2, documents.Count);
        Assert.True(documents.Single(d => d.Id == old.Id).Revoked);
        var current = documents.Single(d => d.Id != old.Id);
        Assert.Equal("2026-0042-2", current.Number);
        Assert.NotEqual(old.Code, current.Code);
        var text = Text(await client.GetByteArrayAsync($"/Trips/{trip.Id}/ApprovalDocument"));
        Assert.Contains(VerificationCode.Format(current.Code), text);
        Assert.DoesNotContain(VerificationCode.Format(old.Code), text);
        var verify = await (await app.NewClient().GetAsync("/Public/Verify?code=" + old.Code)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"revoked\"", verify);
    }
}
