using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Api;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Platform.Workflow;
using Waishi.Web.Features.DueDiligence.Reviews;
using Waishi.Web.Features.DueDiligence.Screening;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Workflow;
using static Waishi.Tests.Features.DueDiligence.ScreeningFlow;

namespace Waishi.Tests.Features.DueDiligence;

/// <summary>A hit that opens or closes while a trip's case is in progress adds or removes its security step.</summary>
public sealed class ScreeningFlowTripTests
{
    private const string Kyoto = "Kyoto Advanced Optics Institute";

    [Fact]
    public async Task A_hit_opening_after_the_security_position_brings_the_security_step_back_and_a_false_positive_hands_the_case_back_to_the_director()
    {
        await using var app = await ReviewApp.CreateReviewAppAsync();
        var kit = new WorkflowKit(app);
        var trip = await TripAsync(app, Kyoto, "Optics workshop");
        var caseId = trip.CaseId!.Value;
        var atDirector = await kit.ApproveAsync(await AtAsync(kit, caseId), "cqu.unit-head", "cqu.officer-exit");
        Assert.Equal(4, atDirector.Step);
        Assert.Equal(1, await NotificationsAsync(app, caseId, "cqu.director"));

        await ListAndRescreenAsync(app, Kyoto, "JP");

        var c = await kit.CaseAsync(caseId);
        Assert.Equal(CaseState.InProgress, c.State);
        Assert.Equal(3, c.Step);
        Assert.True(c.ScreeningHit);
        var added = Assert.Single(await kit.HistoryAsync(caseId), e => e.Action == WorkflowAction.StepAdded);
        Assert.Equal(3, added.Step);
        Assert.Equal(1, await NotificationsAsync(app, caseId, "cqu.security-officer"));
        // The director's page is out of date: the case is with the security officer now.
        Assert.False((await kit.ActAsync("cqu.director", atDirector, WorkflowAction.Approve)).Succeeded);
        var security = await app.SignInAsync("cqu.security-officer");
        Assert.Contains("Security review added: screening hit opened", await security.GetStringAsync($"/Workflow/Case/{caseId}"));

        await DecideAsync(app, trip.Id, ScreeningReviewState.FalsePositive);

        c = await kit.CaseAsync(caseId);
        Assert.Equal(4, c.Step);
        Assert.False(c.ScreeningHit);
        var removed = Assert.Single(await kit.HistoryAsync(caseId), e => e.Action == WorkflowAction.StepRemoved);
        Assert.Equal(3, removed.Step);
        Assert.Equal("cqu.security-officer", removed.UserName);
        Assert.Equal(2, await NotificationsAsync(app, caseId, "cqu.director"));
        var approved = await kit.ActAsync("cqu.director", WorkflowEngine.Result(c), WorkflowAction.Approve);
        Assert.True(approved.Succeeded, approved.Message);
    }

    [Fact]
    public async Task A_hit_opening_ahead_of_the_case_adds_the_security_step_in_its_place_and_a_true_match_keeps_it()
    {
        await using var app = await ReviewApp.CreateReviewAppAsync();
        var kit = new WorkflowKit(app);
        var trip = await TripAsync(app, Kyoto, "Optics workshop");
        var caseId = trip.CaseId!.Value;
        Assert.False((await kit.CaseAsync(caseId)).ScreeningHit);

        await ListAndRescreenAsync(app, Kyoto, "JP");

        var c = await kit.CaseAsync(caseId);
        Assert.Equal(1, c.Step);
        Assert.True(c.ScreeningHit);
        Assert.Equal(3, Assert.Single(await kit.HistoryAsync(caseId), e => e.Action == WorkflowAction.StepAdded).Step);

        await DecideAsync(app, trip.Id, ScreeningReviewState.TrueMatch, "Same institute: its site lists the laboratory.");

        c = await kit.CaseAsync(caseId);
        Assert.True(c.ScreeningHit);
        Assert.DoesNotContain(await kit.HistoryAsync(caseId), e => e.Action == WorkflowAction.StepRemoved);
        var at = await kit.ApproveAsync(WorkflowEngine.Result(c), "cqu.unit-head", "cqu.officer-exit");
        Assert.Equal(3, at.Step);
        at = await kit.ApproveAsync(at, "cqu.security-officer");
        Assert.Equal(4, at.Step);
    }

    [Fact]
    public async Task A_hit_closing_before_the_case_reaches_the_security_step_takes_the_step_out()
    {
        await using var app = await ReviewApp.CreateReviewAppAsync();
        var kit = new WorkflowKit(app);
        var trip = await TripAsync(app, "Tokyo Defence Materials Lab.", "Materials workshop");
        var caseId = trip.CaseId!.Value;
        Assert.True((await kit.CaseAsync(caseId)).ScreeningHit);

        await DecideAsync(app, trip.Id, ScreeningReviewState.FalsePositive);

        var c = await kit.CaseAsync(caseId);
        Assert.False(c.ScreeningHit);
        Assert.Equal(1, c.Step);
        Assert.Equal(3, Assert.Single(await kit.HistoryAsync(caseId), e => e.Action == WorkflowAction.StepRemoved).Step);
        var at = await kit.ApproveAsync(WorkflowEngine.Result(c), "cqu.unit-head", "cqu.officer-exit");
        Assert.Equal(4, at.Step);
    }

    [Fact]
    public async Task Hits_closing_and_opening_after_the_security_officer_approved_leave_the_case_where_it_is()
    {
        await using var app = await ReviewApp.CreateReviewAppAsync();
        var kit = new WorkflowKit(app);
        var trip = await TripAsync(app, "Tokyo Defence Materials Lab.", "Materials workshop");
        var caseId = trip.CaseId!.Value;
        var at = await kit.ApproveAsync(await AtAsync(kit, caseId), "cqu.unit-head", "cqu.officer-exit", "cqu.security-officer");
        Assert.Equal(4, at.Step);

        await DecideAsync(app, trip.Id, ScreeningReviewState.FalsePositive);
        Assert.False((await kit.CaseAsync(caseId)).ScreeningHit);
        await ListAndRescreenAsync(app, "Tokyo Defence Materials Lab", "JP");

        var c = await kit.CaseAsync(caseId);
        Assert.True(c.ScreeningHit);
        Assert.Equal(4, c.Step);
        Assert.DoesNotContain(await kit.HistoryAsync(caseId), e => e.Action is WorkflowAction.StepAdded or WorkflowAction.StepRemoved);
    }

    [Fact]
    public async Task A_saved_draft_is_screened_before_it_is_submitted()
    {
        await using var app = await ReviewApp.CreateReviewAppAsync();
        var trip = await TripAsync(app, "Tokyo Defence Materials Lab.", "Materials workshop", action: "draft");

        Assert.Equal(Waishi.Web.Features.Trips.TripState.Draft, trip.State);
        var review = Assert.Single(await app.ReviewsAsync(trip.Id));
        Assert.Equal(ScreeningReviewState.Open, review.State);
        Assert.Equal(FakeEntries.Tokyo, review.EntryId);
    }

    [Fact]
    public async Task An_amendment_to_the_listed_institutions_country_is_screened_and_brings_the_security_step()
    {
        await using var app = await ReviewApp.CreateReviewAppAsync();
        var kit = new WorkflowKit(app);
        const string geneva = "Geneva Precision Optics Institute";
        app.Entries.Entries.Add(new ScreeningEntry(ScreeningSourceKind.WatchlistEntry, Guid.CreateVersion7(), geneva, [new(geneva)], "CH", ListName: "Entity List"));
        app.Entries.Stamp++;
        // Screened with Japan, the first destination, the Swiss entry is a candidate, not a hit.
        var trip = await TripAsync(app, geneva, "Optics visit");
        Assert.DoesNotContain(await app.ReviewsAsync(trip.Id), r => r.State == ScreeningReviewState.Open);
        await kit.ApproveAsync(await AtAsync(kit, trip.CaseId!.Value), "cqu.unit-head", "cqu.officer-exit", "cqu.director");
        await app.WithDbAsync(async db =>
        {
            var saved = await db.Set<Trip>().SingleAsync(t => t.Id == trip.Id);
            saved.State = TripState.Approved;
            await db.SaveChangesAsync();
        });

        var people = await TripPeople.LoadAsync(app);
        var client = await app.SignInAsync("cqu.applicant");
        var filed = await client.PostJsonAsync($"/api/v1/trips/{trip.Id}/amendments", new
        {
            departureDate = trip.DepartureDate!.Value.ToString("yyyy-MM-dd"), returnDate = trip.ReturnDate!.Value.ToString("yyyy-MM-dd"),
            destinations = new[] { new { countryCode = "CH", city = "Geneva" } },
            members = new[] { new { staffMemberId = people.Applicant.Id, role = "Leader" } }, reason = "The workshop moved to Geneva",
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);

        var review = Assert.Single(await app.ReviewsAsync(trip.Id), r => r.State == ScreeningReviewState.Open);
        Assert.Equal("CH", review.CountryCode);
        var amendment = await app.WithDbAsync(db => db.Set<TripAmendment>().SingleAsync(a => a.TripId == trip.Id));
        var c = await kit.CaseAsync(amendment.CaseId!.Value);
        Assert.True(c.ScreeningHit);
        var at = await kit.ApproveAsync(WorkflowEngine.Result(c), "cqu.unit-head", "cqu.officer-exit");
        Assert.Equal(3, at.Step);
    }
}
