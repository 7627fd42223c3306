using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;
using Waishi.Web.Features.TripReports;

namespace Waishi.Tests.Features.TripReports;

public sealed class PublishedReportsTests
{
    [Fact]
    public async Task An_approved_report_is_on_the_public_notice_page_for_anyone_with_names_but_no_other_personal_data()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var colleague = people.OtherUnit[0];
        await app.WithDbAsync(async db =>
        {
            var member = await db.Set<StaffMember>().FindAsync(colleague.Id);
            member!.Email = "colleague.secret@example.edu.cn";
            member.Mobile = "13900001111";
            member.Phone = "023-65100000";
            await db.SaveChangesAsync();
        });
        var published = await ReportData.ApprovedTripAsync(app, people, TripForms.Today.AddDays(-30), "Published robotics mission", colleague);
        var report = await ReportData.ReportAsync(app, published, ReportState.Approved, "Agreed two joint PhD positions with Tokyo.", "Private follow-up plan");
        await app.WithDbAsync(async db =>
        {
            (await db.Set<TripReport>().FindAsync(report.Id))!.ReviewComment = "Internal review remark";
            await db.SaveChangesAsync();
        });
        var waiting = await ReportData.ApprovedTripAsync(app, people, TripForms.Today.AddDays(-30), "Report still in review");
        await ReportData.ReportAsync(app, waiting, ReportState.Submitted);

        var html = await app.NewClient().GetStringAsync("/Public/Notices");

        Assert.Contains("Published robotics mission", html);
        Assert.Contains("Agreed two joint PhD positions with Tokyo.", html);
        Assert.Contains("Tokyo (JP)", html);
        Assert.Contains($"{published.DepartureDate:yyyy-MM-dd} – {published.ReturnDate:yyyy-MM-dd}", html);
        Assert.Contains(people.Applicant.Name(false), html);
        Assert.Contains(colleague.Name(false), html);
        Assert.Contains("Chongqing University", html);
        Assert.DoesNotContain("Report still in review", html);
        foreach (var secret in new[] { "colleague.secret@example.edu.cn", "13900001111", "023-65100000", "Private follow-up plan", "Internal review remark",
            people.Applicant.StaffNumber, colleague.StaffNumber })
        {
            Assert.DoesNotContain(secret, html);
        }
    }

    [Fact]
    public async Task The_notice_page_says_when_no_report_is_published()
    {
        await using var app = await AppFactory.CreateAsync();
        Assert.Contains("No trip report has been published yet.", await app.NewClient().GetStringAsync("/Public/Notices"));
    }
}
