using Waishi.Web.Features.TripReports;
using Waishi.Web.Features.Trips;

namespace Waishi.Tests.Features.TripReports;

public sealed class ReportDueTests
{
    private static readonly DateOnly Due = new(2026, 12, 20);

    [Fact]
    public void A_report_is_due_the_policys_days_after_the_return_date()
    {
        var trip = new Trip { ReturnDate = new DateOnly(2026, 11, 30) };
        Assert.Equal(new DateOnly(2026, 12, 20), ReportDue.DueOn(trip, TripPolicy.Defaults()));
        Assert.Equal(new DateOnly(2026, 12, 10), ReportDue.DueOn(trip, new TripPolicy { ReportDueDays = 10 }));
        Assert.Null(ReportDue.DueOn(new Trip(), TripPolicy.Defaults()));
    }

    [Theory]
    [InlineData(-10, null)]
    [InlineData(-4, null)]
    [InlineData(-3, -3)]
    [InlineData(-1, -3)]
    [InlineData(0, 0)]
    [InlineData(6, 0)]
    [InlineData(7, 7)]
    [InlineData(13, 7)]
    [InlineData(14, 14)]
    [InlineData(20, 14)]
    [InlineData(21, 21)]
    [InlineData(70, 70)]
    public void Reminders_fall_three_days_before_on_the_day_a_week_after_and_weekly_then(int today, int? point)
    {
        Assert.Equal(point is { } p ? Due.AddDays(p) : null, ReportDue.LatestReminder(Due, Due.AddDays(today)));
    }

    [Fact]
    public void A_report_not_handed_in_is_overdue_the_day_after_its_due_date()
    {
        Assert.Equal(ReportStatus.Due, ReportDue.StatusOf(null, Due, Due));
        Assert.Equal(ReportStatus.Due, ReportDue.StatusOf(ReportState.Returned, Due, Due));
        Assert.Equal(ReportStatus.Overdue, ReportDue.StatusOf(ReportState.Draft, Due, Due.AddDays(1)));
        Assert.Equal(ReportStatus.Submitted, ReportDue.StatusOf(ReportState.Submitted, Due, Due.AddDays(30)));
        Assert.Equal(ReportStatus.Approved, ReportDue.StatusOf(ReportState.Approved, Due, Due.AddDays(30)));
        Assert.Equal(3, ReportDue.DaysOverdue(Due, Due.AddDays(3)));
    }
}
