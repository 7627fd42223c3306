using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Features.Trips;

/// <summary>/api/v1/trips: the trip applications the caller may see; drafts are created, updated and submitted here.</summary>
public static class TripsApi
{
    public sealed record TripSummaryDto(Guid Id, long Version, string Title, TripType Type, TripState State, Guid ApplicantId, Guid UnitId,
        DateOnly? DepartureDate, DateOnly? ReturnDate, string? InvitingOrganisation);

    public sealed record MemberDto(Guid StaffMemberId, DelegationRole Role);
    public sealed record DestinationDto(string CountryCode, string City);
    public sealed record DayDto(DateOnly Date, string City, string Activity);
    public sealed record BudgetDto(BudgetCategory Category, decimal Amount, string? Note);

    public sealed record TripDto(Guid Id, long Version, string Title, TripType Type, TripState State, Guid ApplicantId, Guid FiledByUserId,
        Guid UnitId, string? Purpose, string? Tasks, string? InvitingOrganisation, DateOnly? DepartureDate, DateOnly? ReturnDate,
        string? FundingSource, string? LateJustification, DateTime? SubmittedUtc, bool HasInvitationLetter,
        string? Number, Guid? CaseId, DateOnly? PublicityEndsOn, DateTime? ApprovedUtc, Guid? PlanItemId,
        IReadOnlyList<MemberDto> Members, IReadOnlyList<DestinationDto> Destinations, IReadOnlyList<DayDto> Itinerary, IReadOnlyList<BudgetDto> Budget);

    public sealed record SubmitInput(long? Version);

    public sealed record AmendmentDto(Guid Id, int Sequence, AmendmentState State, string Reason, Guid? CaseId, DateTime CreatedUtc,
        DateTime? DecidedUtc, TripTerms Before, TripTerms After);

    public sealed record AmendmentInput(DateOnly? DepartureDate, DateOnly? ReturnDate, IReadOnlyList<DestinationDto>? Destinations,
        IReadOnlyList<MemberDto>? Members, string? Reason);

    public static void Map(RouteGroupBuilder api)
    {
        var trips = api.MapGroup("/trips").WithTags("Trips").RequireAuthorization(Policies.Trips);
        trips.MapGet("/", ListAsync).WithName("ListTrips").Produces<Paged<TripSummaryDto>>().ProducesValidationProblem()
            .WithSummary("Trips the caller may see; filters q, mine, unitId, state, type, country, from, to (departure, yyyy-MM-dd), personId; paged.");
        trips.MapGet("/{id:guid}", GetAsync).WithName("GetTrip").Produces<TripDto>().ProducesProblem(StatusCodes.Status404NotFound);
        trips.MapPost("/", CreateAsync).WithName("CreateTrip").Produces<TripDto>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Creates a draft; only the draft checks run.");
        trips.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateTrip").Produces<TripDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        trips.MapPost("/{id:guid}/submit", SubmitAsync).WithName("SubmitTrip").Produces<TripDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Runs every submission check on the saved draft and submits it.");
        trips.MapGet("/{id:guid}/amendments", AmendmentsAsync).WithName("ListTripAmendments").Produces<List<AmendmentDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound).WithSummary("The trip's amendments with the terms before and after each.");
        trips.MapPost("/{id:guid}/amendments", AmendAsync).WithName("AmendTrip").Produces<AmendmentDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Asks for new dates, destinations or members of an approved trip (or revises the returned amendment); it goes through approval.");
        trips.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteTrip").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Deletes a draft; ?version= guards against deleting a newer version.");
    }

    private static AmendmentDto ToDto(TripAmendment a) => new(a.Id, a.Sequence, a.State, a.Reason, a.CaseId, a.CreatedUtc, a.DecidedUtc,
        TripTerms.FromJson(a.Before), TripTerms.FromJson(a.After));

    private static async Task<IResult> AmendmentsAsync(Guid id, HttpContext http, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var access = await TripAccess.ForAsync(db, http.User, ct);
        if (!await access.Visible(db).AnyAsync(t => t.Id == id, ct))
        {
            return problems.NotFound();
        }
        var rows = await db.Set<TripAmendment>().AsNoTracking().Where(a => a.TripId == id).OrderBy(a => a.Sequence).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(ToDto).ToList());
    }

    private static async Task<IResult> AmendAsync(Guid id, AmendmentInput input, HttpContext http, AppDbContext db, TripAmendments amendments,
        ApiProblems problems, CancellationToken ct)
    {
        var access = await TripAccess.ForAsync(db, http.User, ct);
        var trip = await EditModel.LoadAsync(db, access.Visible(db), id, ct);
        if (trip is null)
        {
            return problems.NotFound();
        }
        if (trip.State != TripState.Approved)
        {
            return problems.Conflict("Only an approved trip can be amended; this trip is {0}.", TripLabels.Of(trip.State));
        }
        if (!access.CanAmend(trip))
        {
            var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: t["Forbidden."],
                detail: t["Only the filer, the applicant or an exit officer may amend this trip."]);
        }
        var after = new TripTerms(input.DepartureDate, input.ReturnDate,
            [.. (input.Destinations ?? []).Select(d => new TripTerms.Place((d.CountryCode ?? "").Trim().ToUpperInvariant(), (d.City ?? "").Trim()))],
            [.. (input.Members ?? []).Select(m => new TripTerms.Person(m.StaffMemberId, m.Role))]);
        var (errors, result) = await amendments.FileAsync(trip, after, input.Reason, access.UserId, ct);
        if (errors.Count > 0)
        {
            return errors.Any(e => e.Message == TripAmendments.InReviewMessage) ? problems.Conflict(TripAmendments.InReviewMessage) : problems.Validation(errors);
        }
        if (result is { Succeeded: false })
        {
            return problems.Conflict(result.Message ?? WorkflowMachine.ConflictMessage);
        }
        var saved = await db.Set<TripAmendment>().AsNoTracking().Where(a => a.TripId == id).OrderByDescending(a => a.Sequence).FirstAsync(ct);
        return TypedResults.Created($"/api/v1/trips/{id}/amendments", ToDto(saved));
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpRequest request, HttpContext http, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var (trip, _, refusal) = await LoadEditableAsync(id, http, db, problems, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        if (trip!.State != TripState.Draft)
        {
            return problems.Conflict("Only drafts can be deleted; a trip returned for revision has an approval history.");
        }
        if (ApiVersions.Stale(request, trip.Version, problems) is { } stale)
        {
            return stale;
        }
        db.Remove(trip);
        return await ApiVersions.SaveDeleteAsync(db, problems, ct);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, HttpContext http, AppDbContext db, ApiProblems problems, ListOptions lists,
        CancellationToken ct)
    {
        if (!PageRequest.TryRead(request, problems, out var paging, out var error))
        {
            return error!;
        }
        var query = new ApiQuery(request);
        var filter = new TripFilter
        {
            Q = query.Text("q"), Mine = query.Flag("mine") ?? false, Unit = query.Id("unitId"), State = query.Choice<TripState>("state"),
            Type = query.Choice<TripType>("type"), Country = query.Text("country"), Person = query.Id("personId"),
            From = Date(request, "from", query.Errors), To = Date(request, "to", query.Errors),
        };
        if (query.Errors.Count > 0)
        {
            return problems.Validation(query.Errors);
        }
        var access = await TripAccess.ForAsync(db, http.User, ct);
        var page = await filter.Apply(db, access)
            .Select(t => new TripSummaryDto(t.Id, t.Version, t.Title, t.Type, t.State, t.ApplicantId, t.UnitId, t.DepartureDate, t.ReturnDate, t.InvitingOrganisation))
            .ToPageAsync(filter.Matching(db, access), lists.CountCap, paging, ct);
        return TypedResults.Ok(page);
    }

    private static DateOnly? Date(HttpRequest request, string name, List<FieldError> errors)
    {
        var raw = request.Query[name].ToString();
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.Add(new(name, "{0} must be a date written as yyyy-MM-dd.", name));
        return null;
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var access = await TripAccess.ForAsync(db, http.User, ct);
        var trip = await EditModel.LoadAsync(db, access.Visible(db).AsNoTracking(), id, ct);
        return trip is null ? problems.NotFound() : TypedResults.Ok(await ToDtoAsync(db, trip, ct));
    }

    private static async Task<IResult> CreateAsync(TripInput input, HttpContext http, AppDbContext db, TripWriter writer, TimeProvider clock,
        ApiProblems problems, CancellationToken ct)
    {
        var access = await TripAccess.ForAsync(db, http.User, ct);
        input.ApplicantId ??= access.StaffId;
        var trip = new Trip { FiledByUserId = access.UserId, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        var errors = await writer.ApplyAsync(trip, input, access, submit: false, letter: null, ct);
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        db.Add(trip);
        await db.SaveChangesAsync(ct);
        await TripScreenings.ScreenSavedAsync(http.RequestServices, trip, ct);
        return TypedResults.Created($"/api/v1/trips/{trip.Id}", await ToDtoAsync(db, trip, ct));
    }

    private static async Task<IResult> UpdateAsync(Guid id, TripInput input, HttpContext http, AppDbContext db, TripWriter writer,
        ApiProblems problems, CancellationToken ct)
    {
        var (trip, access, refusal) = await LoadEditableAsync(id, http, db, problems, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        if (input.Version != trip!.Version)
        {
            return problems.Stale();
        }
        var errors = await writer.ApplyAsync(trip, input, access!, submit: false, letter: null, ct);
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        var saved = await SaveAsync(db, trip, input.Version, problems, ct);
        if (saved is Microsoft.AspNetCore.Http.HttpResults.Ok<TripDto>)
        {
            await TripScreenings.ScreenSavedAsync(http.RequestServices, trip, ct);
        }
        return saved;
    }

    private static async Task<IResult> SubmitAsync(Guid id, SubmitInput input, HttpContext http, AppDbContext db, TripWriter writer,
        TripApproval approval, ApiProblems problems, CancellationToken ct)
    {
        var (trip, access, refusal) = await LoadEditableAsync(id, http, db, problems, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        if (input.Version is not { } version)
        {
            return problems.Validation("Version", "Send the version of the record you edited (the version field you read).");
        }
        if (version != trip!.Version)
        {
            return problems.Stale();
        }
        var errors = await writer.CheckSubmissionAsync(trip, ct);
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        var result = await approval.SubmitAsync(trip.Id, access!.UserId, ct);
        if (!result.Succeeded)
        {
            return result.Status switch
            {
                DecisionStatus.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: result.Message),
                _ => problems.Conflict(result.Message ?? WorkflowMachine.ConflictMessage),
            };
        }
        db.ChangeTracker.Clear();
        var saved = await EditModel.LoadAsync(db, db.Set<Trip>().AsNoTracking(), id, ct);
        return TypedResults.Ok(await ToDtoAsync(db, saved!, ct));
    }

    private static async Task<(Trip?, TripAccess?, IResult?)> LoadEditableAsync(Guid id, HttpContext http, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var access = await TripAccess.ForAsync(db, http.User, ct);
        var trip = await EditModel.LoadAsync(db, access.Visible(db), id, ct);
        if (trip is null)
        {
            return (null, null, problems.NotFound());
        }
        if (trip.State is not (TripState.Draft or TripState.Returned))
        {
            return (null, null, problems.Conflict("Only drafts and trips returned for revision can be changed; this trip is {0}.", TripLabels.Of(trip.State)));
        }
        if (!access.CanEdit(trip))
        {
            var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            return (null, null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: t["Forbidden."],
                detail: t["Only the filer, the applicant, the unit's secretary or an exit officer may change this draft."]));
        }
        return (trip, access, null);
    }

    private static async Task<IResult> SaveAsync(AppDbContext db, Trip trip, long version, ApiProblems problems, CancellationToken ct)
    {
        db.ExpectVersion(trip, version);
        db.Entry(trip).Property(t => t.Title).IsModified = true;
        if (await db.TrySaveAsync(ct) is not null)
        {
            return problems.Stale();
        }
        return TypedResults.Ok(await ToDtoAsync(db, trip, ct));
    }

    private static async Task<TripDto> ToDtoAsync(AppDbContext db, Trip t, CancellationToken ct)
    {
        var hasLetter = await db.Set<TripLetter>().AnyAsync(l => l.TripId == t.Id, ct);
        return new TripDto(t.Id, t.Version, t.Title, t.Type, t.State, t.ApplicantId, t.FiledByUserId, t.UnitId, t.Purpose, t.Tasks,
            t.InvitingOrganisation, t.DepartureDate, t.ReturnDate, t.FundingSource, t.LateJustification, t.SubmittedUtc, hasLetter,
            t.Number, t.CaseId, t.PublicityEndsOn, t.ApprovedUtc, t.PlanItemId,
            [.. t.Members.OrderBy(m => m.SortOrder).Select(m => new MemberDto(m.StaffMemberId, m.Role))],
            [.. t.Destinations.OrderBy(d => d.SortOrder).Select(d => new DestinationDto(d.CountryCode, d.City))],
            [.. t.Itinerary.OrderBy(d => d.SortOrder).Select(d => new DayDto(d.Date, d.City, d.Activity))],
            [.. t.Budget.OrderBy(l => l.SortOrder).Select(l => new BudgetDto(l.Category, l.Amount, l.Note))]);
    }
}
