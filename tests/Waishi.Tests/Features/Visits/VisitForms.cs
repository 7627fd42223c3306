using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Platform.Workflow;
using Waishi.Tests.Support;
using Waishi.Web.Features.Visits;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Tests.Features.Visits;

/// <summary>Form posts of the visit pages, and filing a visit through them.</summary>
public static class VisitForms
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>The fields of a complete three-day visit of a delegation of one, hosted by <paramref name="unit"/>.</summary>
    public static Dictionary<string, string> Complete(Guid unit, DateOnly arrival, string vip = "None", string action = "submit",
        string title = "Delegation of the University of Bristol", string organisation = "University of Bristol", string nationality = "GB") => new()
    {
        ["Action"] = action, ["Form.UnitId"] = unit.ToString(), ["Form.Title"] = title, ["Form.Purpose"] = "Discuss a joint degree",
        ["Form.ArrivalDate"] = arrival.ToString("yyyy-MM-dd"), ["Form.DepartureDate"] = arrival.AddDays(2).ToString("yyyy-MM-dd"), ["Form.VipLevel"] = vip,
        ["Form.Members[0].NameLatin"] = "Evelyn Welch", ["Form.Members[0].NameZh"] = "韦尔奇", ["Form.Members[0].Nationality"] = nationality,
        ["Form.Members[0].PassportNumber"] = "GB1234567", ["Form.Members[0].BirthDate"] = "1965-04-02", ["Form.Members[0].Sex"] = "Female",
        ["Form.Members[0].Title"] = "Vice-Chancellor", ["Form.Members[0].Organisation"] = organisation, ["Form.Members[0].IsLeader"] = "true",
        ["Form.Agenda[0].Kind"] = "Meeting", ["Form.Agenda[0].Date"] = arrival.AddDays(1).ToString("yyyy-MM-dd"), ["Form.Agenda[0].StartTime"] = "09:00",
        ["Form.Agenda[0].EndTime"] = "10:30", ["Form.Agenda[0].Venue"] = "Main building 301", ["Form.Agenda[0].Description"] = "Meeting with the president",
        ["Form.Budget[0].Category"] = "Banquet", ["Form.Budget[0].Amount"] = "3000", ["Form.Budget[0].Currency"] = "CNY",
        ["Form.Gifts[0].Description"] = "Porcelain vase", ["Form.Gifts[0].Recipient"] = "Evelyn Welch", ["Form.Gifts[0].Value"] = "480", ["Form.Gifts[0].Currency"] = "CNY",
    };

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields) =>
        client.PostFormAsync(url, url, fields);

    /// <summary>Files the visit through the create page and returns it with where its case stands.</summary>
    public static async Task<(Visit Visit, WorkflowResult At)> FileAsync(AppFactory app, HttpClient client, Dictionary<string, string> fields)
    {
        var response = await PostAsync(client, "/Visits/Create", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var visit = await LoadAsync(app, fields["Form.Title"]);
        if (visit.CaseId is not { } caseId)
        {
            return (visit, new WorkflowResult(DecisionStatus.Ok, null, Guid.Empty, CaseState.InProgress, 0, 0));
        }
        return (visit, WorkflowEngine.Result(await new WorkflowKit(app).CaseAsync(caseId)));
    }

    public static Task<Visit> LoadAsync(AppFactory app, string title) => app.WithDbAsync(db => db.Set<Visit>()
        .Include(v => v.Members).Include(v => v.Agenda).ThenInclude(a => a.Attendees).Include(v => v.Budget).Include(v => v.Gifts)
        .AsSplitQuery().SingleAsync(v => v.Title == title));
}
