using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Jobs;

namespace Waishi.Tests.Features.TravelDocuments;

/// <summary>The reminder job: return reminders at due − 3, due, due + 7 and due + 30 (the last two
/// also to the exit officers), each once; none once the document is back; expiry reminders 180
/// days ahead, once.</summary>
public sealed class RemindersTests
{
    [Fact]
    public async Task Each_return_reminder_point_fires_once_and_the_late_ones_reach_the_exit_officers()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var due = DocumentData.Today.AddDays(10);
        var doc = await DocumentData.DocumentAsync(app, people, people.Applicant, change: DocumentData.OutUntil(due));
        var officer = await DocumentData.UserIdAsync(app, "cqu.officer-exit");

        async Task<(int Holder, int Officer)> CountAfterAsync(DateOnly day)
        {
            await DocumentData.RunRemindersAsync(app, day);
            await DocumentData.RunRemindersAsync(app, day);
            var all = await DocumentData.RemindersAsync(app, doc.Id);
            return (all.Count(m => m.RecipientUserId == people.ApplicantUserId), all.Count(m => m.RecipientUserId == officer));
        }

        Assert.Equal((0, 0), await CountAfterAsync(due.AddDays(-4)));
        Assert.Equal((1, 0), await CountAfterAsync(due.AddDays(-3)));
        Assert.Equal((1, 0), await CountAfterAsync(due.AddDays(-1)));
        Assert.Equal((2, 0), await CountAfterAsync(due));
        Assert.Equal((2, 0), await CountAfterAsync(due.AddDays(6)));
        Assert.Equal((3, 1), await CountAfterAsync(due.AddDays(7)));
        Assert.Equal((3, 1), await CountAfterAsync(due.AddDays(29)));
        Assert.Equal((4, 2), await CountAfterAsync(due.AddDays(30)));
        Assert.Equal((4, 2), await CountAfterAsync(due.AddDays(60)));

        var messages = await DocumentData.RemindersAsync(app, doc.Id);
        Assert.All(messages, m => Assert.Equal($"/TravelDocuments/Details/{doc.Id}", m.Link));
        Assert.Contains(messages, m => m.Subject.Contains("Document overdue", StringComparison.Ordinal) && m.Body.Contains("30 days overdue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_returned_document_is_not_reminded()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var doc = await DocumentData.DocumentAsync(app, people, people.Applicant);

        await DocumentData.RunRemindersAsync(app, DocumentData.Today.AddDays(40));

        Assert.Empty(await DocumentData.RemindersAsync(app, doc.Id));
    }

    [Fact]
    public async Task A_document_expiring_within_180_days_is_reminded_once_to_holder_and_officers()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var soon = await DocumentData.DocumentAsync(app, people, people.Applicant, "E17017017", change: d => d.ExpiryDate = DocumentData.Today.AddDays(170));
        var later = await DocumentData.DocumentAsync(app, people, people.Applicant, "E20020020", change: d => d.ExpiryDate = DocumentData.Today.AddDays(200));
        var officer = await DocumentData.UserIdAsync(app, "cqu.officer-exit");

        await DocumentData.RunRemindersAsync(app, DocumentData.Today);
        await DocumentData.RunRemindersAsync(app, DocumentData.Today.AddDays(1));

        var messages = await DocumentData.RemindersAsync(app, soon.Id);
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.RecipientUserId == people.ApplicantUserId);
        Assert.Contains(messages, m => m.RecipientUserId == officer);
        Assert.All(messages, m => Assert.Contains("Document expiring", m.Subject, StringComparison.Ordinal));
        Assert.Empty(await DocumentData.RemindersAsync(app, later.Id));
    }

    [Fact]
    public async Task The_reminder_job_runs_daily()
    {
        await using var app = await AppFactory.CreateAsync();
        var job = Assert.Single(app.Services.GetRequiredService<JobScheduler>().Jobs, j => j.Name == "travel-document-reminders");
        Assert.Equal(JobSchedule.DailyAt(new TimeOnly(8, 0)), job.Schedule);
    }
}
