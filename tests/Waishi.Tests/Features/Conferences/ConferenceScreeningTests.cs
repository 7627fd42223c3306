using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Features.DueDiligence;
using Waishi.Tests.Features.Projects;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Platform.Workflow;
using Waishi.Tests.Support;
using Waishi.Web.Features.Conferences;
using Waishi.Web.Features.DueDiligence.Reviews;
using Waishi.Web.Features.DueDiligence.Screening;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Tests.Features.Conferences;

/// <summary>The foreign co-organisers of a conference are screened; a hit brings the security
/// officer's step into the conference chain, also to a case already in progress.</summary>
public sealed class ConferenceScreeningTests
{
    [Fact]
    public async Task A_listed_co_organiser_is_screened_on_save_and_brings_the_security_step_also_to_a_case_in_progress()
    {
        await using var app = await ReviewApp.CreateReviewAppAsync();
        var kit = new WorkflowKit(app);
        var people = await TripPeople.LoadAsync(app);
        var unit = await ConferenceForms.UnitAsync(app);
        var applicant = await app.SignInAsync("cqu.applicant");

        // A co-organiser linked to a partner: screened under the partner's names, with its country.
        var partner = await ProjectData.PartnerAsync(app, "Tokyo Defence Materials Lab.", "JP");
        var fields = ConferenceForms.Complete(unit, title: "Symposium on armour materials");
        fields.Remove("Form.CoOrganisers[0].Name");
        fields["Form.CoOrganisers[0].PartnerId"] = partner.ToString();
        var listed = await ConferenceForms.CreatedAsync(app, applicant, fields);
        Assert.Equal(ConferenceState.Draft, listed.State);
        var review = Assert.Single(await app.ReviewsAsync(listed.Id));
        Assert.Equal(ScreeningSubjects.Conference, review.SubjectType);
        Assert.Equal(ScreeningReviewState.Open, review.State);
        Assert.Equal("JP", review.CountryCode);

        var submit = await applicant.PostFormAsync($"/Conferences/Details/{listed.Id}", $"/Conferences/Details/{listed.Id}?handler=Submit", []);
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        listed = await ConferenceForms.ReloadAsync(app, listed.Id);
        var listedCase = await kit.CaseAsync(listed.CaseId!.Value);
        Assert.True(listedCase.ScreeningHit);

        // A clean co-organiser (typed in): no review, no security step.
        var plain = await ConferenceForms.CreatedAsync(app, applicant, ConferenceForms.Complete(unit), then: "submit");
        Assert.Empty(await app.ReviewsAsync(plain.Id));
        Assert.False((await kit.CaseAsync(plain.CaseId!.Value)).ScreeningHit);

        var security = await app.SignInAsync("cqu.security-officer");
        var casePage = await security.GetStringAsync($"/Workflow/Case/{listed.CaseId}");
        Assert.Contains("data-testid=\"screening-hit\"", casePage);
        Assert.Contains("Tokyo Defense Materials Laboratory", casePage);
        Assert.Contains($"/Conferences/Details/{listed.Id}", await security.GetStringAsync("/DueDiligence/Reviews?SubjectType=conference"));
        // The conference page shows the open hits to the office roles.
        var officer = await app.SignInAsync("cqu.officer-global");
        Assert.Contains("data-testid=\"screening-hit\"", await officer.GetStringAsync($"/Conferences/Details/{listed.Id}"));
        Assert.DoesNotContain("data-testid=\"screening-hit\"", await officer.GetStringAsync($"/Conferences/Details/{plain.Id}"));

        var at = await kit.ApproveAsync(WorkflowEngine.Result(listedCase), "cqu.unit-head", "cqu.officer-global");
        Assert.Equal(3, at.Step);
        at = await kit.ActAsync("cqu.security-officer", at, WorkflowAction.Approve);
        Assert.True(at.Succeeded, at.Message);
        Assert.Equal(4, at.Step);

        var other = await kit.ApproveAsync(await ScreeningFlow.AtAsync(kit, plain.CaseId!.Value), "cqu.unit-head", "cqu.officer-global");
        Assert.Equal(4, other.Step);

        // A new list entry finds the co-organiser that was screened clean, when the screening job runs.
        app.Entries.Entries.Add(new ScreeningEntry(ScreeningSourceKind.WatchlistEntry, Guid.CreateVersion7(), "Technical University of Munich",
            [new("Technical University of Munich")], "DE", ListName: "Test list"));
        app.Entries.Stamp++;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True(await ScreeningJob.RescreenAsync(scope.ServiceProvider, people.TenantId, CancellationToken.None));
        }
        var late = Assert.Single(await app.ReviewsAsync(plain.Id));
        Assert.Equal(ScreeningSubjects.Conference, late.SubjectType);

        // The hit opened while the case waited for the director: the security officer decides first;
        // marked a false positive, the step goes and the director has the case again.
        var rerouted = await kit.CaseAsync(plain.CaseId!.Value);
        Assert.True(rerouted.ScreeningHit);
        Assert.Equal(3, rerouted.Step);
        Assert.Equal(3, Assert.Single(await kit.HistoryAsync(rerouted.Id), e => e.Action == WorkflowAction.StepAdded).Step);
        await ScreeningFlow.DecideAsync(app, plain.Id, ScreeningReviewState.FalsePositive);
        var back = await kit.CaseAsync(plain.CaseId!.Value);
        Assert.False(back.ScreeningHit);
        Assert.Equal(4, back.Step);
        Assert.Equal(3, Assert.Single(await kit.HistoryAsync(back.Id), e => e.Action == WorkflowAction.StepRemoved).Step);
    }
}
