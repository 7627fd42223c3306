using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.TripReports;

namespace Waishi.Tests.Features.TripReports;

public sealed class ReportRemindersTests
{
    [Fact]
    public async Task Each_reminder_point_is_sent_once_to_the_writer_until_the_report_is_handed_in()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var returned = TripForms.Today.AddDays(-2);
        var trip = await ReportData.ApprovedTripAsync(app, people, returned);
        var due = returned.AddDays(20);

        // Before due − 3 nothing; then each point once, however often the job runs between points.
        foreach (var day in new[] { -5, -4, -3, -3, -2, -1, 0, 0, 3, 6, 7, 7, 13, 14, 20, 21 })
        {
            await ReportData.RunRemindersAsync(app, due.AddDays(day));
        }

        var all = await ReportData.RemindersAsync(app, trip.Id);
        var sent = all.Where(m => m.RecipientUserId == people.ApplicantUserId).ToList();
        Assert.Equal(
            new[] { -3, 0, 7, 14, 21 }.Select(d => ReportReminders.KeyPrefix(trip.Id, due.AddDays(d)) + people.ApplicantUserId.ToString("N")).Order(),
            sent.Select(m => m.DeduplicationKey!).Order());
        Assert.All(sent, m => Assert.Equal($"/TripReports/Edit/{trip.Id}", m.Link));
        Assert.Contains(sent, m => m.Subject.Contains("Trip report 7 days overdue", StringComparison.Ordinal));
        Assert.Contains(sent, m => m.Subject.Contains($"Trip report due {due:yyyy-MM-dd}", StringComparison.Ordinal));

        // Handed in: no more reminders.
        await ReportData.ReportAsync(app, trip, ReportState.Submitted);
        await ReportData.RunRemindersAsync(app, due.AddDays(28));
        Assert.Equal(all.Count, (await ReportData.RemindersAsync(app, trip.Id)).Count);
    }

    [Fact]
    public async Task A_returned_report_is_reminded_again_and_trips_not_approved_are_not()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var returned = TripForms.Today.AddDays(-30);
        var approved = await ReportData.ApprovedTripAsync(app, people, returned, "Approved trip");
        await ReportData.ReportAsync(app, approved, ReportState.Returned);
        var inReview = await ReportData.ApprovedTripAsync(app, people, returned, "Trip in review");
        await app.WithDbAsync(async db =>
        {
            (await db.Set<Waishi.Web.Features.Trips.Trip>().FindAsync(inReview.Id))!.State = Waishi.Web.Features.Trips.TripState.Submitted;
            await db.SaveChangesAsync();
        });

        await ReportData.RunRemindersAsync(app, returned.AddDays(20));

        Assert.Single(await ReportData.RemindersAsync(app, approved.Id), m => m.RecipientUserId == people.ApplicantUserId);
        Assert.Empty(await ReportData.RemindersAsync(app, inReview.Id));
    }
}
