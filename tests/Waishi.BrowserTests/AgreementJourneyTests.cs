using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Waishi.BrowserTests.Pages;
using Waishi.BrowserTests.Support;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Jobs;
using Waishi.Web.Platform.Tenancy;
using static Microsoft.Playwright.Assertions;

namespace Waishi.BrowserTests;

/// <summary>A partner and an agreement with it, from the first draft to the expiring list, in the browser.</summary>
public sealed class AgreementJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<IPage> AsAsync(string userName)
    {
        var page = await app.NewPageAsync();
        await new SignInPage(page).SignInAsync(userName);
        return page;
    }

    private async Task RunJobAsync(string name)
    {
        var job = app.Services.GetServices<IRecurringJob>().Single(j => j.Name == name);
        await using var scope = app.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
        await job.RunAsync(new JobRun(name, app.Clock.GetUtcNow().UtcDateTime, scope.ServiceProvider), CancellationToken.None);
    }

    private async Task ApproveAsync(string userName, string title)
    {
        var page = await AsAsync(userName);
        await page.GotoAsync("/Workflow/Awaiting");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(title)) }).First.ClickAsync();
        await page.Locator("button[name='Form.Action'][value='Approve']").ClickAsync();
        await Expect(page.GetByTestId("form-message")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_partner_is_created_an_agreement_drafted_approved_and_signed_and_it_shows_on_the_expiring_page_when_its_end_is_near()
    {
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        var expiry = today.AddYears(3);
        const string title = "Student exchange with PolyU";
        // The university itself signs, through its international office.
        Guid office;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            using var _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
            office = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OrgUnit>()
                .Where(u => u.Code == "CQU-IO").Select(u => u.Id).SingleAsync();
        }

        // The HMT officer records the partner institution.
        var hmt = await AsAsync("cqu.officer-hmt");
        await hmt.GotoAsync("/Partners/Create");
        await hmt.Locator("#Form_NameEn").FillAsync("The Hong Kong Polytechnic University");
        await hmt.Locator("#Form_NameZh").FillAsync("香港理工大学");
        await hmt.Locator("#Form_CountryCode").FillAsync("HK");
        await hmt.Locator("#Form_City").FillAsync("Hong Kong");
        await hmt.Locator("#Form_Type").SelectOptionAsync("University");
        await hmt.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(hmt.Locator("h1")).ToContainTextAsync("The Hong Kong Polytechnic University");

        // ... drafts a student exchange agreement with it and submits it for review.
        await hmt.GotoAsync("/Agreements/Create");
        await hmt.Locator("#Form_Title").FillAsync(title);
        await hmt.Locator("#Form_Type").SelectOptionAsync("StudentExchange");
        await hmt.Locator("#Form_Parties_0__PartnerId").SelectOptionAsync(new SelectOptionValue { Label = "The Hong Kong Polytechnic University (HK)" });
        await hmt.Locator("#Form_SigningUnitId").SelectOptionAsync(office.ToString());
        await hmt.Locator("#Form_EffectiveOn").FillAsync(today.ToString("yyyy-MM-dd"));
        await hmt.Locator("#Form_ExpiresOn").FillAsync(expiry.ToString("yyyy-MM-dd"));
        await hmt.GetByTestId("save").ClickAsync();
        await Expect(hmt.GetByTestId("state")).ToHaveTextAsync("Draft");
        var agreementUrl = hmt.Url;
        await hmt.GetByTestId("submit").ClickAsync();
        await Expect(hmt.GetByTestId("state")).ToHaveTextAsync("In review");
        await Expect(hmt.GetByTestId("number")).ToHaveTextAsync(new Regex(@"^AGR-\d{4}-\d{4}$"));
        var number = await hmt.GetByTestId("number").InnerTextAsync();

        // Global relations and the director approve it for signing.
        await ApproveAsync("cqu.officer-global", title);
        await ApproveAsync("cqu.director", title);
        await hmt.GotoAsync(agreementUrl);
        await Expect(hmt.GetByTestId("state")).ToHaveTextAsync("Approved for signing");

        // Signing is recorded only with the signed PDF: first without it, then with it.
        await hmt.Locator("#Signing_SignedOn").FillAsync(today.ToString("yyyy-MM-dd"));
        await hmt.GetByTestId("sign").ClickAsync();
        await Expect(hmt.GetByTestId("form-error")).ToContainTextAsync("PDF");
        await Expect(hmt.GetByTestId("state")).ToHaveTextAsync("Approved for signing");
        await hmt.Locator("#Kind").SelectOptionAsync("Signed");
        await hmt.Locator("#Document").SetInputFilesAsync(new FilePayload
        {
            Name = "signed-agreement.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
        });
        await hmt.GetByTestId("upload").ClickAsync();
        await Expect(hmt.GetByTestId("documents")).ToContainTextAsync("signed-agreement.pdf");
        await hmt.Locator("#Signing_SignedOn").FillAsync(today.ToString("yyyy-MM-dd"));
        await hmt.GetByTestId("sign").ClickAsync();
        await Expect(hmt.GetByTestId("state")).ToHaveTextAsync("Active");

        // Three years on, less a hundred days: the daily check marks it expiring and it is on the expiring page.
        await hmt.GotoAsync("/Agreements/Expiring");
        await Expect(hmt.GetByTestId("agreement-row").Filter(new() { HasText = number })).ToHaveCountAsync(0);
        app.Clock.Advance(TimeSpan.FromDays(expiry.DayNumber - today.DayNumber - 100));
        await RunJobAsync("agreement-lifecycle");
        hmt = await AsAsync("cqu.officer-hmt");
        await hmt.GotoAsync("/Agreements/Expiring");
        var row = hmt.GetByTestId("agreement-row").Filter(new() { HasText = number });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("days-left")).ToHaveTextAsync("100");
        await Expect(row).ToContainTextAsync("The Hong Kong Polytechnic University");
        await hmt.GotoAsync(agreementUrl);
        await Expect(hmt.GetByTestId("state")).ToHaveTextAsync("Expiring");
    }
}
