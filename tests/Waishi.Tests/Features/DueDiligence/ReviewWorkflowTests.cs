using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Api;
using Waishi.Tests.Features.Agreements;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Platform.Workflow;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.DueDiligence.Reviews;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Tests.Features.DueDiligence;

public sealed class ReviewWorkflowTests
{
    private static async Task<Trip> SubmitTripAsync(ReviewApp app, string invitedBy, string title)
    {
        var people = await TripPeople.LoadAsync(app);
        var applicant = await app.SignInAsync("cqu.applicant");
        var fields = TripForms.Complete(people.Applicant.Id, TripForms.Today.AddDays(45), title: title);
        fields["Form.InvitingOrganisation"] = invitedBy;
        var response = await TripForms.PostAsync(applicant, "/Trips/Create", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await app.WithDbAsync(db => db.Set<Trip>().SingleAsync(t => t.Title == title));
    }

    [Fact]
    public async Task A_trip_invited_by_a_listed_organisation_gets_the_security_step_and_another_does_not()
    {
        await using var app = await ReviewApp.CreateReviewAppAsync();
        var kit = new WorkflowKit(app);
        var listed = await SubmitTripAsync(app, "Tokyo Defence Materials Lab.", "Materials workshop");
        var plain = await SubmitTripAsync(app, "University of Tokyo", "Robotics conference");

        var review = Assert.Single(await app.ReviewsAsync(listed.Id));
        Assert.Equal(ScreeningSubjects.Trip, review.SubjectType);
        Assert.Equal(ScreeningReviewState.Open, review.State);
        Assert.Equal("JP", review.CountryCode);
        Assert.Empty(await app.ReviewsAsync(plain.Id));

        var listedCase = await kit.CaseAsync(listed.CaseId!.Value);
        var plainCase = await kit.CaseAsync(plain.CaseId!.Value);
        Assert.True(listedCase.ScreeningHit);
        Assert.False(plainCase.ScreeningHit);

        var security = await app.SignInAsync("cqu.security-officer");
        var casePage = await security.GetStringAsync($"/Workflow/Case/{listed.CaseId}");
        Assert.Contains("data-testid=\"screening-hit\"", casePage);
        Assert.Contains("Tokyo Defense Materials Laboratory", casePage);
        Assert.Contains("“Tokyo Defense Materials Laboratory”", casePage);
        Assert.DoesNotContain("data-testid=\"screening-hit\"", await security.GetStringAsync($"/Workflow/Case/{plain.CaseId}"));

        var at = await kit.ApproveAsync(WorkflowEngine.Result(listedCase), "cqu.unit-head", "cqu.officer-exit");
        at = await kit.ActAsync("cqu.security-officer", at, WorkflowAction.Approve);
        Assert.True(at.Succeeded, at.Message);

        var other = await kit.ApproveAsync(WorkflowEngine.Result(plainCase), "cqu.unit-head", "cqu.officer-exit");
        var notTheirs = await kit.ActAsync("cqu.security-officer", other, WorkflowAction.Approve);
        Assert.False(notTheirs.Succeeded);
    }

    [Fact]
    public async Task An_agreement_is_not_signed_while_a_party_has_an_open_hit()
    {
        await using var app = await ReviewApp.CreateReviewAppAsync();
        var officer = await app.SignInAsync("cqu.officer-global");
        var created = await officer.PostJsonAsync("/api/v1/partners", new { nameEn = "Harbin Institute of Technology", countryCode = "CN", type = "University" });
        var partner = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var review = Assert.Single(await app.ReviewsAsync(partner));
        var builder = new AgreementBuilder(await AgreementData.TenantIdAsync(app), partner)
            .SignedBy(await AgreementData.UnitIdAsync(app, "CQU-IO"), await AgreementData.UserIdAsync(app, "cqu.officer-global"))
            .InState(AgreementState.ApprovedForSigning);
        var id = await AgreementData.AddAsync(app, builder);
        await AgreementData.AddSignedPdfAsync(app, id);
        var signedOn = AgreementData.Today.ToString("yyyy-MM-dd");

        var refused = await officer.PostJsonAsync($"/api/v1/agreements/{id}/sign", new { signedOn, version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("open screening hit", await refused.Content.ReadAsStringAsync());
        Assert.Equal(AgreementState.ApprovedForSigning, (await AgreementData.LoadAsync(app, id)).State);

        var decided = await app.AsAsync("CQU", "cqu.security-officer", sp => sp.GetRequiredService<ReviewDecisions>()
            .DecideAsync(review.Id, new ReviewDecisionInput(ScreeningReviewState.FalsePositive, null, review.Version)));
        Assert.Equal(ReviewDecisionStatus.Done, decided.Status);
        var signed = await officer.PostJsonAsync($"/api/v1/agreements/{id}/sign", new { signedOn, version = 1 });
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
    }
}
