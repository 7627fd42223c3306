using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Platform.Workflow;
using Waishi.Web.Features.DueDiligence.Reviews;
using Waishi.Web.Features.DueDiligence.Screening;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Notifications;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Tests.Features.DueDiligence;

/// <summary>What the screening flow tests share: a new listed entry and the hourly screening, decisions, cases.</summary>
public static class ScreeningFlow
{
    /// <summary>Lists <paramref name="name"/> as a new watchlist entry and runs the screening job for CQU.</summary>
    public static async Task<Guid> ListAndRescreenAsync(ReviewApp app, string name, string country)
    {
        var id = Guid.CreateVersion7();
        app.Entries.Entries.Add(new ScreeningEntry(ScreeningSourceKind.WatchlistEntry, id, name, [new(name)], country, ListName: "Entity List"));
        app.Entries.Stamp++;
        await RescreenAsync(app);
        return id;
    }

    public static async Task RescreenAsync(ReviewApp app)
    {
        var tenant = await app.WithDbAsync(db => Waishi.Tests.Support.CrossTenant.TenantIdAsync(db, "CQU"));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True(await ScreeningJob.RescreenAsync(scope.ServiceProvider, tenant, CancellationToken.None));
    }

    public static async Task DecideAsync(ReviewApp app, Guid subjectId, ScreeningReviewState outcome, string? note = null)
    {
        var review = Assert.Single(await app.ReviewsAsync(subjectId), r => r.State == ScreeningReviewState.Open);
        var decided = await app.AsAsync("CQU", "cqu.security-officer", sp => sp.GetRequiredService<ReviewDecisions>()
            .DecideAsync(review.Id, new ReviewDecisionInput(outcome, note, review.Version)));
        Assert.Equal(ReviewDecisionStatus.Done, decided.Status);
    }

    public static async Task<WorkflowResult> AtAsync(WorkflowKit kit, Guid caseId) => WorkflowEngine.Result(await kit.CaseAsync(caseId));

    public static Task<int> NotificationsAsync(ReviewApp app, Guid caseId, string userName) =>
        app.WithDbAsync(async db =>
        {
            var user = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
            return await db.Set<OutboxMessage>().CountAsync(m => m.Link == $"/Workflow/Case/{caseId}" && m.RecipientUserId == user);
        });

    /// <summary>A trip of cqu.applicant to Tokyo invited by <paramref name="invitedBy"/>, saved as a draft or submitted.</summary>
    public static async Task<Trip> TripAsync(ReviewApp app, string invitedBy, string title, string action = "submit")
    {
        var people = await TripPeople.LoadAsync(app);
        var applicant = await app.SignInAsync("cqu.applicant");
        var fields = TripForms.Complete(people.Applicant.Id, TripForms.Today.AddDays(45), action, title);
        fields["Form.InvitingOrganisation"] = invitedBy;
        var response = await TripForms.PostAsync(applicant, "/Trips/Create", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await app.WithDbAsync(db => db.Set<Trip>().SingleAsync(t => t.Title == title));
    }
}
