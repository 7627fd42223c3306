using System.Net;
using Waishi.Tests.Api;
using Waishi.Tests.Features.Agreements;
using Waishi.Tests.Platform.Workflow;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.DueDiligence.Reviews;
using Waishi.Web.Platform.Workflow;
using static Waishi.Tests.Features.DueDiligence.ScreeningFlow;

namespace Waishi.Tests.Features.DueDiligence;

/// <summary>Hits of an agreement's parties while its case is in progress: the security step follows
/// them, and the final approval waits for every open hit to be decided.</summary>
public sealed class ScreeningFlowAgreementTests
{
    public const string Kowloon = "Kowloon Photonics Institute";
    public const string Victoria = "Victoria Harbour Defence Laboratory";

    /// <summary>A research agreement with Hong Kong <paramref name="partners"/>, signed by the university
    /// (no unit head step) and kept by cqu.officer-hmt, submitted; its case is at the global relations officer.</summary>
    public static async Task<(Guid Agreement, Guid Case)> SubmittedAsync(ReviewApp app, params Guid[] partners)
    {
        var hmt = await AgreementData.UserIdAsync(app, "cqu.officer-hmt");
        var id = await AgreementData.AddAsync(app, new AgreementBuilder(await AgreementData.TenantIdAsync(app), partners)
            .OfType(AgreementType.ResearchCooperation).SignedBy(await AgreementData.UnitIdAsync(app, "CQU-IO"), hmt).CreatedBy(hmt));
        var client = await app.SignInAsync("cqu.officer-hmt");
        var submitted = await client.PostJsonAsync($"/api/v1/agreements/{id}/submit", new { version = (await AgreementData.LoadAsync(app, id)).Version });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var a = await AgreementData.LoadAsync(app, id);
        Assert.Equal(AgreementState.InReview, a.State);
        return (id, a.CaseId!.Value);
    }

    [Fact]
    public async Task A_party_hit_opening_at_the_directors_step_brings_the_security_step_back_and_a_false_positive_hands_it_back()
    {
        await using var app = await ReviewApp.CreateReviewAppAsync();
        var kit = new WorkflowKit(app);
        var partner = await AgreementData.PartnerAsync(app, Kowloon, "HK");
        var (id, caseId) = await SubmittedAsync(app, partner);
        var at = await kit.ApproveAsync(await AtAsync(kit, caseId), "cqu.officer-global");
        Assert.Equal(4, at.Step);

        await ListAndRescreenAsync(app, Kowloon, "HK");

        var c = await kit.CaseAsync(caseId);
        Assert.Equal(3, c.Step);
        Assert.True(c.ScreeningHit);
        Assert.Single(await kit.HistoryAsync(caseId), e => e.Action == WorkflowAction.StepAdded && e.Step == 3);

        await DecideAsync(app, partner, ScreeningReviewState.FalsePositive);

        c = await kit.CaseAsync(caseId);
        Assert.Equal(4, c.Step);
        Assert.Single(await kit.HistoryAsync(caseId), e => e.Action == WorkflowAction.StepRemoved && e.Step == 3);
        at = await kit.ApproveAsync(WorkflowEngine.Result(c), "cqu.director");
        Assert.Equal(CaseState.Approved, at.State);
        Assert.Equal(AgreementState.ApprovedForSigning, (await AgreementData.LoadAsync(app, id)).State);
    }

    [Fact]
    public async Task A_true_match_keeps_the_security_step_of_an_agreement()
    {
        await using var app = await ReviewApp.CreateReviewAppAsync();
        var kit = new WorkflowKit(app);
        var partner = await AgreementData.PartnerAsync(app, Kowloon, "HK");
        var (_, caseId) = await SubmittedAsync(app, partner);

        await ListAndRescreenAsync(app, Kowloon, "HK");
        Assert.True((await kit.CaseAsync(caseId)).ScreeningHit);
        await DecideAsync(app, partner, ScreeningReviewState.TrueMatch, "The listed institute: same address.");

        Assert.True((await kit.CaseAsync(caseId)).ScreeningHit);
        var at = await kit.ApproveAsync(await AtAsync(kit, caseId), "cqu.officer-global");
        Assert.Equal(3, at.Step);
        at = await kit.ApproveAsync(at, "cqu.security-officer", "cqu.director");
        Assert.Equal(CaseState.Approved, at.State);
    }

    [Fact]
    public async Task The_directors_approval_is_refused_while_a_party_has_a_hit_that_opened_after_the_security_step()
    {
        await using var app = await ReviewApp.CreateReviewAppAsync();
        var kit = new WorkflowKit(app);
        var kowloon = await AgreementData.PartnerAsync(app, Kowloon, "HK");
        var victoria = await AgreementData.PartnerAsync(app, Victoria, "HK");
        await ListAndRescreenAsync(app, Kowloon, "HK");
        var (id, caseId) = await SubmittedAsync(app, kowloon, victoria);
        Assert.True((await kit.CaseAsync(caseId)).ScreeningHit);
        var at = await kit.ApproveAsync(await AtAsync(kit, caseId), "cqu.officer-global");
        Assert.Equal(3, at.Step);
        await DecideAsync(app, kowloon, ScreeningReviewState.TrueMatch, "The listed institute; cooperation limited to optics teaching.");
        at = await kit.ApproveAsync(at, "cqu.security-officer");
        Assert.Equal(4, at.Step);

        await ListAndRescreenAsync(app, Victoria, "HK");
        var review = Assert.Single(await app.ReviewsAsync(victoria));
        Assert.Equal(4, (await kit.CaseAsync(caseId)).Step);

        var director = await app.SignInAsync("cqu.director");
        var page = await Waishi.Tests.Features.Trips.TripForms.PostAsync(director, $"/Workflow/Case/{caseId}", new Dictionary<string, string>
        {
            ["Form.Action"] = "Approve", ["Form.Step"] = at.Step.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Version"] = at.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Form.Key"] = Guid.NewGuid().ToString("N"),
        });
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"{Victoria}, a party of this agreement, has an open screening hit", html);
        Assert.Contains($"/DueDiligence/Reviews/Decide/{review.Id}", html);
        var refused = await director.PostJsonAsync($"/api/v1/workflow/cases/{caseId}/decisions", new { action = "Approve", step = at.Step, version = at.Version });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var detail = (await refused.JsonAsync()).GetProperty("detail").GetString();
        Assert.Contains(Victoria, detail);
        Assert.Contains($"/DueDiligence/Reviews/Decide/{review.Id}", detail);
        Assert.Equal(CaseState.InProgress, (await kit.CaseAsync(caseId)).State);
        Assert.Equal(AgreementState.InReview, (await AgreementData.LoadAsync(app, id)).State);

        await DecideAsync(app, victoria, ScreeningReviewState.FalsePositive);
        at = await kit.ApproveAsync(await AtAsync(kit, caseId), "cqu.director");
        Assert.Equal(CaseState.Approved, at.State);
        Assert.Equal(AgreementState.ApprovedForSigning, (await AgreementData.LoadAsync(app, id)).State);
    }
}
