using Waishi.BrowserTests.Pages;
using Waishi.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Waishi.BrowserTests;

/// <summary>An international conference large enough for the city to approve: filed with its agenda,
/// approved in the institution and by the FAO, and summarised after it took place.</summary>
public sealed class ConferenceJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<IPage> AsAsync(string userName)
    {
        var page = await app.NewPageAsync();
        await new SignInPage(page).SignInAsync(userName);
        return page;
    }

    private async Task DecideAsync(string userName, string number)
    {
        var page = await AsAsync(userName);
        await page.GotoAsync("/Workflow/Awaiting");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(number)) }).First.ClickAsync();
        await page.Locator("button[name='Form.Action'][value='Approve']").ClickAsync();
        await Expect(page.GetByTestId("form-message")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_conference_with_foreign_guests_is_filed_with_its_agenda_approved_up_to_the_FAO_and_summarised()
    {
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        var start = today.AddMonths(5);

        // The applicant files the conference and attaches its agenda.
        var page = await AsAsync("cqu.applicant");
        await page.GotoAsync("/Conferences/Create");
        await page.Locator("#Form_TitleEn").FillAsync("International Symposium on Vehicle Dynamics");
        await page.Locator("#Form_TitleZh").FillAsync("车辆动力学国际研讨会");
        await page.Locator("#Form_StartDate").FillAsync(start.ToString("yyyy-MM-dd"));
        await page.Locator("#Form_EndDate").FillAsync(start.AddDays(2).ToString("yyyy-MM-dd"));
        await page.Locator("#Form_Venue").FillAsync("Huxi campus");
        await page.Locator("#Form_City").FillAsync("Chongqing");
        await page.Locator("#Form_ExpectedParticipants").FillAsync("260");
        await page.Locator("#Form_ExpectedForeign").FillAsync("70");
        await page.Locator("input[name='Form.Countries[0].CountryCode']").FillAsync("DE");
        await page.Locator("input[name='Form.Countries[0].Count']").FillAsync("40");
        await page.Locator("input[name='Form.CoOrganisers[0].Name']").FillAsync("Technical University of Munich");
        await page.Locator("#Form_Topics").FillAsync("Vehicle dynamics and control");
        await page.GetByTestId("save").ClickAsync();
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("Draft");
        await Expect(page.GetByTestId("city-badge")).ToBeVisibleAsync();
        await page.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = "agenda.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 programme of the symposium"u8.ToArray(),
        });
        await page.GetByTestId("upload").ClickAsync();
        await Expect(page.GetByTestId("document-row")).ToContainTextAsync("agenda.pdf");
        await page.GetByTestId("submit").ClickAsync();
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("In review");
        var number = (await page.GetByTestId("number").InnerTextAsync()).Trim();
        Assert.StartsWith("CONF-", number);
        var url = page.Url;

        // The institution approves: head of the college, global relations officer, director.
        await DecideAsync("cqu.unit-head", number);
        await DecideAsync("cqu.officer-global", number);
        await DecideAsync("cqu.director", number);
        await page.ReloadAsync();
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("In review");

        // The FAO reads the application and its agenda, then approves the case.
        var fao = await AsAsync("cqfao.fao-officer");
        await fao.GotoAsync("/Conferences/Referred?Open=true");
        await fao.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(number) }).ClickAsync();
        await Expect(fao.GetByTestId("application")).ToContainTextAsync("Technical University of Munich");
        await Expect(fao.GetByTestId("documents")).ToContainTextAsync("agenda.pdf");
        await fao.GetByTestId("case-link").ClickAsync();
        await fao.Locator("button[name='Form.Action'][value='Approve']").ClickAsync();
        await Expect(fao.GetByTestId("form-message")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("Approved");

        // After the conference the applicant records who came and what came of it.
        app.Clock.Advance(TimeSpan.FromDays(160));
        page = await AsAsync("cqu.applicant");
        await page.GotoAsync(url);
        await page.GetByTestId("summary-link").ClickAsync();
        await page.Locator("#Form_ActualParticipants").FillAsync("240");
        await page.Locator("input[name='Form.Countries[0].CountryCode']").FillAsync("DE");
        await page.Locator("input[name='Form.Countries[0].Count']").FillAsync("35");
        await page.Locator("#Form_Outcomes").FillAsync("A joint laboratory on chassis control was agreed.");
        await page.GetByTestId("save-summary").ClickAsync();
        await Expect(page.GetByTestId("summary")).ToContainTextAsync("joint laboratory on chassis control");
        await Expect(page.GetByTestId("summary")).ToContainTextAsync("DE 35");
    }
}
