using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Api;
using Waishi.Tests.Platform.Workflow;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;
using Waishi.Web.Features.TravelDocuments;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Documents;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Notifications;
using Waishi.Web.Platform.Tenancy;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Tests.Features.Trips;

/// <summary>A trip's way through its approval chain: submission, return and resubmission, the
/// conditional steps, publicity and final approval, amendments.</summary>
public sealed class TripApprovalTests
{
    private static async Task<(Trip Trip, WorkflowResult At)> SubmitAsync(AppFactory app, HttpClient client, Dictionary<string, string> fields)
    {
        var response = await TripForms.PostAsync(client, "/Trips/Create", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var trip = await app.WithDbAsync(db => db.Set<Trip>().OrderByDescending(t => t.CreatedUtc).FirstAsync());
        Assert.NotNull(trip.CaseId);
        return (trip, await AtAsync(app, trip.CaseId!.Value));
    }

    private static async Task<WorkflowResult> AtAsync(AppFactory app, Guid caseId)
    {
        var c = await new WorkflowKit(app).CaseAsync(caseId);
        return new WorkflowResult(DecisionStatus.Ok, null, c.Id, c.State, c.Step, c.Version);
    }

    private static Task<Trip> TripAsync(AppFactory app, Guid id) =>
        app.WithDbAsync(db => db.Set<Trip>().Include(t => t.Members).Include(t => t.Destinations).AsSplitQuery().SingleAsync(t => t.Id == id));

    private static Task ChangeStaffAsync(AppFactory app, Guid staffId, Action<StaffMember> change) => app.WithDbAsync(async db =>
    {
        change(await db.Set<StaffMember>().SingleAsync(s => s.Id == staffId));
        await db.SaveChangesAsync();
    });

    private static Task SetPublicityDaysAsync(AppFactory app, Guid tenantId, int days) => app.WithDbAsync(async db =>
    {
        var policy = TripPolicy.Defaults();
        policy.TenantId = tenantId;
        policy.PublicityWorkingDays = days;
        foreach (var limit in policy.Limits)
        {
            limit.TenantId = tenantId;
        }
        db.Add(policy);
        await db.SaveChangesAsync();
    });

    private static async Task<int> EndPublicityAsync(AppFactory app, DateOnly today)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
        return await TripApproval.EndPublicityAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(),
            scope.ServiceProvider.GetRequiredService<Notifier>(), scope.ServiceProvider.GetRequiredService<ApprovalDocuments>(),
            today, DateTime.UtcNow, CancellationToken.None);
    }

    [Fact]
    public async Task A_returned_trip_is_fixed_resubmitted_approved_through_publicity_and_then_finally_approved()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var people = await TripPeople.LoadAsync(app);
        var applicant = await app.SignInAsync("cqu.applicant");
        var (trip, at) = await SubmitAsync(app, applicant, TripForms.Complete(people.Applicant.Id, TripForms.Today.AddDays(45)));

        Assert.Equal(TripState.Submitted, trip.State);
        Assert.Matches(@"^\d{4}-00001$", trip.Number);
        Assert.Equal(1, at.Step);

        // The unit head returns it; the trip is the applicant's to change again.
        at = await kit.ActAsync("cqu.unit-head", at, WorkflowAction.Return, "Add the second day's meetings.");
        Assert.True(at.Succeeded, at.Message);
        Assert.Equal(TripState.Returned, (await TripAsync(app, trip.Id)).State);
        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync($"/Trips/Edit/{trip.Id}")).StatusCode);

        // The case page sends the applicant to the trip: resubmitting there would skip the trip's checks.
        var casePage = $"/Workflow/Case/{trip.CaseId}";
        Assert.Contains($"href=\"/Trips/Details/{trip.Id}\" data-testid=\"revise\"", await applicant.GetStringAsync(casePage));
        var returned = await kit.CaseAsync(trip.CaseId!.Value);
        var bypass = await applicant.PostFormAsync(casePage, casePage, new Dictionary<string, string>
        {
            ["Form.Action"] = "Resubmit", ["Form.Step"] = returned.Step.ToString(), ["Form.Version"] = returned.Version.ToString(),
            ["Form.Key"] = Guid.NewGuid().ToString("N"),
        });
        Assert.Contains("Revise and resubmit it on its own page", await bypass.Content.ReadAsStringAsync());
        Assert.Equal(TripState.Returned, (await TripAsync(app, trip.Id)).State);

        var fields = TripForms.Complete(people.Applicant.Id, trip.DepartureDate!.Value, title: "Robotics conference, revised");
        fields["Form.Version"] = (await TripAsync(app, trip.Id)).Version.ToString();
        var resubmitted = await TripForms.PostAsync(applicant, $"/Trips/Edit/{trip.Id}", fields);
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        var revised = await TripAsync(app, trip.Id);
        Assert.Equal(TripState.Submitted, revised.State);
        Assert.Equal("Robotics conference, revised", revised.Title);
        Assert.Equal(trip.Number, revised.Number);
        var c = await kit.CaseAsync(trip.CaseId!.Value);
        Assert.Equal((2, 1), (c.Round, c.Step));

        at = await kit.ApproveAsync(await AtAsync(app, c.Id), "cqu.unit-head", "cqu.officer-exit", "cqu.director");
        Assert.Equal(CaseState.Approved, at.State);
        revised = await TripAsync(app, trip.Id);
        Assert.Equal(TripState.Publicity, revised.State);
        Assert.Equal(WorkingDays.After(TripForms.Today, 5), revised.PublicityEndsOn);

        // The notice page shows the trip to anyone, without more than name, unit, destination, dates and purpose.
        var notices = await app.CreateClient().GetStringAsync("/Public/Notices");
        Assert.Contains(revised.Number!, notices);
        Assert.Contains(people.Applicant.NameZh, notices);
        Assert.Contains("Tokyo (JP)", notices);
        Assert.Contains("Present a paper", notices);
        Assert.DoesNotContain(people.Applicant.StaffNumber, notices);
        Assert.DoesNotContain("Research grant", notices);
        Assert.DoesNotContain("8,000.50", notices);

        // Publicity runs to its last day inclusive; the day after, the trip is approved.
        Assert.Equal(0, await EndPublicityAsync(app, revised.PublicityEndsOn!.Value));
        Assert.Equal(1, await EndPublicityAsync(app, revised.PublicityEndsOn!.Value.AddDays(1)));
        var approved = await TripAsync(app, trip.Id);
        Assert.Equal(TripState.Approved, approved.State);
        Assert.NotNull(approved.ApprovedUtc);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<OutboxMessage>()
            .CountAsync(m => m.RecipientUserId == people.ApplicantUserId && m.DeduplicationKey == $"trip-approved:{trip.Id:N}")));
        Assert.DoesNotContain(revised.Number!, await app.CreateClient().GetStringAsync("/Public/Notices"));
        var document = await app.WithDbAsync(db => db.Set<IssuedDocument>().SingleAsync(d => d.SubjectId == trip.Id));
        Assert.False(document.Revoked);

        var details = await applicant.GetStringAsync($"/Trips/Details/{trip.Id}");
        Assert.Contains("Add the second day&#x27;s meetings.", details);
        Assert.Contains("Resubmitted", details);
    }

    [Fact]
    public async Task A_classified_member_brings_in_the_security_officer_and_a_senior_cadre_the_leader_and_the_city()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var people = await TripPeople.LoadAsync(app);
        var withAccounts = await app.WithDbAsync(db => db.Set<AppUser>().Where(u => u.StaffMemberId != null).Select(u => u.StaffMemberId!.Value).ToListAsync());
        var colleague = people.Colleagues.First(s => !withAccounts.Contains(s.Id));
        await ChangeStaffAsync(app, colleague.Id, s => s.IsClassified = true);
        await ChangeStaffAsync(app, people.Applicant.Id, s => s.CadreLevel = CadreLevel.DeputyBureau);
        var applicant = await app.SignInAsync("cqu.applicant");
        var fields = TripForms.Complete(people.Applicant.Id, TripForms.Today.AddDays(45));
        fields["Form.Members[1].StaffMemberId"] = colleague.Id.ToString();
        fields["Form.Members[1].Role"] = "Member";
        var (trip, at) = await SubmitAsync(app, applicant, fields);

        var steps = new List<int>();
        foreach (var user in new[] { "cqu.unit-head", "cqu.officer-exit", "cqu.security-officer", "cqu.director", "cqu.leader" })
        {
            at = await kit.ActAsync(user, at, WorkflowAction.Approve);
            Assert.True(at.Succeeded, $"{user}: {at.Message}");
            steps.Add(at.Step);
        }
        Assert.Equal([2, 3, 4, 5, 6], steps);

        // The city decides from the summary alone.
        var referral = await app.WithDbAsync(db => db.Set<WorkflowReferral>().SingleAsync(r => r.CaseId == trip.CaseId));
        Assert.True(referral.IsOpen);
        Assert.Contains(trip.Number!, referral.Summary);
        Assert.Contains("Tokyo (JP)", referral.Summary);
        Assert.Contains("Delegation of 2", referral.Summary);
        Assert.DoesNotContain("8000", referral.Summary);
        at = await kit.ActAsync("cqfao.fao-officer", at, WorkflowAction.Approve);
        Assert.True(at.Succeeded, at.Message);
        Assert.Equal(TripState.Publicity, (await TripAsync(app, trip.Id)).State);
    }

    [Fact]
    public async Task A_plain_trip_skips_the_conditional_steps_and_a_taiwan_trip_goes_to_the_city()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var people = await TripPeople.LoadAsync(app);
        var applicant = await app.SignInAsync("cqu.applicant");
        var (plain, at) = await SubmitAsync(app, applicant, TripForms.Complete(people.Applicant.Id, TripForms.Today.AddDays(45)));
        at = await kit.ApproveAsync(at, "cqu.unit-head", "cqu.officer-exit", "cqu.director");
        Assert.Equal(CaseState.Approved, at.State);
        Assert.False(await app.WithDbAsync(db => db.Set<WorkflowReferral>().AnyAsync(r => r.CaseId == plain.CaseId)));

        var taiwan = TripForms.Complete(people.Applicant.Id, TripForms.Today.AddDays(60), title: "Exchange in Taipei");
        taiwan["Form.Type"] = "Taiwan";
        taiwan["Form.Destinations[0].CountryCode"] = "TW";
        taiwan["Form.Destinations[0].City"] = "Taipei";
        for (var i = 0; i < 5; i++)
        {
            taiwan[$"Form.Itinerary[{i}].City"] = "Taipei";
        }
        var (_, tw) = await SubmitAsync(app, applicant, taiwan);
        tw = await kit.ApproveAsync(tw, "cqu.unit-head", "cqu.officer-exit", "cqu.director");
        Assert.Equal((CaseState.InProgress, 6), (tw.State, tw.Step));
    }

    [Fact]
    public async Task Nobody_decides_on_a_trip_they_travel_on()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var people = await TripPeople.LoadAsync(app);
        var headStaff = await app.WithDbAsync(db => db.Set<AppUser>().Where(u => u.UserName == "cqu.unit-head").Select(u => u.StaffMemberId).SingleAsync());
        Assert.NotNull(headStaff);
        var applicant = await app.SignInAsync("cqu.applicant");
        var fields = TripForms.Complete(people.Applicant.Id, TripForms.Today.AddDays(45));
        fields["Form.Members[1].StaffMemberId"] = headStaff.ToString()!;
        fields["Form.Members[1].Role"] = "Member";
        var (trip, at) = await SubmitAsync(app, applicant, fields);

        var refused = await kit.ActAsync("cqu.unit-head", at, WorkflowAction.Approve);
        Assert.Equal(DecisionStatus.Forbidden, refused.Status);
        Assert.Equal(WorkflowEngine.InvolvedMessage, refused.Message);
        Assert.Equal(1, (await kit.CaseAsync(trip.CaseId!.Value)).Step);
    }

    [Fact]
    public async Task An_amendment_of_an_approved_trip_is_approved_again_and_the_trip_keeps_both_versions()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var people = await TripPeople.LoadAsync(app);
        await SetPublicityDaysAsync(app, people.TenantId, 0);
        var applicant = await app.SignInAsync("cqu.applicant");
        var departure = TripForms.Today.AddDays(45);
        var (trip, at) = await SubmitAsync(app, applicant, TripForms.Complete(people.Applicant.Id, departure));
        await kit.ApproveAsync(at, "cqu.unit-head", "cqu.officer-exit", "cqu.director");
        trip = await TripAsync(app, trip.Id);
        Assert.Equal(TripState.Approved, trip.State);

        var passport = await app.WithDbAsync(async db =>
        {
            var document = new TravelDocument
            {
                TenantId = people.TenantId, Type = TravelDocumentType.OfficialPassport, Number = "E12345678", HolderId = people.Applicant.Id,
                IssueDate = TripForms.Today.AddYears(-1), ExpiryDate = TripForms.Today.AddYears(5), Status = TravelDocumentStatus.CheckedOut,
                TripId = trip.Id, ReturnDue = departure.AddDays(4 + 7), CreatedUtc = DateTime.UtcNow,
            };
            db.Add(document);
            await db.SaveChangesAsync();
            return document.Id;
        });

        var url = $"/Trips/Amend/{trip.Id}";
        Assert.Contains("Tokyo", await applicant.GetStringAsync(url));
        var same = new Dictionary<string, string>
        {
            ["Form.Version"] = trip.Version.ToString(), ["Form.DepartureDate"] = departure.ToString("yyyy-MM-dd"),
            ["Form.ReturnDate"] = departure.AddDays(4).ToString("yyyy-MM-dd"), ["Form.Destinations[0].CountryCode"] = "JP",
            ["Form.Destinations[0].City"] = "Tokyo", ["Form.Members[0].StaffMemberId"] = people.Applicant.Id.ToString(),
            ["Form.Members[0].Role"] = "Leader", ["Form.Reason"] = "",
        };
        var refused = await applicant.PostFormAsync(url, url, same);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Nothing was changed", page);
        Assert.Contains("Give the reason for the amendment.", page);

        var changed = new Dictionary<string, string>(same)
        {
            ["Form.ReturnDate"] = departure.AddDays(5).ToString("yyyy-MM-dd"),
            ["Form.Destinations[1].CountryCode"] = "JP", ["Form.Destinations[1].City"] = "Osaka",
            ["Form.Reason"] = "A workshop in Osaka was added on the last day.",
        };
        var filed = await applicant.PostFormAsync(url, url, changed);
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var amendment = await app.WithDbAsync(db => db.Set<TripAmendment>().SingleAsync());
        Assert.Equal(AmendmentState.InReview, amendment.State);
        Assert.Equal(departure.AddDays(4), (await TripAsync(app, trip.Id)).ReturnDate);

        // A second amendment waits for the first.
        var second = await applicant.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var c = await kit.CaseAsync(amendment.CaseId!.Value);
        Assert.Equal(CaseTypes.TripAmendment, c.CaseType);
        await kit.ApproveAsync(await AtAsync(app, c.Id), "cqu.unit-head", "cqu.officer-exit", "cqu.director");
        var amended = await TripAsync(app, trip.Id);
        Assert.Equal(TripState.Approved, amended.State);
        Assert.Equal(departure.AddDays(5), amended.ReturnDate);
        Assert.Equal(["Tokyo", "Osaka"], amended.Destinations.OrderBy(d => d.SortOrder).Select(d => d.City));
        Assert.Equal(AmendmentState.Approved, (await app.WithDbAsync(db => db.Set<TripAmendment>().SingleAsync())).State);
        // The approval document of the old terms is revoked and one of the new terms issued.
        var documents = await app.WithDbAsync(db => db.Set<IssuedDocument>().Where(d => d.SubjectId == trip.Id).OrderBy(d => d.IssuedUtc).ToListAsync());
        Assert.Equal([true, false], documents.Select(d => d.Revoked));
        Assert.Equal(departure.AddDays(5), documents[1].EndDate);
        // The passport checked out for the trip is due back after the new return date.
        Assert.Equal(departure.AddDays(5 + 7), await app.WithDbAsync(db => db.Set<TravelDocument>().Where(d => d.Id == passport).Select(d => d.ReturnDue).SingleAsync()));

        var details = await applicant.GetStringAsync($"/Trips/Details/{trip.Id}");
        Assert.Contains("A workshop in Osaka was added on the last day.", details);
        Assert.Contains($"{departure:yyyy-MM-dd} – {departure.AddDays(4):yyyy-MM-dd}; Tokyo (JP)", details);
        Assert.Contains($"{departure:yyyy-MM-dd} – {departure.AddDays(5):yyyy-MM-dd}; Tokyo (JP), Osaka (JP)", details);
    }

    [Fact]
    public async Task A_rejected_trip_is_final_and_cannot_be_edited_or_submitted_again()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var people = await TripPeople.LoadAsync(app);
        var applicant = await app.SignInAsync("cqu.applicant");
        var (trip, at) = await SubmitAsync(app, applicant, TripForms.Complete(people.Applicant.Id, TripForms.Today.AddDays(45)));
        at = await kit.ApproveAsync(at, "cqu.unit-head");
        at = await kit.ActAsync("cqu.officer-exit", at, WorkflowAction.Reject, "No budget left this year.");
        Assert.True(at.Succeeded, at.Message);
        Assert.Equal(TripState.Rejected, (await TripAsync(app, trip.Id)).State);

        var edit = await applicant.GetAsync($"/Trips/Edit/{trip.Id}");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Contains("/Account/Denied", edit.Headers.Location!.ToString());
        var again = await applicant.PostJsonAsync($"/api/v1/trips/{trip.Id}/submit", new { version = (await TripAsync(app, trip.Id)).Version });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var late = await kit.ActAsync("cqu.director", await AtAsync(app, trip.CaseId!.Value), WorkflowAction.Approve);
        Assert.Equal(DecisionStatus.Conflict, late.Status);
        Assert.Equal(TripState.Rejected, (await TripAsync(app, trip.Id)).State);
        Assert.DoesNotContain(trip.Number!, await app.CreateClient().GetStringAsync("/Public/Notices"));
    }

    [Fact]
    public async Task An_objection_during_publicity_withdraws_the_trip_and_publicity_no_longer_approves_it()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var people = await TripPeople.LoadAsync(app);
        var applicant = await app.SignInAsync("cqu.applicant");
        var (trip, at) = await SubmitAsync(app, applicant, TripForms.Complete(people.Applicant.Id, TripForms.Today.AddDays(45)));
        await kit.ApproveAsync(at, "cqu.unit-head", "cqu.officer-exit", "cqu.director");
        trip = await TripAsync(app, trip.Id);
        Assert.Equal(TripState.Publicity, trip.State);

        var url = $"/Trips/Details/{trip.Id}";
        var colleague = await app.SignInAsync("cqu.officer-global");
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync(url)).StatusCode);
        var officer = await app.SignInAsync("cqu.officer-exit");
        var blank = await officer.PostFormAsync(url, url + "?handler=Withdraw", new() { ["version"] = trip.Version.ToString(), ["WithdrawReason"] = " " });
        Assert.Equal(HttpStatusCode.Redirect, blank.StatusCode);
        Assert.Equal(TripState.Publicity, (await TripAsync(app, trip.Id)).State);

        var withdrawn = await officer.PostFormAsync(url, url + "?handler=Withdraw", new()
        {
            ["version"] = trip.Version.ToString(), ["WithdrawReason"] = "An objection: the conference was cancelled.",
        });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        trip = await TripAsync(app, trip.Id);
        Assert.Equal(TripState.Withdrawn, trip.State);
        Assert.Contains("An objection: the conference was cancelled.", await applicant.GetStringAsync(url));
        Assert.DoesNotContain(trip.Number!, await app.CreateClient().GetStringAsync("/Public/Notices"));
        Assert.Equal(0, await EndPublicityAsync(app, trip.PublicityEndsOn!.Value.AddDays(1)));
        Assert.Equal(TripState.Withdrawn, (await TripAsync(app, trip.Id)).State);

        // Withdrawn is final: nothing more to withdraw, amend or edit.
        var again = await officer.PostFormAsync(url, url + "?handler=Withdraw", new() { ["version"] = trip.Version.ToString(), ["WithdrawReason"] = "Again" });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(trip.Version, (await TripAsync(app, trip.Id)).Version);
    }

    [Fact]
    public void Working_days_skip_weekends()
    {
        var friday = new DateOnly(2026, 11, 27);
        Assert.Equal(new DateOnly(2026, 12, 4), WorkingDays.After(friday, 5));
        Assert.Equal(new DateOnly(2026, 11, 30), WorkingDays.After(friday, 1));
        Assert.Equal(friday, WorkingDays.After(friday, 0));
        Assert.Equal(new DateOnly(2026, 11, 30), WorkingDays.After(new DateOnly(2026, 11, 28), 1));
    }
}
