using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Notifications;

namespace Waishi.Web.Features.TripReports;

/// <summary>What the report pages and the API share: loading a trip with its report for a user,
/// writing, submitting and deciding a report with its notifications. The caller saves.</summary>
public sealed class TripReportWriter(AppDbContext db, TimeProvider clock, Notifier notifier)
{
    public DateOnly Today => TripsSetup.Today(clock);

    /// <summary>A trip the user may see, with its report (null when none is written yet).</summary>
    public async Task<(Trip Trip, TripReport? Report)?> LoadAsync(TripAccess access, Guid tripId, bool tracking, CancellationToken ct)
    {
        var trips = access.Visible(db);
        var trip = await (tracking ? trips : trips.AsNoTracking()).FirstOrDefaultAsync(t => t.Id == tripId, ct);
        if (trip is null)
        {
            return null;
        }
        var reports = db.Set<TripReport>().Include(r => r.Days);
        var report = await (tracking ? reports : reports.AsNoTracking()).FirstOrDefaultAsync(r => r.TripId == tripId, ct);
        return (trip, report);
    }

    /// <summary>Applies the input to the report (a new one is added to the context), checks it as a
    /// draft or a submission and, when it passes a submission, submits it.</summary>
    public async Task<(List<FieldError> Errors, TripReport? Report)> ApplyAsync(TripAccess access, Trip trip, TripReport? report, ReportInput input,
        bool submit, CancellationToken ct)
    {
        if (TripReportRules.Writable(trip, report) is { } refusal)
        {
            return ([refusal], report);
        }
        if (report is null)
        {
            report = new TripReport { TenantId = trip.TenantId, TripId = trip.Id, CreatedUtc = clock.GetUtcNow().UtcDateTime };
            db.Add(report);
        }
        var errors = input.ApplyTo(report, out var added);
        if (db.Entry(report).State != EntityState.Added)
        {
            // New days of a tracked report carry their keys already: EF would take them for rows to update.
            db.AddRange(added);
            // Changing only the days must still bump the report's version and check it.
            db.Entry(report).Property(r => r.Results).IsModified = true;
        }
        errors.AddRange(submit ? TripReportRules.Submission(trip, report, Today) : TripReportRules.Draft(trip, report));
        if (errors.Count == 0 && submit)
        {
            await MarkSubmittedAsync(access, trip, report, ct);
        }
        return (errors, report);
    }

    /// <summary>Submits a saved report as it stands, if it passes the submission checks.</summary>
    public async Task<List<FieldError>> SubmitAsync(TripAccess access, Trip trip, TripReport? report, CancellationToken ct)
    {
        if (TripReportRules.Writable(trip, report) is { } refusal)
        {
            return [refusal];
        }
        if (report is null)
        {
            return [new("", "Write the report before submitting it.")];
        }
        var errors = TripReportRules.Submission(trip, report, Today);
        if (errors.Count == 0)
        {
            await MarkSubmittedAsync(access, trip, report, ct);
        }
        return errors;
    }

    private async Task MarkSubmittedAsync(TripAccess access, Trip trip, TripReport report, CancellationToken ct)
    {
        report.State = ReportState.Submitted;
        report.SubmittedUtc = clock.GetUtcNow().UtcDateTime;
        report.SubmittedByUserId = access.UserId;
        report.ReviewComment = null;
        await NotifyReviewersAsync(trip, ct);
    }

    /// <summary>Approves or returns a submitted report; a return needs a comment.</summary>
    public async Task<List<FieldError>> DecideAsync(TripAccess access, Trip trip, TripReport? report, bool approve, string? comment, CancellationToken ct)
    {
        if (!TripReportRules.CanReview(access))
        {
            return [new("", "Only an exit officer approves or returns trip reports.")];
        }
        if (TripReportRules.Decidable(access, trip, report) is { } refusal)
        {
            return [refusal];
        }
        comment = People.TextFields.Optional(comment);
        if (!approve && comment is null)
        {
            return [new("Comment", "Say what the writer should change: a returned report needs a comment.")];
        }
        if (comment is { Length: > 1000 })
        {
            return [new("Comment", "{0} is too long: at most {1} characters.", "Comment", 1000)];
        }
        report!.State = approve ? ReportState.Approved : ReportState.Returned;
        report.ReviewComment = comment;
        report.DecidedUtc = clock.GetUtcNow().UtcDateTime;
        report.DecidedByUserId = access.UserId;
        var subject = approve ? $"出访报告已通过 · Trip report approved: {trip.Title}" : $"出访报告退回修改 · Trip report returned: {trip.Title}";
        foreach (var user in await WritersOfAsync(trip, ct))
        {
            notifier.Enqueue(trip.TenantId, user, subject, comment ?? "The exit office decided on your trip report.", $"/TripReports/Details/{trip.Id}");
        }
        return [];
    }

    /// <summary>The accounts that write a trip's report: the filer and the applicant's own accounts.</summary>
    private Task<List<Guid>> WritersOfAsync(Trip trip, CancellationToken ct) =>
        db.Set<AppUser>().AsNoTracking().Where(u => !u.IsDisabled && (u.Id == trip.FiledByUserId || u.StaffMemberId == trip.ApplicantId))
            .Select(u => u.Id).ToListAsync(ct);

    private async Task NotifyReviewersAsync(Trip trip, CancellationToken ct)
    {
        var officers = await db.Set<RoleAssignment>().AsNoTracking().Where(r => r.Role == Roles.OfficerExit)
            .Join(db.Set<AppUser>().Where(u => !u.IsDisabled), r => r.UserId, u => u.Id, (r, u) => u.Id)
            .Distinct().ToListAsync(ct);
        foreach (var officer in officers)
        {
            notifier.Enqueue(trip.TenantId, officer, $"待审出访报告 · Trip report to review: {trip.Title}",
                "A trip report waits for your review.", $"/TripReports/Details/{trip.Id}");
        }
    }
}
