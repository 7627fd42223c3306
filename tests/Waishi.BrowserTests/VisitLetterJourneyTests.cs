using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.BrowserTests.Pages;
using Waishi.BrowserTests.Support;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Visits;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;
using static Microsoft.Playwright.Assertions;

namespace Waishi.BrowserTests;

/// <summary>After a visit is approved: the global relations officer issues an invitation letter, anyone
/// verifies its code, and the host records the closure after the visit.</summary>
public sealed class VisitLetterJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
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

    [Fact]
    public async Task An_invitation_letter_is_issued_and_verified_and_the_closure_is_recorded()
    {
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        var visit = await WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "cqu.applicant");
            var staff = await db.Set<StaffMember>().SingleAsync(s => s.Id == user.StaffMemberId);
            var v = new Visit
            {
                TenantId = user.TenantId, UnitId = staff.UnitId!.Value, FiledByUserId = user.Id, HostContactId = staff.Id,
                Title = "Journey delegation from Lyon", Purpose = "Joint laboratory talks", Number = "VIS-2026-0901",
                ArrivalDate = today.AddDays(-10), DepartureDate = today.AddDays(-7), State = VisitState.Approved, VipLevel = VipLevel.Important,
                CreatedUtc = DateTime.UtcNow,
            };
            v.Members.Add(new VisitMember
            {
                TenantId = user.TenantId, NameLatin = "Claire Martin", Nationality = "FR", PassportNumber = "19FR55555",
                BirthDate = new DateOnly(1980, 1, 2), Organisation = "Université de Lyon", IsLeader = true,
            });
            db.Add(v);
            await db.SaveChangesAsync();
            return v;
        });

        // The global relations officer issues Claire Martin's letter.
        var officer = await AsAsync("cqu.officer-global");
        await officer.GotoAsync($"/Visits/Letters/Visit/{visit.Id}");
        await officer.GetByTestId("issue").First.ClickAsync();
        await Expect(officer.GetByTestId("status")).ToContainTextAsync("was issued");
        var codeLink = officer.Locator("[data-testid='letters'] td.font-monospace a").First;
        var code = (await codeLink.TextContentAsync())!.Trim();

        // Anyone checks the code on the public page.
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync("/Public/Verify?code=" + code);
        await Expect(visitor.GetByTestId("valid")).ToBeVisibleAsync();
        await Expect(visitor.GetByTestId("names")).ToContainTextAsync("Claire Martin");
        await Expect(visitor.Locator("body")).Not.ToContainTextAsync("19FR55555");

        // The host records who came and what happened.
        var host = await AsAsync("cqu.applicant");
        await host.GotoAsync($"/Visits/Closure/{visit.Id}");
        await host.Locator("#report").FillAsync("Agreed on a joint laboratory.");
        await host.GetByTestId("record").ClickAsync();
        await Expect(host.GetByTestId("closed")).ToBeVisibleAsync();
        var state = await WithDbAsync(db => db.Set<Visit>().Where(v => v.Id == visit.Id).Select(v => v.State).SingleAsync());
        Assert.Equal(VisitState.Closed, state);
    }
}
