using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;
using Waishi.Web.Features.TripReports;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Jobs;
using Waishi.Web.Platform.Notifications;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Features.TripReports;

/// <summary>Approved trips and their reports written straight into the database.</summary>
public static class ReportData
{
    /// <summary>An approved five-day trip of the applicant (and <paramref name="others"/>) back on <paramref name="returnDate"/>.</summary>
    public static async Task<Trip> ApprovedTripAsync(AppFactory app, TripPeople people, DateOnly returnDate, string title = "Robotics conference",
        params StaffMember[] others)
    {
        var builder = new TripBuilder(people, TripForms.Today).Departing(returnDate.AddDays(-4), 5)
            .Change(t =>
            {
                t.Title = title;
                t.State = TripState.Approved;
                t.SubmittedUtc = DateTime.UtcNow.AddDays(-60);
                t.ApprovedUtc = DateTime.UtcNow.AddDays(-50);
            });
        foreach (var other in others)
        {
            builder.With(other);
        }
        var trip = builder.Build();
        await app.WithDbAsync(async db =>
        {
            db.Add(trip);
            await db.SaveChangesAsync();
        });
        return trip;
    }

    /// <summary>A report of <paramref name="trip"/> in <paramref name="state"/> with one day per trip day.</summary>
    public static async Task<TripReport> ReportAsync(AppFactory app, Trip trip, ReportState state, string results = "Signed a memorandum with the host.",
        string? followUp = "Joint workshop next spring.")
    {
        var report = new TripReport
        {
            TenantId = trip.TenantId, TripId = trip.Id, State = state, Results = results, FollowUp = followUp, CreatedUtc = DateTime.UtcNow,
            SubmittedUtc = state == ReportState.Draft ? null : DateTime.UtcNow, DecidedUtc = state == ReportState.Approved ? DateTime.UtcNow : null,
        };
        for (var d = trip.DepartureDate!.Value; d <= trip.ReturnDate!.Value; d = d.AddDays(1))
        {
            report.Days.Add(new TripReportDay { TenantId = trip.TenantId, Date = d, City = "Tokyo", Activity = "Sessions", SortOrder = report.Days.Count });
        }
        await app.WithDbAsync(async db =>
        {
            db.Add(report);
            await db.SaveChangesAsync();
        });
        return report;
    }

    public static Task<TripReport?> LoadAsync(AppFactory app, Guid tripId) =>
        app.WithDbAsync(db => db.Set<TripReport>().Include(r => r.Days).FirstOrDefaultAsync(r => r.TripId == tripId));

    /// <summary>Runs the reminder job for the morning of <paramref name="day"/> (08:00 in China is 00:00 UTC).</summary>
    public static async Task RunRemindersAsync(AppFactory app, DateOnly day)
    {
        var job = app.Services.GetServices<IRecurringJob>().Single(j => j.Name == "trip-report-reminders");
        await using var scope = app.Services.CreateAsyncScope();
        using var system = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
        await job.RunAsync(new JobRun(job.Name, day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), scope.ServiceProvider), CancellationToken.None);
    }

    public static Task<List<OutboxMessage>> RemindersAsync(AppFactory app, Guid tripId) => app.WithDbAsync(db =>
        db.Set<OutboxMessage>().Where(m => m.DeduplicationKey != null && m.DeduplicationKey.StartsWith($"trip-report:{tripId:N}:"))
            .OrderBy(m => m.DeduplicationKey).ToListAsync());
}
