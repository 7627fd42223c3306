using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Api;
using Waishi.Tests.Platform.Workflow;
using Waishi.Tests.Support;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Tests.Features.Agreements;

/// <summary>Submission on the chain of the agreement's type, the review's outcomes, signing, termination and renewal.</summary>
public sealed class AgreementApprovalTests
{
    /// <summary>An HMT draft (a partner in Hong Kong) kept by cqu.officer-hmt, so that the global
    /// relations officer and the director of the demo can review it.</summary>
    private static async Task<Guid> HmtDraftAsync(AppFactory app, string unitCode, AgreementType type = AgreementType.StudentExchange)
    {
        var tenant = await AgreementData.TenantIdAsync(app);
        var partner = await AgreementData.PartnerAsync(app, "University of Hong Kong", "HK");
        var hmt = await AgreementData.UserIdAsync(app, "cqu.officer-hmt");
        return await AgreementData.AddAsync(app, new AgreementBuilder(tenant, partner).OfType(type)
            .SignedBy(await AgreementData.UnitIdAsync(app, unitCode), hmt).CreatedBy(hmt));
    }

    private static async Task<WorkflowResult> CaseAtAsync(AppFactory app, Guid agreementId)
    {
        var a = await AgreementData.LoadAsync(app, agreementId);
        var c = await new WorkflowKit(app).CaseAsync(a.CaseId!.Value);
        return new WorkflowResult(DecisionStatus.Ok, null, c.Id, c.State, c.Step, c.Version);
    }

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, AppFactory app, Guid id) =>
        await client.PostJsonAsync($"/api/v1/agreements/{id}/submit", new { version = (await AgreementData.LoadAsync(app, id)).Version });

    [Fact]
    public async Task Submitting_numbers_the_agreement_and_files_it_on_the_chain_of_its_type_through_to_approved_for_signing()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var id = await HmtDraftAsync(app, "CQU-ME");
        var hmt = await app.SignInAsync("cqu.officer-hmt");

        var submitted = await SubmitAsync(hmt, app, id);

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var a = await AgreementData.LoadAsync(app, id);
        Assert.Equal(AgreementState.InReview, a.State);
        Assert.Matches(@"^AGR-\d{4}-0001$", a.Number);
        var c = await kit.CaseAsync(a.CaseId!.Value);
        Assert.Equal(CaseTypes.AgreementStudentExchange, c.CaseType);
        // A college signs: its head reviews first.
        Assert.Equal(1, c.Step);
        var head = await app.SignInAsync("cqu.unit-head");
        var casePage = await head.GetStringAsync($"/Workflow/Case/{c.Id}");
        Assert.Contains("Agreement: student exchange", casePage);
        // The unit head does not read the agreement register: the case's summary tells what is signed with whom.
        Assert.Contains("University of Hong Kong (HK)", casePage);

        var at = await kit.ApproveAsync(await CaseAtAsync(app, id), "cqu.unit-head", "cqu.officer-global", "cqu.director");

        Assert.Equal(CaseState.Approved, at.State);
        a = await AgreementData.LoadAsync(app, id);
        Assert.Equal(AgreementState.ApprovedForSigning, a.State);
        Assert.NotNull(a.ApprovedUtc);
        var page = await hmt.GetStringAsync($"/Agreements/Details/{id}");
        Assert.Contains($"href=\"/Workflow/Case/{a.CaseId}\"", page);
        Assert.Contains("data-testid=\"sign-form\"", page);
    }

    [Fact]
    public async Task Each_type_has_its_own_chain_and_a_university_level_agreement_skips_the_unit_head()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var id = await HmtDraftAsync(app, "CQU-IO", AgreementType.ResearchCooperation);
        var hmt = await app.SignInAsync("cqu.officer-hmt");

        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(hmt, app, id)).StatusCode);

        var a = await AgreementData.LoadAsync(app, id);
        var c = await kit.CaseAsync(a.CaseId!.Value);
        Assert.Equal(CaseTypes.AgreementResearchCooperation, c.CaseType);
        Assert.Equal(2, c.Step);
        Assert.All(CaseTypes.Agreements, t => Assert.Contains(t, CaseTypes.All));
        Assert.Equal("Agreement: research cooperation", CaseTypes.Label(CaseTypes.AgreementResearchCooperation));
        var chains = await (await app.SignInAsync("cqu.tenant-admin")).GetStringAsync("/Workflow/Chains");
        Assert.Contains("Agreement: student exchange", chains);
    }

    [Fact]
    public async Task A_returned_agreement_is_edited_and_resubmitted_on_its_case_with_its_number()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var id = await HmtDraftAsync(app, "CQU-IO");
        var hmt = await app.SignInAsync("cqu.officer-hmt");
        await SubmitAsync(hmt, app, id);
        var number = (await AgreementData.LoadAsync(app, id)).Number;

        var at = await kit.ActAsync("cqu.officer-global", await CaseAtAsync(app, id), WorkflowAction.Return, "Add the staff quota.");
        Assert.True(at.Succeeded, at.Message);
        Assert.Equal(AgreementState.Returned, (await AgreementData.LoadAsync(app, id)).State);

        var dto = await (await hmt.GetAsync($"/api/v1/agreements/{id}")).JsonAsync();
        var body = AgreementsApiTests.BodyOf(dto, ("title", "Student exchange agreement, revised"));
        Assert.Equal(HttpStatusCode.OK, (await hmt.PutJsonAsync($"/api/v1/agreements/{id}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(hmt, app, id)).StatusCode);

        var a = await AgreementData.LoadAsync(app, id);
        Assert.Equal(AgreementState.InReview, a.State);
        Assert.Equal(number, a.Number);
        Assert.Equal(2, (await kit.CaseAsync(a.CaseId!.Value)).Round);
        await kit.ApproveAsync(await CaseAtAsync(app, id), "cqu.officer-global", "cqu.director");
        Assert.Equal(AgreementState.ApprovedForSigning, (await AgreementData.LoadAsync(app, id)).State);
    }

    [Fact]
    public async Task A_rejected_agreement_is_rejected_and_can_no_longer_be_changed()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var id = await HmtDraftAsync(app, "CQU-IO");
        var hmt = await app.SignInAsync("cqu.officer-hmt");
        await SubmitAsync(hmt, app, id);

        var at = await kit.ActAsync("cqu.officer-global", await CaseAtAsync(app, id), WorkflowAction.Reject, "Not in our strategy.");

        Assert.True(at.Succeeded, at.Message);
        var a = await AgreementData.LoadAsync(app, id);
        Assert.Equal(AgreementState.Rejected, a.State);
        var dto = await (await hmt.GetAsync($"/api/v1/agreements/{id}")).JsonAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await hmt.PutJsonAsync($"/api/v1/agreements/{id}", AgreementsApiTests.BodyOf(dto))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await SubmitAsync(hmt, app, id)).StatusCode);
    }

    [Fact]
    public async Task Two_agreements_submitted_at_once_get_different_numbers()
    {
        await using var app = await AppFactory.CreateAsync();
        var first = await HmtDraftAsync(app, "CQU-IO");
        var second = await HmtDraftAsync(app, "CQU-IO");
        var a = await app.SignInAsync("cqu.officer-hmt");
        var b = await app.SignInAsync("cqu.officer-hmt");

        var answers = await Task.WhenAll(SubmitAsync(a, app, first), SubmitAsync(b, app, second));

        Assert.All(answers, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var numbers = new[] { (await AgreementData.LoadAsync(app, first)).Number, (await AgreementData.LoadAsync(app, second)).Number };
        Assert.Equal(2, numbers.Distinct().Count());
    }

    [Fact]
    public async Task The_same_draft_submitted_twice_at_once_is_filed_once()
    {
        await using var app = await AppFactory.CreateAsync();
        var id = await HmtDraftAsync(app, "CQU-IO");
        var a = await app.SignInAsync("cqu.officer-hmt");
        var b = await app.SignInAsync("cqu.officer-hmt");

        var answers = await Task.WhenAll(SubmitAsync(a, app, id), SubmitAsync(b, app, id));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(r => r.StatusCode).Order());
        var cases = await app.WithDbAsync(db => db.Set<WorkflowCase>().CountAsync(c => c.SubjectId == id));
        Assert.Equal(1, cases);
        Assert.Equal(AgreementState.InReview, (await AgreementData.LoadAsync(app, id)).State);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, byte[] bytes, string kind = "Signed", string name = "signed.pdf")
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return await client.PostAsync($"/api/v1/agreements/{id}/documents?kind={kind}&fileName={name}", content);
    }

    private static async Task<Guid> ApprovedAsync(AppFactory app, Action<AgreementBuilder>? change = null)
    {
        var tenant = await AgreementData.TenantIdAsync(app);
        var partner = await AgreementData.PartnerAsync(app);
        var builder = new AgreementBuilder(tenant, partner).SignedBy(await AgreementData.UnitIdAsync(app, "CQU-IO"), await AgreementData.UserIdAsync(app, "cqu.officer-global"))
            .InState(AgreementState.ApprovedForSigning);
        change?.Invoke(builder);
        return await AgreementData.AddAsync(app, builder);
    }

    [Fact]
    public async Task Recording_the_signing_needs_the_signed_PDF_and_the_effective_date_defaults_to_the_signed_date()
    {
        await using var app = await AppFactory.CreateAsync();
        var id = await ApprovedAsync(app, b => b.Running(null, AgreementData.Today.AddYears(5)));
        var officer = await app.SignInAsync("cqu.officer-global");
        var signedOn = AgreementData.Today.AddDays(-3).ToString("yyyy-MM-dd");

        var refused = await officer.PostJsonAsync($"/api/v1/agreements/{id}/sign", new { signedOn, version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("signed agreement as a PDF", (await refused.JsonAsync()).GetProperty("errors").GetProperty("document")[0].GetString());

        var notPdf = await UploadAsync(officer, id, "PK\u0003\u0004 a word file"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, notPdf.StatusCode);
        Assert.Contains("must be a PDF", (await notPdf.JsonAsync()).GetProperty("errors").GetProperty("document")[0].GetString());
        var uploaded = await UploadAsync(officer, id, AgreementData.Pdf);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var download = await officer.GetAsync((await uploaded.JsonAsync()).GetProperty("downloadUrl").GetString());
        Assert.Equal(AgreementData.Pdf, await download.Content.ReadAsByteArrayAsync());

        var signed = await officer.PostJsonAsync($"/api/v1/agreements/{id}/sign", new { signedOn, version = 1 });

        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var a = await AgreementData.LoadAsync(app, id);
        Assert.Equal(AgreementState.Active, a.State);
        Assert.Equal(AgreementData.Today.AddDays(-3), a.SignedOn);
        Assert.Equal(AgreementData.Today.AddDays(-3), a.EffectiveOn);
        // The signed PDF of a signed agreement stays.
        var documentId = (await (await officer.GetAsync($"/api/v1/agreements/{id}/documents")).JsonAsync())[0].GetProperty("id").GetGuid();
        var delete = await officer.PostFormAsync($"/Agreements/Details/{id}", $"/Agreements/Details/{id}?handler=DeleteDocument",
            new() { ["documentId"] = documentId.ToString() });
        Assert.Contains("cannot be deleted", await delete.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_agreement_signed_within_the_expiring_period_is_expiring_at_once()
    {
        await using var app = await AppFactory.CreateAsync();
        var id = await ApprovedAsync(app, b => b.Running(AgreementData.Today.AddYears(-1), AgreementData.Today.AddDays(100)));
        await AgreementData.AddSignedPdfAsync(app, id);
        var officer = await app.SignInAsync("cqu.officer-global");

        var signed = await officer.PostJsonAsync($"/api/v1/agreements/{id}/sign", new { signedOn = AgreementData.Today.ToString("yyyy-MM-dd"), version = 1 });

        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal(AgreementState.Expiring, (await AgreementData.LoadAsync(app, id)).State);
    }

    [Fact]
    public async Task Terminating_needs_a_date_and_a_reason_and_ends_the_agreement()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await AgreementData.TenantIdAsync(app);
        var id = await AgreementData.AddAsync(app, new AgreementBuilder(tenant, await AgreementData.PartnerAsync(app)).InState(AgreementState.Active));
        var officer = await app.SignInAsync("cqu.officer-global");
        var page = $"/Agreements/Details/{id}";

        var refused = await officer.PostFormAsync(page, page + "?handler=Terminate", new() { ["version"] = "1", ["Termination.TerminatedOn"] = AgreementData.Today.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Give the reason for the termination.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(AgreementState.Active, (await AgreementData.LoadAsync(app, id)).State);

        var done = await officer.PostFormAsync(page, page + "?handler=Terminate", new()
        {
            ["version"] = "1", ["Termination.TerminatedOn"] = AgreementData.Today.ToString("yyyy-MM-dd"), ["Termination.Reason"] = "The partner closed the programme.",
        });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var a = await AgreementData.LoadAsync(app, id);
        Assert.Equal(AgreementState.Terminated, a.State);
        Assert.Equal("The partner closed the programme.", a.TerminationReason);
        Assert.Equal(AgreementData.Today, a.TerminatedOn);
    }

    [Fact]
    public async Task A_renewal_carries_the_terms_into_later_years_and_marks_the_old_agreement_renewed_when_signed()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await AgreementData.TenantIdAsync(app);
        var partner = await AgreementData.PartnerAsync(app);
        var start = AgreementData.Today.AddYears(-4);
        var end = AgreementData.Today.AddDays(60);
        var oldId = await AgreementData.AddAsync(app, new AgreementBuilder(tenant, partner).Running(start, end)
            .WithSignatory("Li Ming", null, start).WithSignatory("Jane Smith", partner, start).InState(AgreementState.Expiring));
        var old = await AgreementData.LoadAsync(app, oldId);
        var officer = await app.SignInAsync("cqu.officer-global");

        var renewed = await officer.PostJsonAsync($"/api/v1/agreements/{oldId}/renew", new { version = old.Version });

        Assert.Equal(HttpStatusCode.Created, renewed.StatusCode);
        var newId = (await renewed.JsonAsync()).GetProperty("id").GetGuid();
        var renewal = await AgreementData.LoadAsync(app, newId);
        Assert.Equal(AgreementState.Draft, renewal.State);
        Assert.Equal(oldId, renewal.RenewsAgreementId);
        Assert.Equal((old.Title, old.Type, old.SubjectAreas), (renewal.Title, renewal.Type, renewal.SubjectAreas));
        Assert.Equal([partner], renewal.Parties.Select(p => p.PartnerId));
        Assert.Equal(["Li Ming", "Jane Smith"], renewal.Signatories.OrderBy(s => s.SortOrder).Select(s => s.Name));
        Assert.All(renewal.Signatories, s => Assert.Null(s.SignedOn));
        Assert.Equal(end.AddDays(1), renewal.EffectiveOn);
        var firstYear = end.AddDays(1).Month <= 9 ? end.Year : end.Year + 1;
        var oldQuotas = old.Quotas.OrderBy(q => q.SortOrder).ToList();
        var newQuotas = renewal.Quotas.OrderBy(q => q.SortOrder).ToList();
        Assert.Equal(oldQuotas.Count, newQuotas.Count);
        Assert.Equal(firstYear, newQuotas.Min(q => q.FirstYear));
        Assert.All(oldQuotas.Zip(newQuotas), x =>
        {
            Assert.Equal(x.First.LastYear - x.First.FirstYear, x.Second.LastYear - x.Second.FirstYear);
            Assert.Equal((x.First.Kind, x.First.Direction, x.First.PlacesPerYear, x.First.MonthsPerYear, x.First.DaysPerYear),
                (x.Second.Kind, x.Second.Direction, x.Second.PlacesPerYear, x.Second.MonthsPerYear, x.Second.DaysPerYear));
        });
        Assert.Contains($"href=\"/Agreements/Details/{newId}\"", await officer.GetStringAsync($"/Agreements/Details/{oldId}"));
        Assert.Contains($"href=\"/Agreements/Details/{oldId}\"", await officer.GetStringAsync($"/Agreements/Details/{newId}"));
        // A second renewal is refused while the first exists.
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostJsonAsync($"/api/v1/agreements/{oldId}/renew", new { version = old.Version })).StatusCode);

        // The renewal is reviewed (here: set approved), signed, and the old agreement becomes renewed in the same save.
        await app.WithDbAsync(async db =>
        {
            var a = await db.Set<Agreement>().SingleAsync(x => x.Id == newId);
            a.State = AgreementState.ApprovedForSigning;
            a.Number = "AGR-2026-0777";
            await db.SaveChangesAsync();
        });
        await AgreementData.AddSignedPdfAsync(app, newId);
        var version = (await AgreementData.LoadAsync(app, newId)).Version;
        var signed = await officer.PostJsonAsync($"/api/v1/agreements/{newId}/sign", new { signedOn = AgreementData.Today.ToString("yyyy-MM-dd"), version });

        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal(AgreementState.Active, (await AgreementData.LoadAsync(app, newId)).State);
        Assert.Equal(AgreementState.Renewed, (await AgreementData.LoadAsync(app, oldId)).State);
    }
}
