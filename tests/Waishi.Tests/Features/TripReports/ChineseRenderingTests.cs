using Waishi.Tests.Features.Trips;
using Waishi.Tests.Features.Visas;
using Waishi.Tests.Support;
using Waishi.Web.Features.TripReports;

namespace Waishi.Tests.Features.TripReports;

public sealed class ChineseRenderingTests
{
    [Fact]
    public async Task Report_and_visa_pages_are_in_Chinese_for_a_Chinese_reader()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var trip = await ReportData.ApprovedTripAsync(app, people, TripForms.Today.AddDays(-30));
        await ReportData.ReportAsync(app, await ReportData.ApprovedTripAsync(app, people, TripForms.Today.AddDays(-40), "Published"), ReportState.Approved);
        var visaTrip = await VisaData.TripAsync(app, people, 10);
        var client = await app.SignInAsync("cqu.applicant", culture: "zh-CN");

        var list = await client.GetStringAsync("/TripReports?Status=Overdue");
        Assert.Contains("逾期 10 天", list);
        Assert.Contains("报告截止日期", list);
        Assert.DoesNotContain("Report due", list);
        var form = await client.GetStringAsync($"/TripReports/Edit/{trip.Id}");
        Assert.Contains("实际行程", form);
        Assert.Contains("后续工作", form);
        Assert.DoesNotContain("Follow-up", form);
        var visas = await client.GetStringAsync($"/Visas/Trip/{visaTrip.Id}");
        Assert.Contains("尚未登记", visas);
        Assert.DoesNotContain("Not recorded yet", visas);
        var visaForm = await client.GetStringAsync($"/Visas/Edit?tripId={visaTrip.Id}");
        Assert.Contains("待申请", visaForm);
        Assert.DoesNotContain(">To apply<", visaForm);
        var notices = await app.NewClient("zh-CN").GetStringAsync("/Public/Notices");
        Assert.Contains("出访成果", notices);
        Assert.Contains("重庆大学", notices);
    }
}
