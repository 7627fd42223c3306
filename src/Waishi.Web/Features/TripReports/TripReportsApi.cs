using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.TripReports;

/// <summary>/api/v1/trip-reports: the reports of the approved trips the caller may see, addressed
/// by the trip's id; written by the applicant or the filer, decided by an exit officer.</summary>
public static class TripReportsApi
{
    public sealed record ReportSummaryDto(Guid TripId, string Title, string? Number, Guid ApplicantId, Guid UnitId, DateOnly? DepartureDate,
        DateOnly? ReturnDate, DateOnly Due, ReportStatus Status, ReportState? State, int DaysOverdue);

    public sealed record DayDto(DateOnly Date, string City, string Activity);

    public sealed record ReportDto(Guid TripId, string Title, DateOnly? Due, ReportStatus? Status, int DaysOverdue, ReportState? State,
        long Version, string? Results, string? FollowUp, string? ReviewComment, DateTime? SubmittedUtc, DateTime? DecidedUtc, IReadOnlyList<DayDto> Days);

    public sealed record VersionInput(long? Version);

    public sealed record DecisionInput(long? Version, string? Comment);

    public static void Map(RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/trip-reports").WithTags("Trip reports").RequireAuthorization(Policies.Trips);
        reports.MapGet("/", ListAsync).WithName("ListTripReports").Produces<Paged<ReportSummaryDto>>().ProducesValidationProblem()
            .WithSummary("Approved trips the caller may see with their report; filters status (Due, Overdue, Submitted, Approved), q, unitId, personId, from, to (return, yyyy-MM-dd); paged.");
        reports.MapGet("/{tripId:guid}", GetAsync).WithName("GetTripReport").Produces<ReportDto>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The report of a trip, with its due date; state is null while none is written.");
        reports.MapPut("/{tripId:guid}", SaveAsync).WithName("SaveTripReport").Produces<ReportDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Creates (version 0) or updates the draft report of an approved trip; only the draft checks run.");
        reports.MapPost("/{tripId:guid}/submit", SubmitAsync).WithName("SubmitTripReport").Produces<ReportDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Runs the submission checks on the saved report and submits it to the exit office.");
        reports.MapPost("/{tripId:guid}/approve", (Guid tripId, DecisionInput input, HttpContext http, AppDbContext db, TripReportWriter writer, ApiProblems problems, CancellationToken ct)
                => DecideAsync(tripId, input, approve: true, http, db, writer, problems, ct))
            .WithName("ApproveTripReport").Produces<ReportDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Exit officers: approves a submitted report, which is then published on the public notice page.");
        reports.MapPost("/{tripId:guid}/return", (Guid tripId, DecisionInput input, HttpContext http, AppDbContext db, TripReportWriter writer, ApiProblems problems, CancellationToken ct)
                => DecideAsync(tripId, input, approve: false, http, db, writer, problems, ct))
            .WithName("ReturnTripReport").Produces<ReportDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Exit officers: returns a submitted report to its writer with a comment (required).");
        reports.MapDelete("/{tripId:guid}", DeleteAsync).WithName("DeleteTripReport").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Deletes a draft report; ?version= guards against deleting a newer version.");
    }

    private static async Task<IResult> ListAsync(HttpRequest request, HttpContext http, AppDbContext db, TripReportWriter writer, ApiProblems problems, CancellationToken ct)
    {
        if (!PageRequest.TryRead(request, problems, out var paging, out var error))
        {
            return error!;
        }
        var query = new ApiQuery(request);
        var filter = new ReportFilter
        {
            Q = query.Text("q"), Status = query.Choice<ReportStatus>("status"), Unit = query.Id("unitId"), Person = query.Id("personId"),
            From = Date(query, "from"), To = Date(query, "to"),
        };
        if (query.Errors.Count > 0)
        {
            return problems.Validation(query.Errors);
        }
        var policy = await TripPolicy.LoadAsync(db, ct);
        var access = await TripAccess.ForAsync(db, http.User, ct);
        var trips = filter.Apply(db, access, policy, writer.Today);
        var total = await trips.CountAsync(ct);
        var rows = await ReportFilter.RowsAsync(db, trips.Skip(paging.Skip).Take(paging.PageSize), policy, writer.Today, chinese: false, ct);
        return TypedResults.Ok(new Paged<ReportSummaryDto>([.. rows.Select(r => new ReportSummaryDto(r.Trip.Id, r.Trip.Title, r.Trip.Number,
            r.Trip.ApplicantId, r.Trip.UnitId, r.Trip.DepartureDate, r.Trip.ReturnDate, r.Due, r.Status, r.State, r.DaysOverdue))], total, paging.Page, paging.PageSize));
    }

    internal static DateOnly? Date(ApiQuery query, string name)
    {
        if (query.Text(name) is not { } raw)
        {
            return null;
        }
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        query.Errors.Add(new(name, "{0} must be a date written as yyyy-MM-dd.", name));
        return null;
    }

    private static async Task<IResult> GetAsync(Guid tripId, HttpContext http, AppDbContext db, TripReportWriter writer, ApiProblems problems, CancellationToken ct)
    {
        var access = await TripAccess.ForAsync(db, http.User, ct);
        return await writer.LoadAsync(access, tripId, tracking: false, ct) is ({ } trip, var report)
            ? TypedResults.Ok(await ToDtoAsync(db, writer, trip, report, ct))
            : problems.NotFound();
    }

    private static async Task<IResult> SaveAsync(Guid tripId, ReportInput input, HttpContext http, AppDbContext db, TripReportWriter writer,
        ApiProblems problems, CancellationToken ct)
    {
        var access = await TripAccess.ForAsync(db, http.User, ct);
        if (await writer.LoadAsync(access, tripId, tracking: true, ct) is not ({ } trip, var report))
        {
            return problems.NotFound();
        }
        if (!TripReportRules.CanWrite(access, trip))
        {
            return Forbidden(http, "Only the applicant or the filer of the trip writes its report.");
        }
        if ((report?.Version ?? 0) != input.Version)
        {
            return problems.Stale();
        }
        if (NotWritable(trip, report, problems) is { } conflict)
        {
            return conflict;
        }
        (var errors, report) = await writer.ApplyAsync(access, trip, report, input, submit: false, ct);
        if (errors.Count > 0)
        {
            return Refused(errors, problems);
        }
        return await PersistAsync(db, writer, trip, report!, input.Version, problems, ct);
    }

    private static async Task<IResult> SubmitAsync(Guid tripId, VersionInput input, HttpContext http, AppDbContext db, TripReportWriter writer,
        ApiProblems problems, CancellationToken ct)
    {
        var access = await TripAccess.ForAsync(db, http.User, ct);
        if (await writer.LoadAsync(access, tripId, tracking: true, ct) is not ({ } trip, var report))
        {
            return problems.NotFound();
        }
        if (!TripReportRules.CanWrite(access, trip))
        {
            return Forbidden(http, "Only the applicant or the filer of the trip writes its report.");
        }
        if (input.Version is not { } version)
        {
            return problems.Validation("Version", "Send the version of the record you edited (the version field you read).");
        }
        if ((report?.Version ?? 0) != version)
        {
            return problems.Stale();
        }
        if (NotWritable(trip, report, problems) is { } conflict)
        {
            return conflict;
        }
        var errors = await writer.SubmitAsync(access, trip, report, ct);
        return errors.Count > 0 ? Refused(errors, problems) : await PersistAsync(db, writer, trip, report!, version, problems, ct);
    }

    private static async Task<IResult> DecideAsync(Guid tripId, DecisionInput input, bool approve, HttpContext http, AppDbContext db, TripReportWriter writer,
        ApiProblems problems, CancellationToken ct)
    {
        var access = await TripAccess.ForAsync(db, http.User, ct);
        if (await writer.LoadAsync(access, tripId, tracking: true, ct) is not ({ } trip, var report))
        {
            return problems.NotFound();
        }
        if (!TripReportRules.CanReview(access))
        {
            return Forbidden(http, "Only an exit officer approves or returns trip reports.");
        }
        if (input.Version is not { } version)
        {
            return problems.Validation("Version", "Send the version of the record you edited (the version field you read).");
        }
        if (report is not null && report.Version != version)
        {
            return problems.Stale();
        }
        if (TripReportRules.Decidable(access, trip, report) is { } refusal)
        {
            return problems.Conflict(refusal.Message, refusal.Arguments);
        }
        var errors = await writer.DecideAsync(access, trip, report, approve, input.Comment, ct);
        return errors.Count > 0 ? Refused(errors, problems) : await PersistAsync(db, writer, trip, report!, version, problems, ct);
    }

    private static async Task<IResult> DeleteAsync(Guid tripId, HttpRequest request, HttpContext http, AppDbContext db, TripReportWriter writer,
        ApiProblems problems, CancellationToken ct)
    {
        var access = await TripAccess.ForAsync(db, http.User, ct);
        if (await writer.LoadAsync(access, tripId, tracking: true, ct) is not ({ } trip, { } report))
        {
            return problems.NotFound();
        }
        if (!TripReportRules.CanWrite(access, trip))
        {
            return Forbidden(http, "Only the applicant or the filer of the trip writes its report.");
        }
        if (report.State != ReportState.Draft)
        {
            return problems.Conflict("Only a draft report can be deleted; this one is {0}.", ReportLabels.Of(report.State));
        }
        if (ApiVersions.Stale(request, report.Version, problems) is { } stale)
        {
            return stale;
        }
        db.Remove(report);
        return await ApiVersions.SaveDeleteAsync(db, problems, ct);
    }

    private static IResult Refused(List<FieldError> errors, ApiProblems problems) => problems.Validation(errors);

    /// <summary>409 when the report cannot be changed in its state (or the trip's).</summary>
    private static IResult? NotWritable(Trip trip, TripReport? report, ApiProblems problems) =>
        TripReportRules.Writable(trip, report) is { } refusal ? problems.Conflict(refusal.Message, refusal.Arguments) : null;

    private static IResult Forbidden(HttpContext http, string detail)
    {
        var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: t["Forbidden."], detail: t[detail]);
    }

    private static async Task<IResult> PersistAsync(AppDbContext db, TripReportWriter writer, Trip trip, TripReport report, long version, ApiProblems problems, CancellationToken ct)
    {
        if (db.Entry(report).State != EntityState.Added)
        {
            db.ExpectVersion(report, version);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return problems.Stale();
        }
        return TypedResults.Ok(await ToDtoAsync(db, writer, trip, report, ct));
    }

    private static async Task<ReportDto> ToDtoAsync(AppDbContext db, TripReportWriter writer, Trip trip, TripReport? r, CancellationToken ct)
    {
        var policy = await TripPolicy.LoadAsync(db, ct);
        var due = trip.State == TripState.Approved ? ReportDue.DueOn(trip, policy) : null;
        return new ReportDto(trip.Id, trip.Title, due, due is { } d ? ReportDue.StatusOf(r?.State, d, writer.Today) : null,
            due is { } d2 ? Math.Max(0, ReportDue.DaysOverdue(d2, writer.Today)) : 0, r?.State, r?.Version ?? 0, r?.Results, r?.FollowUp,
            r?.ReviewComment, r?.SubmittedUtc, r?.DecidedUtc,
            r is null ? [] : [.. r.Days.OrderBy(x => x.SortOrder).Select(x => new DayDto(x.Date, x.City, x.Activity))]);
    }
}
