using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.Visits;
using Waishi.Web.Platform.Jobs;
using Waishi.Web.Platform.Notifications;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Features.Visits;

/// <summary>Visits for the letter, closure and calendar tests: filed by the CQU applicant for the
/// applicant's unit, approved unless changed, with two visitors from Munich.</summary>
public static class LetterData
{
    public const string Officer = "cqu.officer-global";
    public const string Host = "cqu.applicant";

    public static async Task<Visit> ApprovedVisitAsync(AppFactory app, Action<Visit>? change = null, int extraMembers = 0, string tenant = "CQU")
    {
        var people = await TripPeople.LoadAsync(app, tenant);
        var arrival = new DateOnly(2027, 3, 1);
        var visit = new Visit
        {
            TenantId = people.TenantId, UnitId = people.UnitId, FiledByUserId = people.ApplicantUserId, HostContactId = people.Applicant.Id,
            Title = "Delegation of TU Munich", Purpose = "Talks on a joint degree programme", Number = $"VIS-2027-{Random.Shared.Next(1000, 9999)}",
            ArrivalDate = arrival, DepartureDate = arrival.AddDays(3), State = VisitState.Approved, VipLevel = VipLevel.Important,
            CreatedUtc = DateTime.UtcNow.AddDays(-20), SubmittedUtc = DateTime.UtcNow.AddDays(-19), DecidedUtc = DateTime.UtcNow.AddDays(-10),
        };
        visit.Members.Add(new VisitMember
        {
            TenantId = people.TenantId, NameLatin = "Maria Schmidt", NameZh = "玛丽亚", Nationality = "DE", PassportNumber = "C01X00T47",
            BirthDate = new DateOnly(1975, 4, 12), Title = "Vice-President", Organisation = "Technical University of Munich", IsLeader = true,
        });
        visit.Members.Add(new VisitMember
        {
            TenantId = people.TenantId, NameLatin = "Jonas Weber", Nationality = "AT", PassportNumber = "P7788123",
            BirthDate = new DateOnly(1982, 9, 30), Title = "Professor", Organisation = "Technical University of Munich", SortOrder = 1,
        });
        for (var i = 0; i < extraMembers; i++)
        {
            visit.Members.Add(new VisitMember
            {
                TenantId = people.TenantId, NameLatin = $"Guest Number{i}", Nationality = "FR", PassportNumber = $"FR{i:000000}",
                Organisation = "Sorbonne", SortOrder = 2 + i,
            });
        }
        var meeting = new VisitAgendaItem
        {
            TenantId = people.TenantId, Kind = AgendaItemKind.Meeting, Date = arrival.AddDays(1), StartTime = new TimeOnly(9, 30),
            EndTime = new TimeOnly(11, 0), Venue = "Main building 301", Description = "Talks with the president",
        };
        meeting.Attendees.Add(new VisitAgendaAttendee { TenantId = people.TenantId, StaffMemberId = people.Applicant.Id });
        visit.Agenda.Add(meeting);
        change?.Invoke(visit);
        await app.WithDbAsync(async db =>
        {
            db.Add(visit);
            await db.SaveChangesAsync();
        });
        return visit;
    }

    public static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }

    /// <summary>Runs the closure reminder job for the morning of <paramref name="day"/> (00:00 UTC is 08:00 in China).</summary>
    public static async Task RunClosureRemindersAsync(AppFactory app, DateOnly day)
    {
        var job = app.Services.GetServices<IRecurringJob>().Single(j => j.Name == "visit-closure");
        await using var scope = app.Services.CreateAsyncScope();
        using var system = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
        await job.RunAsync(new JobRun(job.Name, day.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc), scope.ServiceProvider), CancellationToken.None);
    }

    public static Task<List<OutboxMessage>> ClosureRemindersAsync(AppFactory app, Guid visitId) => app.WithDbAsync(db =>
        db.Set<OutboxMessage>().Where(m => m.DeduplicationKey != null && m.DeduplicationKey.StartsWith($"visit-closure:{visitId:N}:"))
            .OrderBy(m => m.DeduplicationKey).ToListAsync());
}
