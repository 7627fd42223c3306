using System.Net;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.TravelDocuments;

namespace Waishi.Tests.Features.TravelDocuments;

/// <summary>The exit officer's pages: register, list with filters and export, check-out guarded
/// against double submission, return and closing, the overdue list; a staff member's own documents.</summary>
public sealed class TravelDocumentPagesTests
{
    private const string Officer = "cqu.officer-exit";

    [Fact]
    public async Task A_failed_registration_keeps_what_was_typed_and_names_the_field_then_a_valid_one_is_saved_with_its_ledger()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var client = await app.SignInAsync(Officer);
        var fields = new Dictionary<string, string>
        {
            ["Form.Type"] = "HongKongMacaoPermit", ["Form.Number"] = "C1", ["Form.HolderId"] = people.Applicant.Id.ToString(),
            ["Form.IssueDate"] = "2024-03-01", ["Form.ExpiryDate"] = "2034-02-28", ["Form.IssuedBy"] = "Chongqing Exit-Entry Bureau",
        };

        var refused = await client.PostFormAsync("/TravelDocuments/Create", "/TravelDocuments/Create", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("is not a document number", html);
        Assert.Contains("value=\"C1\"", html);
        Assert.Contains("Chongqing Exit-Entry Bureau", html);

        fields["Form.Number"] = "C12345678";
        var saved = await client.PostFormAsync("/TravelDocuments/Create", "/TravelDocuments/Create", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = await client.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("C12345678", details);
        Assert.Contains("data-action=\"Registered\"", details);
    }

    [Fact]
    public async Task Posting_the_check_out_form_twice_checks_out_once_and_says_the_document_is_already_out()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var trip = await DocumentData.ApprovedTripAsync(app, people);
        var doc = await DocumentData.DocumentAsync(app, people, people.Applicant);
        var client = await app.SignInAsync(Officer);
        var url = $"/TravelDocuments/CheckOut/{doc.Id}";
        var form = await client.GetStringAsync(url);
        Assert.Contains(trip.Title, form);
        var token = await client.AntiforgeryTokenAsync(url);
        FormUrlEncodedContent Fields() => new(new Dictionary<string, string>
        {
            ["TripId"] = trip.Id.ToString(), ["Version"] = "1", ["__RequestVerificationToken"] = token,
        });

        var first = await client.PostAsync(url, Fields());
        var second = await client.PostAsync(url, Fields());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("already checked out", await second.Content.ReadAsStringAsync());
        Assert.Single(await DocumentData.LedgerAsync(app, doc.Id), e => e.Action == CustodyAction.CheckedOut);
        var details = await client.GetStringAsync($"/TravelDocuments/Details/{doc.Id}");
        Assert.Contains(trip.ReturnDate!.Value.AddDays(7).ToString("yyyy-MM-dd"), details);

        var back = await client.PostFormAsync($"/TravelDocuments/Details/{doc.Id}", $"/TravelDocuments/Details/{doc.Id}?handler=Return",
            new() { ["version"] = "2", ["note"] = "Handed in" });
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(TravelDocumentStatus.InCustody, (await DocumentData.ReloadAsync(app, doc.Id)).Status);
    }

    [Fact]
    public async Task A_document_is_reported_lost_only_with_a_reason()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var doc = await DocumentData.DocumentAsync(app, people, people.Applicant);
        var client = await app.SignInAsync(Officer);
        var url = $"/TravelDocuments/Details/{doc.Id}";

        var refused = await client.PostFormAsync(url, url + "?handler=Close", new() { ["Close.Action"] = "Lost", ["Close.Reason"] = " ", ["Close.Version"] = "1" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Give the reason.", await refused.Content.ReadAsStringAsync());

        var lost = await client.PostFormAsync(url, url + "?handler=Close", new() { ["Close.Action"] = "Lost", ["Close.Reason"] = "Stolen in Paris", ["Close.Version"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, lost.StatusCode);
        var stored = await DocumentData.ReloadAsync(app, doc.Id);
        Assert.Equal(TravelDocumentStatus.Lost, stored.Status);
        Assert.Equal("Stolen in Paris", stored.ClosedReason);
        Assert.Contains(await DocumentData.LedgerAsync(app, doc.Id), e => e.Action == CustodyAction.Lost && e.Note == "Stolen in Paris");
    }

    [Fact]
    public async Task The_list_filters_by_status_and_exports_and_the_overdue_list_shows_the_days()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        await DocumentData.DocumentAsync(app, people, people.Applicant, "E11111111", change: DocumentData.OutUntil(DocumentData.Today.AddDays(-12)));
        await DocumentData.DocumentAsync(app, people, people.OtherUnit[0], "E66666666", change: DocumentData.OutUntil(DocumentData.Today.AddDays(-40)));
        await DocumentData.DocumentAsync(app, people, people.Colleagues[0], "E22222222");
        await DocumentData.DocumentAsync(app, people, people.Colleagues[1], "T33333333", TravelDocumentType.TaiwanPermit,
            d => d.ExpiryDate = DocumentData.Today.AddDays(-3));
        var client = await app.SignInAsync("cqu.director");

        var overdue = await client.GetStringAsync("/TravelDocuments?Status=Overdue");
        Assert.Contains("E11111111", overdue);
        Assert.DoesNotContain("E22222222", overdue);
        var expired = await client.GetStringAsync("/TravelDocuments?Status=Expired");
        Assert.Contains("T33333333", expired);
        Assert.DoesNotContain("E22222222", expired);
        var byUnit = await client.GetStringAsync($"/TravelDocuments?Unit={people.UnitId}&Type=OfficialPassport&Q=e2222");
        Assert.Contains("E22222222", byUnit);
        Assert.DoesNotContain("E11111111", byUnit);
        var expiring = await client.GetStringAsync($"/TravelDocuments?ExpiringBefore={DocumentData.Today:yyyy-MM-dd}");
        Assert.Contains("T33333333", expiring);
        Assert.DoesNotContain("E22222222", expiring);

        var csv = await client.GetStringAsync("/TravelDocuments?handler=Export&format=csv&Status=Overdue");
        Assert.Contains("E11111111", csv);
        Assert.Contains("12", csv);
        Assert.DoesNotContain("E22222222", csv);
        var xlsx = await client.GetAsync("/TravelDocuments?handler=Export&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);

        var list = await client.GetStringAsync("/TravelDocuments/Overdue");
        Assert.Contains("E11111111", list);
        Assert.Contains("12 days overdue", list);
        Assert.DoesNotContain("T33333333", list);
        // Only the unit with a member more than 30 days late is locked.
        var locked = list[list.IndexOf("data-testid=\"locked-units\"", StringComparison.Ordinal)..list.IndexOf("data-testid=\"total\"", StringComparison.Ordinal)];
        Assert.Contains("E66666666", locked);
        Assert.DoesNotContain("E11111111", locked);
    }

    [Fact]
    public async Task A_staff_member_sees_only_their_own_documents_and_not_the_register()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var own = await DocumentData.DocumentAsync(app, people, people.Applicant, "E44444444");
        await DocumentData.DocumentAsync(app, people, people.Colleagues[0], "E55555555");
        var client = await app.SignInAsync("cqu.applicant");

        var index = await client.GetAsync("/TravelDocuments");
        Assert.Equal(HttpStatusCode.Redirect, index.StatusCode);
        Assert.Equal("/TravelDocuments/Mine", index.Headers.Location!.OriginalString);
        var mine = await client.GetStringAsync("/TravelDocuments/Mine");
        Assert.Contains("E44444444", mine);
        Assert.DoesNotContain("E55555555", mine);
        Assert.Contains("data-nav=\"travel-documents\"", mine);

        foreach (var url in new[] { $"/TravelDocuments/Details/{own.Id}", "/TravelDocuments?handler=Export&format=csv", "/TravelDocuments/Overdue", "/TravelDocuments/Create" })
        {
            var denied = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.StartsWith("/Account/Denied", denied.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task The_register_in_Chinese_shows_translated_labels()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        await DocumentData.DocumentAsync(app, people, people.Applicant, change: DocumentData.OutUntil(DocumentData.Today.AddDays(-1)));
        var client = await app.SignInAsync(Officer, culture: "zh-CN");

        var html = await client.GetStringAsync("/TravelDocuments");

        Assert.Contains("出入境证件", html);
        Assert.Contains("因公护照", html);
        Assert.Contains("逾期未还", html);
        Assert.Contains("逾期 1 天", html);
    }
}
