using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.BrowserTests.Pages;
using Waishi.BrowserTests.Support;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;
using static Microsoft.Playwright.Assertions;

namespace Waishi.BrowserTests;

/// <summary>An inbound visit from request to approval, invitation letter and closure, as the people involved do it in the browser.</summary>
public sealed class VisitJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private async Task<IPage> AsAsync(string userName)
    {
        var page = await app.NewPageAsync();
        await new SignInPage(page).SignInAsync(userName);
        return page;
    }

    /// <summary>The decider opens the case from "Awaiting me" and decides it.</summary>
    private async Task DecideAsync(string userName, string title, string action)
    {
        var page = await AsAsync(userName);
        await page.GotoAsync("/Workflow/Awaiting");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(title)) }).First.ClickAsync();
        await page.Locator($"button[name='Form.Action'][value='{action}']").ClickAsync();
        await Expect(page.GetByTestId("form-message")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_host_unit_files_a_state_level_visit_the_city_approves_it_a_letter_is_issued_and_verified_and_the_closure_recorded()
    {
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        var arrival = today.AddDays(30);
        var colleague = await WithDbAsync(async db =>
        {
            var applicant = await db.Users.Where(u => u.UserName == "cqu.applicant").Select(u => u.StaffMemberId).SingleAsync();
            var unit = await db.Set<StaffMember>().Where(s => s.Id == applicant).Select(s => s.UnitId).SingleAsync();
            return await db.Set<StaffMember>().Where(s => s.UnitId == unit && s.Id != applicant && s.IsActive).OrderBy(s => s.StaffNumber).FirstAsync();
        });

        // The host unit's applicant files the visit: a delegation of two, a meeting with a colleague attending, a banquet budget and a gift.
        var page = await AsAsync("cqu.applicant");
        await page.GotoAsync("/Visits/Create");
        await page.Locator("#Form_Title").FillAsync("Delegation of the Free State of Bavaria");
        await page.Locator("#Form_ArrivalDate").FillAsync(arrival.ToString("yyyy-MM-dd"));
        await page.Locator("#Form_DepartureDate").FillAsync(arrival.AddDays(2).ToString("yyyy-MM-dd"));
        await page.Locator("#Form_VipLevel").SelectOptionAsync("StateLevel");
        await page.Locator("#Form_Purpose").FillAsync("Sign a framework agreement on engineering education");
        await page.Locator("input[name='Form.Members[0].NameLatin']").FillAsync("Markus Weber");
        await page.Locator("input[name='Form.Members[0].Nationality']").FillAsync("DE");
        await page.Locator("input[name='Form.Members[0].PassportNumber']").FillAsync("C01X00T47");
        await page.Locator("input[name='Form.Members[0].Organisation']").FillAsync("Bavarian State Ministry of Science");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();
        await page.Locator("input[name='Form.Members[1].NameLatin']").FillAsync("Julia Hoffmann");
        await page.Locator("input[name='Form.Members[1].Organisation']").FillAsync("Technical University of Munich");
        await page.Locator("input[name='Form.Members[1].Nationality']").FillAsync("");
        await page.Locator("input[name='Form.Agenda[0].Date']").FillAsync(arrival.AddDays(1).ToString("yyyy-MM-dd"));
        await page.Locator("input[name='Form.Agenda[0].StartTime']").FillAsync("09:30");
        await page.Locator("input[name='Form.Agenda[0].Description']").FillAsync("Meeting with the president");
        await page.Locator("select[name='Form.Agenda[0].Attendees']").SelectOptionAsync(colleague.Id.ToString());
        await page.Locator("input[name='Form.Budget[0].Amount']").FillAsync("6000");
        await page.Locator("input[name='Form.Gifts[0].Description']").FillAsync("Porcelain vase");

        // The second member's nationality was left out: the form says so and keeps what was typed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Member 2: enter the nationality")).ToBeVisibleAsync();
        await Expect(page.Locator("input[name='Form.Members[1].NameLatin']")).ToHaveValueAsync("Julia Hoffmann");
        await page.Locator("input[name='Form.Members[1].Nationality']").FillAsync("DE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("In review");
        await Expect(page.GetByTestId("agenda")).ToContainTextAsync(colleague.NameEn ?? colleague.NameZh);
        var number = await page.GetByTestId("number").InnerTextAsync();
        Assert.StartsWith("VIS-", number);

        // The chain: unit head, global relations, director, the leader (VIP) and the city (state level).
        await DecideAsync("cqu.unit-head", number, "Approve");
        await DecideAsync("cqu.officer-global", number, "Approve");
        await DecideAsync("cqu.director", number, "Approve");
        await DecideAsync("cqu.leader", number, "Approve");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("In review");
        await DecideAsync("cqfao.fao-officer", number, "Approve");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("Approved");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("Approve");

        // Approved: the global relations officer produces Markus Weber's invitation letter from the visit's page.
        var officer = await AsAsync("cqu.officer-global");
        await officer.GotoAsync(new Uri(page.Url).PathAndQuery);
        await officer.GetByTestId("letters-link").ClickAsync();
        await officer.GetByTestId("issue").First.ClickAsync();
        await Expect(officer.GetByTestId("status")).ToContainTextAsync("was issued");
        var code = (await officer.Locator("[data-testid='letters'] td.font-monospace a").First.TextContentAsync())!.Trim();

        // The consulate checks the code on the public page: the letter, its name and dates, no passport number.
        var consulate = await app.NewPageAsync();
        await consulate.GotoAsync("/Public/Verify?code=" + code);
        await Expect(consulate.GetByTestId("valid")).ToBeVisibleAsync();
        await Expect(consulate.GetByTestId("names")).ToContainTextAsync("Markus Weber");
        await Expect(consulate.Locator("body")).Not.ToContainTextAsync("C01X00T47");

        // After the visit, the host records the closure from the visit's page.
        // (Five weeks on, the sign-in of the morning has expired: the host signs in again.)
        var visitPath = new Uri(page.Url).PathAndQuery;
        app.Clock.Advance(TimeSpan.FromDays(35));
        var host = await AsAsync("cqu.applicant");
        await host.GotoAsync(visitPath);
        await host.GetByTestId("closure-link").ClickAsync();
        await host.Locator("#report").FillAsync("Framework agreement signed; two joint courses planned.");
        await host.GetByTestId("record").ClickAsync();
        await Expect(host.GetByTestId("closed")).ToBeVisibleAsync();
        var closed = await WithDbAsync(db => db.Set<Waishi.Web.Features.Visits.Visit>().Where(v => v.Number == number).Select(v => v.State).SingleAsync());
        Assert.Equal(Waishi.Web.Features.Visits.VisitState.Closed, closed);
    }
}
