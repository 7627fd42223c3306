using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.BrowserTests.Pages;
using Waishi.BrowserTests.Support;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Jobs;
using Waishi.Web.Platform.Tenancy;
using static Microsoft.Playwright.Assertions;

namespace Waishi.BrowserTests;

/// <summary>An official trip abroad from application to its end, as the people involved do it in the browser.</summary>
public sealed class TripJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Runs an hourly job now, as the scheduler would at the app's current time.</summary>
    private async Task RunJobAsync(string name)
    {
        var job = app.Services.GetServices<IRecurringJob>().Single(j => j.Name == name);
        await using var scope = app.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
        await job.RunAsync(new JobRun(name, app.Clock.GetUtcNow().UtcDateTime, scope.ServiceProvider), CancellationToken.None);
    }

    private async Task<IPage> AsAsync(string userName)
    {
        var page = await app.NewPageAsync();
        await new SignInPage(page).SignInAsync(userName);
        return page;
    }

    /// <summary>The decider opens the case from "Awaiting me" and decides it.</summary>
    private async Task DecideAsync(string userName, string title, string action, string? comment = null)
    {
        var page = await AsAsync(userName);
        await page.GotoAsync("/Workflow/Awaiting");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(title)) }).First.ClickAsync();
        if (comment is not null)
        {
            await page.Locator("#Form_Comment").FillAsync(comment);
        }
        await page.Locator($"button[name='Form.Action'][value='{action}']").ClickAsync();
        await Expect(page.GetByTestId("form-message")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_trip_is_filed_returned_fixed_approved_through_publicity_the_passport_goes_out_and_back_and_the_report_is_filed()
    {
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        var departure = today.AddDays(45);
        var applicantId = await WithDbAsync(db => db.Users.Where(u => u.UserName == "cqu.applicant").Select(u => u.StaffMemberId!.Value).SingleAsync());
        var colleague = await WithDbAsync(async db =>
        {
            var applicant = await db.Users.Where(u => u.UserName == "cqu.applicant").Select(u => u.StaffMemberId).SingleAsync();
            var unit = await db.Set<StaffMember>().Where(s => s.Id == applicant).Select(s => s.UnitId).SingleAsync();
            var withAccounts = await db.Users.Where(u => u.StaffMemberId != null).Select(u => u.StaffMemberId!.Value).ToListAsync();
            return await db.Set<StaffMember>().Where(s => s.UnitId == unit && s.Id != applicant && s.IsActive && !withAccounts.Contains(s.Id))
                .OrderBy(s => s.StaffNumber).FirstAsync();
        });

        // The applicant files a trip with a colleague and a five-day itinerary.
        var page = await AsAsync("cqu.applicant");
        await page.GotoAsync("/Trips/Create");
        await page.Locator("#Form_Title").FillAsync("Robotics conference in Tokyo");
        await page.Locator("#Form_DepartureDate").FillAsync(departure.ToString("yyyy-MM-dd"));
        await page.Locator("#Form_ReturnDate").FillAsync(departure.AddDays(4).ToString("yyyy-MM-dd"));
        await page.Locator("#Form_InvitingOrganisation").FillAsync("University of Tokyo");
        await page.Locator("#Form_Purpose").FillAsync("Present a paper on legged robots");
        await page.Locator("#Form_FundingSource").FillAsync("Research grant");
        await page.Locator("input[name='Form.Destinations[0].CountryCode']").FillAsync("JP");
        await page.Locator("input[name='Form.Destinations[0].City']").FillAsync("Tokyo");
        await page.Locator("input[name='Form.Budget[0].Amount']").FillAsync("12000");
        await page.Locator("input[name='Form.Itinerary[0].Date']").FillAsync(departure.ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();
        await page.Locator("select[name='Form.Members[1].StaffMemberId']").SelectOptionAsync(colleague.Id.ToString());
        for (var day = 1; day < 5; day++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Add day" }).ClickAsync();
        }
        for (var day = 0; day < 5; day++)
        {
            await page.Locator($"input[name='Form.Itinerary[{day}].City']").FillAsync("Tokyo");
            await page.Locator($"input[name='Form.Itinerary[{day}].Activity']").FillAsync(day == 0 ? "Arrive" : "Sessions");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("In review");
        await Expect(page.GetByTestId("members")).ToContainTextAsync(colleague.NameEn ?? colleague.NameZh);
        var number = await page.GetByTestId("number").InnerTextAsync();
        var tripUrl = page.Url;
        var tripId = Guid.Parse(tripUrl.Split('/').Last());

        // The unit head returns it with a comment; the applicant fixes it and submits again.
        await DecideAsync("cqu.unit-head", number, "Return", "Say which paper you present.");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("Returned for revision");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("Say which paper you present.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Revise and resubmit" }).ClickAsync();
        await page.Locator("#Form_Purpose").FillAsync("Present the paper \"Legged robots on stairs\"");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("In review");

        // The chain approves: unit head, exit officer, director. The trip goes on public notice.
        await DecideAsync("cqu.unit-head", number, "Approve");
        await DecideAsync("cqu.officer-exit", number, "Approve");
        await DecideAsync("cqu.director", number, "Approve");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("In publicity");
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync("/Public/Notices");
        await Expect(visitor.GetByTestId("publicity")).ToContainTextAsync(number);
        await Expect(visitor.GetByTestId("publicity")).ToContainTextAsync("Tokyo (JP)");

        // A week later the publicity period has ended without objection: the trip is approved.
        app.Clock.Advance(TimeSpan.FromDays(8));
        await RunJobAsync("trip-publicity");
        page = await AsAsync("cqu.applicant");
        await page.GotoAsync(tripUrl);
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("Approved");
        await visitor.ReloadAsync();
        await Expect(visitor.GetByText(number)).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("approval-document")).ToBeVisibleAsync();

        // The exit officer registers the applicant's official passport and checks it out for the trip.
        var officer = await AsAsync("cqu.officer-exit");
        await officer.GotoAsync("/TravelDocuments/Create");
        await officer.Locator("#Form_Type").SelectOptionAsync("OfficialPassport");
        await officer.Locator("#Form_Number").FillAsync("E98765432");
        await officer.Locator("#Form_HolderId").SelectOptionAsync(applicantId.ToString());
        var now = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        await officer.Locator("#Form_IssueDate").FillAsync(now.AddYears(-2).ToString("yyyy-MM-dd"));
        await officer.Locator("#Form_ExpiryDate").FillAsync(now.AddYears(8).ToString("yyyy-MM-dd"));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(officer.GetByTestId("status")).ToHaveTextAsync("In custody");
        await officer.GetByTestId("check-out").ClickAsync();
        await officer.Locator("#TripId").SelectOptionAsync(tripId.ToString());
        await officer.GetByRole(AriaRole.Button, new() { Name = "Check out" }).ClickAsync();
        await Expect(officer.GetByTestId("status")).ToHaveTextAsync("Checked out");
        await Expect(officer.GetByTestId("due")).ToContainTextAsync(departure.AddDays(4 + 7).ToString("yyyy-MM-dd"));
        var documentUrl = officer.Url;

        // The delegation travels and comes back; a few days later the passport is handed back.
        app.Clock.Advance(TimeSpan.FromDays(45));
        officer = await AsAsync("cqu.officer-exit");
        await officer.GotoAsync(documentUrl);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record the return" }).ClickAsync();
        await Expect(officer.GetByTestId("status")).ToHaveTextAsync("In custody");
        await Expect(officer.GetByTestId("ledger")).ToContainTextAsync("Returned");

        // The applicant writes the trip report and the exit officer approves it; it is published.
        page = await AsAsync("cqu.applicant");
        await page.GotoAsync(tripUrl);
        await page.GetByTestId("trip-sections").GetByRole(AriaRole.Link, new() { Name = "Trip report" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Write the report" }).ClickAsync();
        await page.Locator("#Form_Results").FillAsync("Presented the paper; agreed a joint workshop with the host lab.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("report-state")).ToHaveTextAsync("Submitted");
        officer = await AsAsync("cqu.officer-exit");
        await officer.GotoAsync(page.Url);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" }).ClickAsync();
        await Expect(officer.GetByTestId("report-state")).ToHaveTextAsync("Approved");
        await visitor.ReloadAsync();
        await Expect(visitor.Locator("body")).ToContainTextAsync("agreed a joint workshop");
    }
}
