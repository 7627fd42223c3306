using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;
using Waishi.Web.Features.TravelDocuments;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Jobs;
using Waishi.Web.Platform.Notifications;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Features.TravelDocuments;

/// <summary>Documents and approved trips written straight into the database, and runs of the reminder job.</summary>
public static class DocumentData
{
    public static DateOnly Today => TripForms.Today;

    /// <summary>An approved trip of the applicant (leader) departing in <paramref name="lead"/> days, with extra members.</summary>
    public static Task<Trip> ApprovedTripAsync(AppFactory app, TripPeople people, int lead = 10, int days = 5,
        TripState state = TripState.Approved, params StaffMember[] members) => app.WithDbAsync(async db =>
    {
        var builder = new TripBuilder(people, Today).Departing(Today.AddDays(lead), days);
        foreach (var member in members)
        {
            builder.With(member);
        }
        var trip = builder.Change(t =>
        {
            t.State = state;
            t.SubmittedUtc = DateTime.UtcNow;
            t.ApprovedUtc = state == TripState.Approved ? DateTime.UtcNow : null;
        }).Build();
        db.Add(trip);
        await db.SaveChangesAsync();
        return trip;
    });

    /// <summary>A document in custody (or as <paramref name="change"/> leaves it), valid for five more years by default.</summary>
    public static Task<TravelDocument> DocumentAsync(AppFactory app, TripPeople people, StaffMember holder, string number = "E12345678",
        TravelDocumentType type = TravelDocumentType.OfficialPassport, Action<TravelDocument>? change = null) => app.WithDbAsync(async db =>
    {
        var doc = new TravelDocument
        {
            TenantId = people.TenantId, HolderId = holder.Id, Number = number, Type = type, IssueDate = Today.AddYears(-1),
            ExpiryDate = Today.AddYears(5), Status = TravelDocumentStatus.InCustody, CreatedUtc = DateTime.UtcNow,
        };
        change?.Invoke(doc);
        db.Add(doc);
        await db.SaveChangesAsync();
        return doc;
    });

    /// <summary>Marks a document checked out (with no trip) and due back on <paramref name="due"/>.</summary>
    public static Action<TravelDocument> OutUntil(DateOnly due) => d =>
    {
        d.Status = TravelDocumentStatus.CheckedOut;
        d.ReturnDue = due;
        d.CheckedOutUtc = DateTime.UtcNow.AddDays(-20);
    };

    public static Task<TravelDocument> ReloadAsync(AppFactory app, Guid id) =>
        app.WithDbAsync(db => db.Set<TravelDocument>().AsNoTracking().SingleAsync(d => d.Id == id));

    public static Task<List<CustodyEntry>> LedgerAsync(AppFactory app, Guid id) =>
        app.WithDbAsync(db => db.Set<CustodyEntry>().AsNoTracking().Where(e => e.DocumentId == id).OrderBy(e => e.AtUtc).ToListAsync());

    /// <summary>Runs the reminder job as if it were 08:00 in China on <paramref name="day"/>.</summary>
    public static async Task RunRemindersAsync(AppFactory app, DateOnly day)
    {
        var job = app.Services.GetRequiredService<JobScheduler>().Jobs.Single(j => j.Name == "travel-document-reminders");
        await using var scope = app.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
        var dueUtc = new DateTime(day.Year, day.Month, day.Day, 0, 0, 0, DateTimeKind.Utc);
        await job.RunAsync(new JobRun(job.Name, dueUtc, scope.ServiceProvider), CancellationToken.None);
    }

    public static Task<List<OutboxMessage>> RemindersAsync(AppFactory app, Guid documentId) =>
        app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.DeduplicationKey!.Contains(documentId.ToString("N"))).ToListAsync());

    public static Task<Guid> UserIdAsync(AppFactory app, string userName) =>
        app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
}
