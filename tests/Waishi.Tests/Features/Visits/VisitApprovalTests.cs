using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Features.DueDiligence;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Platform.Workflow;
using Waishi.Tests.Support;
using Waishi.Web.Features.DueDiligence.Reviews;
using Waishi.Web.Features.Visits;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Tests.Features.Visits;

/// <summary>A visit's way through the "visit" chain: the plain path, the leader for important guests,
/// the city for state-level guests, four eyes, and the security step on a screening hit.</summary>
public sealed class VisitApprovalTests
{
    private static async Task<VisitState> StateAsync(AppFactory app, Guid id) =>
        await app.WithDbAsync(db => db.Set<Visit>().Where(v => v.Id == id).Select(v => v.State).SingleAsync());

    [Fact]
    public async Task A_plain_visit_goes_from_the_unit_head_to_global_relations_and_the_director_without_the_city()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var people = await TripPeople.LoadAsync(app);
        var applicant = await app.SignInAsync("cqu.applicant");
        var (visit, at) = await VisitForms.FileAsync(app, applicant, VisitForms.Complete(people.UnitId, VisitForms.Today.AddDays(20)));

        Assert.Equal(VisitState.InReview, visit.State);
        Assert.Matches(@"^VIS-\d{4}-0001$", visit.Number);
        Assert.Equal((CaseState.InProgress, 1), (at.State, at.Step));
        var steps = new List<int>();
        foreach (var user in new[] { "cqu.unit-head", "cqu.officer-global", "cqu.director" })
        {
            at = await kit.ActAsync(user, at, WorkflowAction.Approve);
            Assert.True(at.Succeeded, $"{user}: {at.Message}");
            steps.Add(at.Step);
        }
        Assert.Equal([2, 4, 4], steps);
        Assert.Equal(CaseState.Approved, at.State);
        Assert.Equal(VisitState.Approved, await StateAsync(app, visit.Id));
        Assert.False(await app.WithDbAsync(db => db.Set<WorkflowReferral>().AnyAsync(r => r.CaseId == visit.CaseId)));
        // Approved, the visit's page leads to its invitation letters and its closure.
        var page = await applicant.GetStringAsync($"/Visits/Details/{visit.Id}");
        Assert.Contains($"href=\"/Visits/Letters/Visit/{visit.Id}\"", page);
        Assert.Contains($"href=\"/Visits/Closure/{visit.Id}\"", page);

        var second = VisitForms.Complete(people.UnitId, VisitForms.Today.AddDays(30), title: "Second delegation");
        var (next, _) = await VisitForms.FileAsync(app, applicant, second);
        Assert.Matches(@"^VIS-\d{4}-0002$", next.Number);
    }

    [Fact]
    public async Task Important_guests_add_the_leader_and_state_level_guests_go_on_to_the_city_which_sees_only_the_summary()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var people = await TripPeople.LoadAsync(app);
        var applicant = await app.SignInAsync("cqu.applicant");

        var (important, at) = await VisitForms.FileAsync(app, applicant,
            VisitForms.Complete(people.UnitId, VisitForms.Today.AddDays(20), vip: "Important", title: "Important guests"));
        at = await kit.ApproveAsync(at, "cqu.unit-head", "cqu.officer-global", "cqu.director");
        Assert.Equal((CaseState.InProgress, 5), (at.State, at.Step));
        at = await kit.ApproveAsync(at, "cqu.leader");
        Assert.Equal(CaseState.Approved, at.State);
        Assert.Equal(VisitState.Approved, await StateAsync(app, important.Id));
        Assert.False(await app.WithDbAsync(db => db.Set<WorkflowReferral>().AnyAsync(r => r.CaseId == important.CaseId)));

        var (state, st) = await VisitForms.FileAsync(app, applicant,
            VisitForms.Complete(people.UnitId, VisitForms.Today.AddDays(25), vip: "StateLevel", title: "State guests"));
        st = await kit.ApproveAsync(st, "cqu.unit-head", "cqu.officer-global", "cqu.director", "cqu.leader");
        Assert.Equal((CaseState.InProgress, 6), (st.State, st.Step));
        var referral = await app.WithDbAsync(db => db.Set<WorkflowReferral>().SingleAsync(r => r.CaseId == state.CaseId));
        Assert.True(referral.IsOpen);
        Assert.Contains(state.Number!, referral.Summary);
        Assert.Contains("Evelyn Welch", referral.Summary);
        Assert.Contains("University of Bristol (GB)", referral.Summary);
        Assert.DoesNotContain("GB1234567", referral.Summary);
        Assert.DoesNotContain("3000", referral.Summary);

        // The city reads the routed case, and nothing else of the institution.
        var fao = await app.SignInAsync("cqfao.fao-officer");
        var casePage = await fao.GetStringAsync($"/Workflow/Case/{state.CaseId}");
        Assert.Contains("Evelyn Welch", casePage);
        Assert.DoesNotContain("GB1234567", casePage);
        Assert.Equal(HttpStatusCode.NotFound, (await fao.GetAsync($"/Visits/Details/{state.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fao.GetAsync($"/api/v1/visits/{state.Id}")).StatusCode);
        Assert.DoesNotContain("State guests", await fao.GetStringAsync("/Visits"));
        Assert.Equal(HttpStatusCode.NotFound, (await fao.GetAsync($"/Workflow/Case/{important.CaseId}")).StatusCode);

        st = await kit.ActAsync("cqfao.fao-officer", st, WorkflowAction.Approve);
        Assert.True(st.Succeeded, st.Message);
        Assert.Equal(VisitState.Approved, await StateAsync(app, state.Id));
    }

    [Fact]
    public async Task Nobody_decides_on_a_visit_they_filed_or_host()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var people = await TripPeople.LoadAsync(app);

        // Filed by a global relations officer: she cannot approve the global relations step.
        var officer = await app.SignInAsync("cqu.officer-global");
        var (filed, at) = await VisitForms.FileAsync(app, officer, VisitForms.Complete(people.UnitId, VisitForms.Today.AddDays(20)));
        Assert.Equal(VisitState.InReview, filed.State);
        at = await kit.ApproveAsync(at, "cqu.unit-head");
        var refused = await kit.ActAsync("cqu.officer-global", at, WorkflowAction.Approve);
        Assert.Equal(DecisionStatus.Forbidden, refused.Status);
        Assert.Equal(WorkflowMachine.SelfApprovalMessage, refused.Message);
        Assert.Equal(2, (await kit.CaseAsync(filed.CaseId!.Value)).Step);

        // Hosted by the unit head (the host contact): he cannot approve the unit step.
        var headStaff = await app.WithDbAsync(db => db.Set<AppUser>().Where(u => u.UserName == "cqu.unit-head").Select(u => u.StaffMemberId).SingleAsync());
        var fields = VisitForms.Complete(people.UnitId, VisitForms.Today.AddDays(22), title: "Hosted by the dean");
        fields["Form.HostContactId"] = headStaff!.Value.ToString();
        var (hosted, h) = await VisitForms.FileAsync(app, await app.SignInAsync("cqu.applicant"), fields);
        var involved = await kit.ActAsync("cqu.unit-head", h, WorkflowAction.Approve);
        Assert.Equal(DecisionStatus.Forbidden, involved.Status);
        Assert.Equal(WorkflowEngine.InvolvedMessage, involved.Message);
        Assert.Equal(VisitState.InReview, await StateAsync(app, hosted.Id));
    }

    [Fact]
    public async Task A_returned_visit_is_revised_and_resubmitted_or_withdrawn_and_an_approved_one_cancelled()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var people = await TripPeople.LoadAsync(app);
        var applicant = await app.SignInAsync("cqu.applicant");
        var (visit, at) = await VisitForms.FileAsync(app, applicant, VisitForms.Complete(people.UnitId, VisitForms.Today.AddDays(20)));
        at = await kit.ActAsync("cqu.unit-head", at, WorkflowAction.Return, "Add the agenda of the second day");
        Assert.Equal(VisitState.Returned, await StateAsync(app, visit.Id));

        var version = await app.WithDbAsync(db => db.Set<Visit>().Where(v => v.Id == visit.Id).Select(v => v.Version).SingleAsync());
        var resubmit = await applicant.PostFormAsync($"/Visits/Details/{visit.Id}", $"/Visits/Details/{visit.Id}?handler=Submit",
            new() { ["version"] = version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, resubmit.StatusCode);
        Assert.Equal(VisitState.InReview, await StateAsync(app, visit.Id));
        var c = await kit.CaseAsync(visit.CaseId!.Value);
        Assert.Equal(2, c.Round);

        at = await kit.ActAsync("cqu.unit-head", WorkflowEngine.Result(c), WorkflowAction.Return, "Still missing");
        version = await app.WithDbAsync(db => db.Set<Visit>().Where(v => v.Id == visit.Id).Select(v => v.Version).SingleAsync());
        var withdraw = await applicant.PostFormAsync($"/Visits/Details/{visit.Id}", $"/Visits/Details/{visit.Id}?handler=Withdraw",
            new() { ["version"] = version.ToString(), ["Reason"] = "The guests postponed" });
        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
        Assert.Equal(VisitState.Withdrawn, await StateAsync(app, visit.Id));

        var (approved, ap) = await VisitForms.FileAsync(app, applicant, VisitForms.Complete(people.UnitId, VisitForms.Today.AddDays(25), title: "To cancel"));
        await kit.ApproveAsync(ap, "cqu.unit-head", "cqu.officer-global", "cqu.director");
        version = await app.WithDbAsync(db => db.Set<Visit>().Where(v => v.Id == approved.Id).Select(v => v.Version).SingleAsync());
        var noReason = await applicant.PostFormAsync($"/Visits/Details/{approved.Id}", $"/Visits/Details/{approved.Id}?handler=Cancel",
            new() { ["version"] = version.ToString() });
        Assert.Equal(VisitState.Approved, await StateAsync(app, approved.Id));
        var cancel = await applicant.PostFormAsync($"/Visits/Details/{approved.Id}", $"/Visits/Details/{approved.Id}?handler=Cancel",
            new() { ["version"] = version.ToString(), ["Reason"] = "Flights cancelled" });
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal(VisitState.Cancelled, await StateAsync(app, approved.Id));
    }

    [Fact]
    public async Task A_listed_organisation_in_the_delegation_is_screened_on_save_and_brings_the_security_step_also_to_a_case_in_progress()
    {
        await using var app = await ReviewApp.CreateReviewAppAsync();
        var kit = new WorkflowKit(app);
        var people = await TripPeople.LoadAsync(app);
        var applicant = await app.SignInAsync("cqu.applicant");

        var draft = VisitForms.Complete(people.UnitId, VisitForms.Today.AddDays(20), action: "draft", title: "Materials delegation",
            organisation: "Tokyo Defence Materials Lab.", nationality: "JP");
        var (saved, _) = await VisitForms.FileAsync(app, applicant, draft);
        var review = Assert.Single(await app.ReviewsAsync(saved.Id));
        Assert.Equal(ScreeningSubjects.Visit, review.SubjectType);
        Assert.Equal(ScreeningReviewState.Open, review.State);
        Assert.Equal("JP", review.CountryCode);

        var version = await app.WithDbAsync(db => db.Set<Visit>().Where(v => v.Id == saved.Id).Select(v => v.Version).SingleAsync());
        var submitted = await applicant.PostFormAsync($"/Visits/Details/{saved.Id}", $"/Visits/Details/{saved.Id}?handler=Submit",
            new() { ["version"] = version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var listed = await VisitForms.LoadAsync(app, "Materials delegation");
        var listedCase = await kit.CaseAsync(listed.CaseId!.Value);
        Assert.True(listedCase.ScreeningHit);

        var (plain, plainAt) = await VisitForms.FileAsync(app, applicant, VisitForms.Complete(people.UnitId, VisitForms.Today.AddDays(21)));
        Assert.Empty(await app.ReviewsAsync(plain.Id));
        Assert.False((await kit.CaseAsync(plain.CaseId!.Value)).ScreeningHit);

        var security = await app.SignInAsync("cqu.security-officer");
        var casePage = await security.GetStringAsync($"/Workflow/Case/{listed.CaseId}");
        Assert.Contains("data-testid=\"screening-hit\"", casePage);
        Assert.Contains("Tokyo Defense Materials Laboratory", casePage);
        Assert.Contains("data-testid=\"screening-hit\"", await security.GetStringAsync($"/Visits/Details/{listed.Id}"));
        Assert.DoesNotContain("data-testid=\"screening-hit\"", await security.GetStringAsync($"/Visits/Details/{plain.Id}"));

        var at = await kit.ApproveAsync(WorkflowEngine.Result(listedCase), "cqu.unit-head", "cqu.officer-global");
        Assert.Equal(3, at.Step);
        at = await kit.ActAsync("cqu.security-officer", at, WorkflowAction.Approve);
        Assert.True(at.Succeeded, at.Message);
        Assert.Equal(4, at.Step);

        var other = await kit.ApproveAsync(plainAt, "cqu.unit-head", "cqu.officer-global");
        Assert.Equal(4, other.Step);

        // A new list entry finds the visit that was screened clean, when the screening job runs.
        app.Entries.Entries.Add(new Waishi.Web.Features.DueDiligence.Screening.ScreeningEntry(
            Waishi.Web.Features.DueDiligence.Screening.ScreeningSourceKind.WatchlistEntry, Guid.CreateVersion7(), "University of Bristol",
            [new("University of Bristol")], "GB", ListName: "Test list"));
        app.Entries.Stamp++;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True(await ScreeningJob.RescreenAsync(scope.ServiceProvider, people.TenantId, CancellationToken.None));
        }
        var late = Assert.Single(await app.ReviewsAsync(plain.Id));
        Assert.Equal(ScreeningSubjects.Visit, late.SubjectType);
        Assert.Equal("GB", late.CountryCode);

        // The hit opened while the plain visit waited for the director: its case goes to the
        // security officer first; marked a false positive, the step goes and the director has it again.
        var rerouted = await kit.CaseAsync(plain.CaseId!.Value);
        Assert.True(rerouted.ScreeningHit);
        Assert.Equal(3, rerouted.Step);
        Assert.Equal(3, Assert.Single(await kit.HistoryAsync(rerouted.Id), e => e.Action == WorkflowAction.StepAdded).Step);
        await Waishi.Tests.Features.DueDiligence.ScreeningFlow.DecideAsync(app, plain.Id, ScreeningReviewState.FalsePositive);
        var back = await kit.CaseAsync(plain.CaseId!.Value);
        Assert.False(back.ScreeningHit);
        Assert.Equal(4, back.Step);
        Assert.Equal(3, Assert.Single(await kit.HistoryAsync(back.Id), e => e.Action == WorkflowAction.StepRemoved).Step);
    }
}
