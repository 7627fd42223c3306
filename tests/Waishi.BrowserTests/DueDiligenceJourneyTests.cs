using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.BrowserTests.Pages;
using Waishi.BrowserTests.Support;
using Waishi.Web.Features.DueDiligence.Profiles;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;
using static Microsoft.Playwright.Assertions;

namespace Waishi.BrowserTests;

/// <summary>A partner whose name is a variant of a listed institution: the hit on the partner page, the
/// agreement's security step, the security officer's decision, and the case moving on to the director.</summary>
public sealed class DueDiligenceJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<IPage> AsAsync(string userName)
    {
        var page = await app.NewPageAsync();
        await new SignInPage(page).SignInAsync(userName);
        return page;
    }

    private static ILocator CaseLink(IPage page, string title) =>
        page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(title)) });

    private static async Task ApproveAsync(IPage page, string title)
    {
        await page.GotoAsync("/Workflow/Awaiting");
        await CaseLink(page, title).First.ClickAsync();
        await page.Locator("button[name='Form.Action'][value='Approve']").ClickAsync();
        await Expect(page.GetByTestId("form-message")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_partner_named_like_a_listed_university_is_a_hit_the_security_officer_marks_it_and_the_agreement_moves_on()
    {
        const string title = "Materials science exchange with Harbin";
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        Guid office;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            using var _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            office = await db.Set<OrgUnit>().Where(u => u.Code == "CQU-IO").Select(u => u.Id).SingleAsync();
            // The tenant's risk profiles: the bundled ASPI tracker, as the import page would load it.
            var tenant = await db.Set<Tenant>().Where(t => t.Code == "CQU").Select(t => t.Id).SingleAsync();
            await using var tracker = AspiImportCommand.OpenBundled();
            await new AspiImporter(db, TimeProvider.System).ImportAsync(tracker, tenant);
            // The officer who files the agreement also covers global relations (mainland partners are theirs),
            // so that the demo's global relations officer, who did not file it, reviews it.
            var hmt = await db.Users.Where(u => u.UserName == "cqu.officer-hmt").Select(u => u.Id).SingleAsync();
            db.Add(new RoleAssignment { TenantId = tenant, UserId = hmt, Role = Roles.OfficerGlobal });
            await db.SaveChangesAsync();
        }

        // An officer records the partner under an abbreviated name; saving it screens it.
        var officer = await AsAsync("cqu.officer-hmt");
        await officer.GotoAsync("/Partners/Create");
        await officer.Locator("#Form_NameEn").FillAsync("Harbin Inst. of Technology");
        await officer.Locator("#Form_CountryCode").FillAsync("CN");
        await officer.Locator("#Form_City").FillAsync("Harbin");
        await officer.Locator("#Form_Type").SelectOptionAsync("University");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(officer.Locator("h1")).ToContainTextAsync("Harbin Inst. of Technology");
        await Expect(officer.GetByTestId("partner-screening-hit")).ToContainTextAsync("Harbin Institute of Technology");

        // ... drafts an agreement with it and submits it.
        await officer.GotoAsync("/Agreements/Create");
        await officer.Locator("#Form_Title").FillAsync(title);
        await officer.Locator("#Form_Type").SelectOptionAsync("StudentExchange");
        await officer.Locator("#Form_Parties_0__PartnerId").SelectOptionAsync(new SelectOptionValue { Label = "Harbin Inst. of Technology (CN)" });
        await officer.Locator("#Form_SigningUnitId").SelectOptionAsync(office.ToString());
        await officer.Locator("#Form_EffectiveOn").FillAsync(today.ToString("yyyy-MM-dd"));
        await officer.Locator("#Form_ExpiresOn").FillAsync(today.AddYears(3).ToString("yyyy-MM-dd"));
        await officer.GetByTestId("save").ClickAsync();
        await Expect(officer.GetByTestId("state")).ToHaveTextAsync("Draft");
        var agreementUrl = officer.Url;
        await officer.GetByTestId("submit").ClickAsync();
        await Expect(officer.GetByTestId("state")).ToHaveTextAsync("In review");

        // Global relations approves; the open hit brought the security officer's step.
        var global = await AsAsync("cqu.officer-global");
        await ApproveAsync(global, title);

        // The security officer opens the review from the case and marks it a true match, with a note.
        var security = await AsAsync("cqu.security-officer");
        await security.GotoAsync("/Workflow/Awaiting");
        await CaseLink(security, title).First.ClickAsync();
        var hit = security.GetByTestId("screening-hit");
        await Expect(hit).ToContainTextAsync("Harbin Institute of Technology");
        await hit.GetByRole(AriaRole.Link, new() { Name = "Decide" }).ClickAsync();
        await security.Locator("#TrueMatch").CheckAsync();
        await security.Locator("#Form_Note").FillAsync("The partner is the listed university; cooperation limited to civilian materials science.");
        await security.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await Expect(security).ToHaveURLAsync(new Regex("/DueDiligence/Reviews$"));
        await security.GotoAsync("/DueDiligence/Reviews?State=TrueMatch");
        await Expect(security.GetByTestId("review-row").Filter(new() { HasText = "Harbin Inst. of Technology" })).ToHaveCountAsync(1);

        // The case moves on: where the decision does not close the security step by itself, the officer approves it.
        await security.GotoAsync("/Workflow/Awaiting");
        if (await CaseLink(security, title).CountAsync() > 0)
        {
            await ApproveAsync(security, title);
        }
        var director = await AsAsync("cqu.director");
        await ApproveAsync(director, title);
        await officer.GotoAsync(agreementUrl);
        await Expect(officer.GetByTestId("state")).ToHaveTextAsync("Approved for signing");
    }

    [Fact]
    public async Task A_large_watchlist_upload_goes_to_the_background_and_its_page_follows_it_to_the_report()
    {
        Guid listId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            using var _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var tenant = await db.Set<Tenant>().Where(t => t.Code == "CQU").Select(t => t.Id).SingleAsync();
            var list = new Waishi.Web.Features.DueDiligence.Watchlists.Watchlist { TenantId = tenant, Name = "Large test list", CreatedUtc = DateTime.UtcNow };
            db.Add(list);
            await db.SaveChangesAsync();
            listId = list.Id;
        }
        var csv = "name,alt_names,addresses,source\n" + string.Join("\n", Enumerable.Range(1, 2600).Select(i => $"Listed Trading Company {i},LTC {i},\"Road {i}, Shenzhen, CN\",Test list"));

        var security = await AsAsync("cqu.security-officer");
        await security.GotoAsync($"/DueDiligence/Watchlists/Import/{listId}");
        await security.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "large.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await security.GetByTestId("import").ClickAsync();
        await Expect(security).ToHaveURLAsync(new Regex("/DueDiligence/Watchlists/Progress/"));
        await Expect(security.GetByTestId("import-report")).ToContainTextAsync("2600 entries", new() { Timeout = 120_000 });
    }
}
