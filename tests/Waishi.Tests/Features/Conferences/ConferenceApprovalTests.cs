using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Platform.Workflow;
using Waishi.Tests.Support;
using Waishi.Web.Features.Conferences;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Tests.Features.Conferences;

/// <summary>An application's way through its chain: the institution alone (unit head, global
/// relations officer, director) or on to the FAO when the city's rules apply; what the FAO sees.</summary>
public sealed class ConferenceApprovalTests
{
    private static async Task<WorkflowResult> AtAsync(AppFactory app, Guid caseId)
    {
        var c = await new WorkflowKit(app).CaseAsync(caseId);
        return new WorkflowResult(DecisionStatus.Ok, null, c.Id, c.State, c.Step, c.Version);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, string kind, byte[] bytes, string name)
    {
        var token = await client.AntiforgeryTokenAsync($"/Conferences/Details/{id}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind), "kind" },
            { new ByteArrayContent(bytes), "file", name },
        };
        return await client.PostAsync($"/Conferences/Details/{id}?handler=Upload", form);
    }

    private static readonly byte[] Pdf = [.. "%PDF-1.4 agenda"u8];

    [Fact]
    public async Task A_conference_below_the_city_thresholds_is_approved_by_unit_head_officer_and_director_without_the_FAO()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var unit = await ConferenceForms.UnitAsync(app);
        var applicant = await app.SignInAsync("cqu.applicant");
        var c = await ConferenceForms.CreatedAsync(app, applicant, ConferenceForms.Complete(unit), then: "submit");

        Assert.Equal(ConferenceState.Submitted, c.State);
        Assert.Matches($"^CONF-{ConferenceForms.Today.Year}-0001$", c.Number);
        Assert.False(c.CityApproval);
        var at = await AtAsync(app, c.CaseId!.Value);
        Assert.Equal(1, at.Step);
        // Nobody but the unit head of the organising unit decides first.
        Assert.Equal(DecisionStatus.Forbidden, (await kit.ActAsync("cqu.officer-global", at, WorkflowAction.Approve)).Status);

        at = await kit.ApproveAsync(at, "cqu.unit-head", "cqu.officer-global", "cqu.director");
        Assert.Equal(CaseState.Approved, at.State);
        Assert.Equal(ConferenceState.Approved, (await ConferenceForms.ReloadAsync(app, c.Id)).State);
        Assert.False(await app.WithDbAsync(db => db.Set<WorkflowReferral>().AnyAsync(r => r.CaseId == c.CaseId)));

        var fao = await app.SignInAsync("cqfao.fao-officer");
        Assert.Equal(HttpStatusCode.NotFound, (await fao.GetAsync($"/Conferences/Referred/Details/{c.CaseId}")).StatusCode);
        Assert.DoesNotContain(c.Number!, await fao.GetStringAsync("/Conferences/Referred"));
    }

    [Fact]
    public async Task A_returned_application_is_revised_and_resubmitted_on_its_case()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var unit = await ConferenceForms.UnitAsync(app);
        var applicant = await app.SignInAsync("cqu.applicant");
        var c = await ConferenceForms.CreatedAsync(app, applicant, ConferenceForms.Complete(unit), then: "submit");
        var at = await kit.ApproveAsync(await AtAsync(app, c.CaseId!.Value), "cqu.unit-head");
        at = await kit.ActAsync("cqu.officer-global", at, WorkflowAction.Return, "Add the budget lines.");
        Assert.True(at.Succeeded, at.Message);
        Assert.Equal(ConferenceState.Returned, (await ConferenceForms.ReloadAsync(app, c.Id)).State);

        var fields = ConferenceForms.Complete(unit, title: "Symposium on vehicle dynamics, revised");
        fields["Form.BudgetNote"] = "Venue 100,000; travel 150,000";
        fields["Form.Version"] = (await ConferenceForms.ReloadAsync(app, c.Id)).Version.ToString();
        fields["Then"] = "submit";
        var response = await applicant.PostFormAsync($"/Conferences/Edit/{c.Id}", $"/Conferences/Edit/{c.Id}", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var revised = await ConferenceForms.ReloadAsync(app, c.Id);
        Assert.Equal(ConferenceState.Submitted, revised.State);
        Assert.Equal(c.Number, revised.Number);
        var @case = await kit.CaseAsync(c.CaseId!.Value);
        Assert.Equal((2, 2), (@case.Round, @case.Step));
        Assert.Contains("revised", @case.Title);
    }

    [Theory]
    [InlineData(250, 30, "Vehicle dynamics")]
    [InlineData(120, 60, "Vehicle dynamics")]
    [InlineData(120, 30, "Cross-strait cooperation with Taiwan")]
    public async Task A_conference_over_a_city_threshold_goes_on_to_the_FAO_who_sees_the_application_and_its_attachments_only(
        int participants, int foreign, string topics)
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var unit = await ConferenceForms.UnitAsync(app);
        var applicant = await app.SignInAsync("cqu.applicant");
        var fields = ConferenceForms.Complete(unit, participants: participants, foreign: foreign);
        fields["Form.Topics"] = topics;
        var c = await ConferenceForms.CreatedAsync(app, applicant, fields);
        Assert.True(c.CityApproval);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(applicant, c.Id, "Agenda", Pdf, "agenda.pdf")).StatusCode);
        var refused = await UploadAsync(applicant, c.Id, "Agenda", [.. "MZ not a document"u8], "agenda.exe");
        Assert.Contains("must be a PDF, a Word or Excel file", await refused.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"city-badge\"", await applicant.GetStringAsync($"/Conferences/Details/{c.Id}"));
        var submit = await applicant.PostFormAsync($"/Conferences/Details/{c.Id}", $"/Conferences/Details/{c.Id}?handler=Submit", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        // Another application of the institution that stays inside it.
        var other = await ConferenceForms.CreatedAsync(app, applicant, ConferenceForms.Complete(unit, title: "Internal seminar"), then: "submit");

        c = await ConferenceForms.ReloadAsync(app, c.Id);
        var at = await kit.ApproveAsync(await AtAsync(app, c.CaseId!.Value), "cqu.unit-head", "cqu.officer-global", "cqu.director");
        Assert.Equal((CaseState.InProgress, 5), (at.State, at.Step));
        Assert.Equal(ConferenceState.Submitted, (await ConferenceForms.ReloadAsync(app, c.Id)).State);

        var fao = await app.SignInAsync("cqfao.fao-officer");
        var list = await fao.GetStringAsync("/Conferences/Referred?Open=true");
        Assert.Contains($"data-case=\"{c.CaseId}\"", list);
        var page = await fao.GetStringAsync($"/Conferences/Referred/Details/{c.CaseId}");
        Assert.Contains("Symposium on vehicle dynamics", page);
        Assert.Contains("Technical University of Munich", page);
        Assert.Contains("City approval:", page);
        var document = await app.WithDbAsync(db => db.Set<ConferenceDocument>().SingleAsync(d => d.ConferenceId == c.Id));
        var download = await fao.GetAsync($"/Conferences/Referred/Details/{c.CaseId}?handler=Document&documentId={document.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

        // Nothing else of the institution: not its other application, not its pages or API.
        Assert.Equal(HttpStatusCode.NotFound, (await fao.GetAsync($"/Conferences/Referred/Details/{other.CaseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fao.GetAsync($"/Conferences/Referred/Details/{other.CaseId}?handler=Document&documentId={document.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fao.GetAsync($"/Workflow/Case/{other.CaseId}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await fao.GetAsync($"/Conferences/Details/{c.Id}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await fao.GetAsync($"/Conferences/Details/{c.Id}?handler=Document&documentId={document.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fao.GetAsync($"/api/v1/conferences/{c.Id}")).StatusCode);
        Assert.DoesNotContain("Internal seminar", await fao.GetStringAsync("/Conferences/Referred"));

        at = await kit.ActAsync("cqfao.fao-officer", at, WorkflowAction.Approve);
        Assert.True(at.Succeeded, at.Message);
        Assert.Equal(CaseState.Approved, at.State);
        var approved = await ConferenceForms.ReloadAsync(app, c.Id);
        Assert.Equal(ConferenceState.Approved, approved.State);
        Assert.NotNull(approved.ApprovedUtc);
    }
}
