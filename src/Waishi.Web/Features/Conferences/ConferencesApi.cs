using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Conferences.Plans;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Conferences;

/// <summary>/api/v1/conferences and /api/v1/conference-plans: applications (filed, submitted,
/// summarised) and the units' annual plans, with the same access rules as the pages.</summary>
public static class ConferencesApi
{
    public sealed record ConferenceSummaryDto(Guid Id, long Version, string? Number, string TitleEn, string? TitleZh, DateOnly StartDate, DateOnly EndDate,
        string City, Guid UnitId, int ExpectedParticipants, int ExpectedForeign, ConferenceState State, bool IsLate, bool CityApproval,
        DateTime? SummarySubmittedUtc);

    public sealed record CoOrganiserDto(Guid? PartnerId, string Name);

    public sealed record CountryDto(string CountryCode, int Count);

    public sealed record DocumentDto(Guid Id, ConferenceDocumentKind Kind, string FileName, string ContentType, long Size, DateTime UploadedUtc);

    public sealed record ConferenceDto(Guid Id, long Version, string? Number, string TitleEn, string? TitleZh, DateOnly StartDate, DateOnly EndDate,
        string Venue, string City, Guid UnitId, Guid FiledByUserId, Guid? OfficerUserId, IReadOnlyList<CoOrganiserDto> CoOrganisers,
        int ExpectedParticipants, int ExpectedForeign, IReadOnlyList<CountryDto> Countries, string? Topics, bool SensitiveTopics,
        decimal? BudgetTotal, string? BudgetCurrency, string? BudgetNote, bool ForeignNgo, string? NgoName, string? NgoFilingNote,
        string? LateJustification, bool IsLate, bool CityApproval, ConferenceState State, Guid? CaseId, DateTime? SubmittedUtc, DateTime? ApprovedUtc,
        DateOnly SummaryDue, int? ActualParticipants, IReadOnlyList<CountryDto> ActualCountries, string? Outcomes, DateTime? SummarySubmittedUtc,
        IReadOnlyList<DocumentDto> Documents);

    public sealed record PlanItemDto(string Title, string? ApproximateDates, int ExpectedParticipants, int ForeignParticipants, string? CoOrganisers);

    public sealed record PlanDto(Guid? Id, long Version, Guid UnitId, int Year, bool Submitted, DateTime? SubmittedUtc, DateOnly Due, string? Notes,
        IReadOnlyList<PlanItemDto> Items);

    public sealed record PlanBody(long Version, string? Notes, List<PlanInput.ItemRow>? Items, bool Submit = false);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/conferences").WithTags("Conferences").RequireAuthorization(Policies.Conferences);
        g.MapGet("/", ListAsync).WithName("ListConferences").Produces<Paged<ConferenceSummaryDto>>().ProducesValidationProblem()
            .WithSummary("Conference applications the caller may see; filters q, state, unit, year (of the start), late, city, overdue (summary); paged.");
        g.MapGet("/{id:guid}", GetAsync).WithName("GetConference").Produces<ConferenceDto>().ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/", CreateAsync).WithName("CreateConference").Produces<ConferenceDto>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Files a draft application; the lead-time rule of the policy applies (a late one needs lateJustification).");
        g.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateConference").Produces<ConferenceDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Replaces a draft's or returned application's terms; version must be the one read.");
        g.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteConference").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Deletes a draft; ?version= guards against deleting a newer version.");
        g.MapPost("/{id:guid}/submit", SubmitAsync).WithName("SubmitConference").Produces<ConferenceDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Submits a draft (it gets its CONF number) or resubmits a returned application on its approval chain.");
        g.MapPut("/{id:guid}/summary", SummaryAsync).WithName("RecordConferenceSummary").Produces<ConferenceDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Records the post-conference summary of an approved conference: actual participants, by country, outcomes.");

        var plans = api.MapGroup("/conference-plans").WithTags("Conferences").RequireAuthorization(Policies.Conferences);
        plans.MapGet("/", PlansAsync).WithName("ListConferencePlans").Produces<List<PlanDto>>().ProducesValidationProblem()
            .WithSummary("The plans of the units the caller may see for ?year= (next year by default), units without a plan included.");
        plans.MapGet("/{unitId:guid}/{year:int}", PlanAsync).WithName("GetConferencePlan").Produces<PlanDto>().ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPut("/{unitId:guid}/{year:int}", SavePlanAsync).WithName("SaveConferencePlan").Produces<PlanDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Replaces a unit's plan for a year; submit=true hands it in.");
    }

    private static async Task<ConferenceDto> ToDtoAsync(AppDbContext db, Conference c, CancellationToken ct)
    {
        var policy = await ConferencePolicy.LoadAsync(db, ct);
        var documents = await db.Set<ConferenceDocument>().AsNoTracking().Where(d => d.ConferenceId == c.Id).OrderBy(d => d.UploadedUtc)
            .Select(d => new DocumentDto(d.Id, d.Kind, d.FileName, d.ContentType, d.Size, d.UploadedUtc)).ToListAsync(ct);
        return new(c.Id, c.Version, c.Number, c.TitleEn, c.TitleZh, c.StartDate, c.EndDate, c.Venue, c.City, c.UnitId, c.FiledByUserId, c.OfficerUserId,
            [.. c.CoOrganisers.OrderBy(o => o.SortOrder).Select(o => new CoOrganiserDto(o.PartnerId, o.Name))],
            c.ExpectedParticipants, c.ExpectedForeign, [.. c.Expected.Select(x => new CountryDto(x.CountryCode, x.Count))], c.Topics, c.SensitiveTopics,
            c.BudgetTotal, c.BudgetCurrency, c.BudgetNote, c.ForeignNgo, c.NgoName, c.NgoFilingNote, c.LateJustification, c.IsLate, c.CityApproval,
            c.State, c.CaseId, c.SubmittedUtc, c.ApprovedUtc, c.SummaryDue(policy), c.ActualParticipants,
            [.. c.ActualByCountry.Select(x => new CountryDto(x.CountryCode, x.Count))], c.Outcomes, c.SummarySubmittedUtc, documents);
    }

    private static async Task<Conference?> VisibleAsync(AppDbContext db, ClaimsPrincipal user, Guid id, bool tracking, CancellationToken ct)
    {
        var c = await ConferenceWriter.LoadAsync(db, id, tracking, ct);
        return c is not null && ConferenceAccess.For(user).Sees(c) ? c : null;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, ApiProblems problems, CancellationToken ct)
    {
        if (!PageRequest.TryRead(request, problems, out var paging, out var error))
        {
            return error!;
        }
        var query = new ApiQuery(request);
        var filter = new ConferenceFilter
        {
            Q = query.Text("q"), State = query.Choice<ConferenceState>("state"), Unit = query.Id("unit"),
            Late = query.Flag("late"), City = query.Flag("city"), Overdue = query.Flag("overdue"),
        };
        if (query.Text("year") is { } year)
        {
            if (int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2200)
            {
                filter.Year = y;
            }
            else
            {
                query.Errors.Add(new("year", "{0} must be a year such as 2026.", "year"));
            }
        }
        if (query.Errors.Count > 0)
        {
            return problems.Validation(query.Errors);
        }
        var policy = await ConferencePolicy.LoadAsync(db, ct);
        var page = await filter.Apply(db, ConferenceAccess.For(user).Visible(db), policy, TripsSetup.Today(clock))
            .Select(c => new ConferenceSummaryDto(c.Id, c.Version, c.Number, c.TitleEn, c.TitleZh, c.StartDate, c.EndDate, c.City, c.UnitId,
                c.ExpectedParticipants, c.ExpectedForeign, c.State, c.IsLate, c.CityApproval, c.SummarySubmittedUtc))
            .ToPageAsync(paging, ct);
        return TypedResults.Ok(page);
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, AppDbContext db, ApiProblems problems, CancellationToken ct) =>
        await VisibleAsync(db, user, id, false, ct) is { } c ? TypedResults.Ok(await ToDtoAsync(db, c, ct)) : problems.NotFound();

    private static async Task<IResult> CreateAsync(ConferenceInput input, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, ConferenceApproval approval, ApiProblems problems, CancellationToken ct)
    {
        if (!ConferenceAccess.For(user).CanFile)
        {
            return TypedResults.Forbid();
        }
        var c = new Conference { CreatedUtc = clock.GetUtcNow().UtcDateTime, FiledByUserId = user.GetUserId() ?? Guid.Empty };
        if (await ConferenceWriter.ApplyAsync(db, c, input, TripsSetup.Today(clock), ct) is { Count: > 0 } errors)
        {
            return problems.Validation(errors);
        }
        db.Add(c);
        await db.SaveChangesAsync(ct);
        await approval.ScreenAsync(c, ct);
        return TypedResults.Created($"/api/v1/conferences/{c.Id}", await ToDtoAsync(db, c, ct));
    }

    private static async Task<IResult> UpdateAsync(Guid id, ConferenceInput input, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, ConferenceApproval approval, ApiProblems problems, CancellationToken ct)
    {
        var c = await VisibleAsync(db, user, id, true, ct);
        if (c is null)
        {
            return problems.NotFound();
        }
        if (!ConferenceAccess.For(user).CanEdit(c))
        {
            return problems.Conflict("Only a draft or an application returned for revision can be changed, by its filer, the unit's secretary or a global relations officer.");
        }
        if (input.Version != c.Version)
        {
            return problems.Stale();
        }
        if (await ConferenceWriter.ApplyAsync(db, c, input, TripsSetup.Today(clock), ct) is { Count: > 0 } errors)
        {
            return problems.Validation(errors);
        }
        db.ExpectVersion(c, input.Version);
        if (await db.TrySaveAsync(ct) is not null)
        {
            return problems.Stale();
        }
        await approval.ScreenAsync(c, ct);
        return TypedResults.Ok(await ToDtoAsync(db, c, ct));
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpRequest request, ClaimsPrincipal user, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var c = await VisibleAsync(db, user, id, true, ct);
        if (c is null)
        {
            return problems.NotFound();
        }
        if (!ConferenceAccess.For(user).CanDelete(c))
        {
            return problems.Conflict("Only a draft can be deleted, by its filer, the unit's secretary or a global relations officer.");
        }
        if (ApiVersions.Stale(request, c.Version, problems) is { } stale)
        {
            return stale;
        }
        await ConferenceWriter.RemoveAsync(db, c, ct);
        return await ApiVersions.SaveDeleteAsync(db, problems, ct);
    }

    private static async Task<IResult> SubmitAsync(Guid id, ClaimsPrincipal user, AppDbContext db, ConferenceApproval approval, ApiProblems problems, CancellationToken ct)
    {
        var c = await VisibleAsync(db, user, id, false, ct);
        if (c is null)
        {
            return problems.NotFound();
        }
        if (!ConferenceAccess.For(user).CanEdit(c))
        {
            return problems.Conflict(ConferenceApproval.NotSubmittableMessage);
        }
        var (result, error) = await approval.SubmitAsync(id, user.GetUserId()!.Value, ct);
        if (error is { Field.Length: > 0 })
        {
            return problems.Validation([error]);
        }
        if (error is not null || result is not { Succeeded: true })
        {
            return problems.Conflict(error?.Message ?? result?.Message ?? ConferenceApproval.NotSubmittableMessage);
        }
        db.ChangeTracker.Clear();
        return TypedResults.Ok(await ToDtoAsync(db, (await ConferenceWriter.LoadAsync(db, id, false, ct))!, ct));
    }

    private static async Task<IResult> SummaryAsync(Guid id, SummaryInput input, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, ApiProblems problems, CancellationToken ct)
    {
        var c = await VisibleAsync(db, user, id, true, ct);
        if (c is null)
        {
            return problems.NotFound();
        }
        if (!ConferenceAccess.For(user).CanSummarise(c, TripsSetup.Today(clock)))
        {
            return problems.Conflict("The summary is recorded once the conference is approved and has begun, by its filer, the unit's secretary or a global relations officer.");
        }
        if (input.Version != c.Version)
        {
            return problems.Stale();
        }
        if (ConferenceSummaries.Validate(input) is { Count: > 0 } errors)
        {
            return problems.Validation(errors);
        }
        ConferenceSummaries.Apply(db, c, input, clock.GetUtcNow().UtcDateTime);
        db.ExpectVersion(c, input.Version);
        if (await db.TrySaveAsync(ct) is not null)
        {
            return problems.Stale();
        }
        return TypedResults.Ok(await ToDtoAsync(db, c, ct));
    }

    private static PlanDto ToDto(ConferencePlan? p, Guid unit, int year, ConferencePolicy policy) =>
        new(p?.Id, p?.Version ?? 0, unit, year, p?.Submitted ?? false, p?.SubmittedUtc, ConferencePlan.DueDate(year, policy), p?.Notes,
            [.. (p?.Items ?? []).OrderBy(i => i.SortOrder).Select(i => new PlanItemDto(i.Title, i.ApproximateDates, i.ExpectedParticipants, i.ForeignParticipants, i.CoOrganisers))]);

    private static async Task<IResult> PlansAsync(HttpRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, ApiProblems problems, CancellationToken ct)
    {
        var year = TripsSetup.Today(clock).Year + 1;
        if (new ApiQuery(request).Text("year") is { } text)
        {
            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year) || year is < 2000 or > 2200)
            {
                return problems.Validation("year", "{0} must be a year such as 2026.", "year");
            }
        }
        var access = new PlanAccess(user);
        var policy = await ConferencePolicy.LoadAsync(db, ct);
        var plans = await db.Set<ConferencePlan>().AsNoTracking().Include(p => p.Items).Where(p => p.Year == year).ToDictionaryAsync(p => p.UnitId, ct);
        var units = await db.Set<Organisation.OrgUnit>().AsNoTracking().OrderBy(u => u.Code).Select(u => u.Id).ToListAsync(ct);
        return TypedResults.Ok(units.Where(access.Sees).Select(u => ToDto(plans.GetValueOrDefault(u), u, year, policy)).ToList());
    }

    private static async Task<IResult> PlanAsync(Guid unitId, int year, ClaimsPrincipal user, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        if (!new PlanAccess(user).Sees(unitId) || !await db.Set<Organisation.OrgUnit>().AnyAsync(u => u.Id == unitId, ct))
        {
            return problems.NotFound();
        }
        var plan = await db.Set<ConferencePlan>().AsNoTracking().Include(p => p.Items).FirstOrDefaultAsync(p => p.UnitId == unitId && p.Year == year, ct);
        return TypedResults.Ok(ToDto(plan, unitId, year, await ConferencePolicy.LoadAsync(db, ct)));
    }

    private static async Task<IResult> SavePlanAsync(Guid unitId, int year, PlanBody body, ClaimsPrincipal user, AppDbContext db, TimeProvider clock,
        ApiProblems problems, CancellationToken ct)
    {
        var access = new PlanAccess(user);
        if (!access.Sees(unitId) || year is < 2000 or > 2200 || !await db.Set<Organisation.OrgUnit>().AnyAsync(u => u.Id == unitId, ct))
        {
            return problems.NotFound();
        }
        if (!access.Keeps(unitId))
        {
            return TypedResults.Forbid();
        }
        var plan = await db.Set<ConferencePlan>().Include(p => p.Items).FirstOrDefaultAsync(p => p.UnitId == unitId && p.Year == year, ct);
        if ((plan?.Version ?? 0) != body.Version)
        {
            return problems.Stale();
        }
        var input = new PlanInput { Version = body.Version, Notes = body.Notes, Items = body.Items };
        if (input.Validate() is { Count: > 0 } errors)
        {
            return problems.Validation(errors);
        }
        if (plan is null)
        {
            plan = new ConferencePlan { UnitId = unitId, Year = year };
            db.Add(plan);
        }
        else
        {
            db.ExpectVersion(plan, body.Version);
        }
        input.ApplyTo(db, plan);
        if (body.Submit)
        {
            plan.Submitted = true;
            plan.SubmittedUtc ??= clock.GetUtcNow().UtcDateTime;
            plan.SubmittedByUserId = user.GetUserId();
        }
        try
        {
            if (await db.TrySaveAsync(ct) is not null)
            {
                return problems.Stale();
            }
        }
        catch (DbUpdateException)
        {
            return problems.Stale();
        }
        return TypedResults.Ok(ToDto(plan, unitId, year, await ConferencePolicy.LoadAsync(db, ct)));
    }
}
