using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Api;
using Waishi.Tests.Features.Agreements;
using Waishi.Tests.Platform.Workflow;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.DueDiligence.Reviews;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Workflow;
using static Waishi.Tests.Features.DueDiligence.ScreeningFlow;

namespace Waishi.Tests.Features.DueDiligence;

public sealed class ScreeningFlowMergeTests
{
    [Fact]
    public async Task A_merge_closes_the_merged_partners_open_hits_and_screens_the_kept_partner_with_its_names()
    {
        await using var app = await ReviewApp.CreateReviewAppAsync();
        var kit = new WorkflowKit(app);
        var merged = await AgreementData.PartnerAsync(app, ScreeningFlowAgreementTests.Kowloon, "HK");
        var kept = await AgreementData.PartnerAsync(app, "Hong Kong Photonics Centre", "HK");
        var entry = await ListAndRescreenAsync(app, ScreeningFlowAgreementTests.Kowloon, "HK");
        var (id, caseId) = await ScreeningFlowAgreementTests.SubmittedAsync(app, merged);
        Assert.True((await kit.CaseAsync(caseId)).ScreeningHit);
        Assert.Empty(await app.ReviewsAsync(kept));

        var director = await app.SignInAsync("cqu.director");
        var response = await director.PostJsonAsync($"/api/v1/partners/{kept}/merge", new { mergeId = merged });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var old = Assert.Single(await app.ReviewsAsync(merged));
        Assert.Equal(ScreeningReviewState.NoLongerHit, old.State);
        Assert.Equal("Merged into Hong Kong Photonics Centre.", old.Note);
        var moved = Assert.Single(await app.ReviewsAsync(kept));
        Assert.Equal(ScreeningReviewState.Open, moved.State);
        Assert.Equal(entry, moved.EntryId);
        Assert.Equal(ScreeningFlowAgreementTests.Kowloon, moved.ScreenedName);
        Assert.Equal(kept, Assert.Single(await app.WithDbAsync(db => db.Set<AgreementParty>().Where(p => p.AgreementId == id).ToListAsync())).PartnerId);
        // The agreement's case keeps its security step: the kept partner has the hit now.
        var c = await kit.CaseAsync(caseId);
        Assert.True(c.ScreeningHit);
        Assert.DoesNotContain(await kit.HistoryAsync(caseId), e => e.Action == WorkflowAction.StepRemoved);

        await DecideAsync(app, kept, ScreeningReviewState.FalsePositive);
        Assert.False((await kit.CaseAsync(caseId)).ScreeningHit);
        Assert.Single(await kit.HistoryAsync(caseId), e => e.Action == WorkflowAction.StepRemoved);
        Assert.Empty(await app.WithDbAsync(db => db.Set<Partner>().Where(p => p.Id == merged).ToListAsync()));
    }
}
