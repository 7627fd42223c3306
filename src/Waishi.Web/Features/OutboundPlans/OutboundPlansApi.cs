using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.OutboundPlans;

/// <summary>/api/v1/outbound-plans: annual plans per unit, their review, and plan versus actual.</summary>
public static class OutboundPlansApi
{
    public sealed record PlanSummaryDto(Guid Id, long Version, int Year, Guid UnitId, PlanState State, int Lines, int People, decimal Budget);

    public sealed record LineDto(Guid Id, string Purpose, IReadOnlyList<string> Countries, int People, int Month, decimal Budget);

    public sealed record PlanDto(Guid Id, long Version, int Year, Guid UnitId, PlanState State, string? Note, DateTime? SubmittedUtc,
        DateTime? ReviewedUtc, IReadOnlyList<LineDto> Lines);

    public sealed record VersionInput(long? Version);

    /// <summary>A trip to link to a plan line (none to unlink), with the trip's version.</summary>
    public sealed record LinkInput(Guid TripId, Guid? PlanItemId, long? Version);

    public static void Map(RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/outbound-plans").WithTags("Outbound plans").RequireAuthorization(Policies.OutboundPlans);
        plans.MapGet("/", ListAsync).WithName("ListOutboundPlans").Produces<Paged<PlanSummaryDto>>().ProducesValidationProblem()
            .WithSummary("Plans the caller may see; filters year, unitId, state, q (purpose or country code); paged.");
        plans.MapGet("/comparison", CompareAsync).WithName("ComparePlanWithActual").Produces<PlanComparison.Result>().ProducesValidationProblem()
            .WithSummary("Plan versus actual per unit for ?year= (default this year), optionally one ?unitId=.");
        plans.MapGet("/{id:guid}", GetAsync).WithName("GetOutboundPlan").Produces<PlanDto>().ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("/", CreateAsync).WithName("CreateOutboundPlan").Produces<PlanDto>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Creates a unit's plan for a year as a draft; lines carry purpose, countries (\"JP, DE\"), people, month and budget.");
        plans.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateOutboundPlan").Produces<PlanDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Replaces a draft's note and lines; send a line's id to keep it (and the trips linked to it).");
        plans.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteOutboundPlan").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPost("/links", LinkAsync).WithName("LinkTripToPlanLine").Produces(StatusCodes.Status204NoContent).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Links a filed trip to a line of its unit's plan for its departure year (planItemId null unlinks); send the trip's version.");
        foreach (var (path, action) in new[] { ("submit", PlanTransitions.Action.Submit), ("accept", PlanTransitions.Action.Accept), ("return", PlanTransitions.Action.Return) })
        {
            plans.MapPost($"/{{id:guid}}/{path}", (Guid id, VersionInput input, HttpContext http, AppDbContext db, PlanTransitions transitions, ApiProblems problems, CancellationToken ct) =>
                    TransitionAsync(id, input.Version, action, http, db, transitions, problems, ct))
                .WithName($"{char.ToUpperInvariant(path[0])}{path[1..]}OutboundPlan").Produces<PlanDto>().ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
                .WithSummary(action switch
                {
                    PlanTransitions.Action.Submit => "The unit submits its draft for review.",
                    PlanTransitions.Action.Accept => "The exit officer accepts a submitted plan.",
                    _ => "The exit officer returns a plan to the unit as a draft.",
                });
        }
    }

    private static async Task<IResult> ListAsync(HttpRequest request, HttpContext http, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        if (!PageRequest.TryRead(request, problems, out var paging, out var error))
        {
            return error!;
        }
        var query = new ApiQuery(request);
        var filter = new PlanFilter { Year = Year(query), Unit = query.Id("unitId"), State = query.Choice<PlanState>("state"), Q = query.Text("q") };
        if (query.Errors.Count > 0)
        {
            return problems.Validation(query.Errors);
        }
        var page = await filter.Apply(db, PlanAccess.For(http.User))
            .Select(p => new PlanSummaryDto(p.Id, p.Version, p.Year, p.UnitId, p.State, p.Lines.Count, p.Lines.Sum(l => l.People), 0m))
            .ToPageAsync(paging, ct);
        // Sums of decimals are added up here: SQLite cannot sum decimal columns.
        var ids = page.Items.Select(p => p.Id).ToList();
        var budgets = (await db.Set<OutboundPlanLine>().AsNoTracking().Where(l => ids.Contains(l.PlanId)).Select(l => new { l.PlanId, l.Budget }).ToListAsync(ct))
            .GroupBy(l => l.PlanId).ToDictionary(g => g.Key, g => g.Sum(l => l.Budget));
        return TypedResults.Ok(page with { Items = [.. page.Items.Select(p => p with { Budget = budgets.GetValueOrDefault(p.Id) })] });
    }

    private static async Task<IResult> LinkAsync(LinkInput input, HttpContext http, PlanLinks links, ApiProblems problems, CancellationToken ct)
    {
        if (input.Version is not { } version)
        {
            return problems.Validation("Version", "Send the version of the record you edited (the version field you read).");
        }
        var (outcome, error) = await links.LinkAsync(input.TripId, input.PlanItemId, version, PlanAccess.For(http.User), ct);
        return outcome switch
        {
            PlanLinks.Outcome.Done => TypedResults.NoContent(),
            PlanLinks.Outcome.NotFound => problems.NotFound(),
            PlanLinks.Outcome.Forbidden => Forbidden(http, "Only the unit's secretary, its head or an exit officer may change this plan."),
            PlanLinks.Outcome.Stale => problems.Stale(),
            _ => problems.Validation([error!]),
        };
    }

    private static int? Year(ApiQuery query)
    {
        var raw = query.Text("year");
        if (raw is null)
        {
            return null;
        }
        if (int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100)
        {
            return year;
        }
        query.Errors.Add(new("year", "{0} must be a whole number from {1} to {2}.", "year", 2000, 2100));
        return null;
    }

    private static async Task<IResult> CompareAsync(HttpRequest request, HttpContext http, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var query = new ApiQuery(request);
        var year = Year(query) ?? DateTime.UtcNow.Year;
        var unit = query.Id("unitId");
        if (query.Errors.Count > 0)
        {
            return problems.Validation(query.Errors);
        }
        return TypedResults.Ok(await PlanComparison.ComputeAsync(db, PlanAccess.For(http.User), year, unit, ct));
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var plan = await EditModel.LoadAsync(db, PlanAccess.For(http.User), id, ct);
        return plan is null ? problems.NotFound() : TypedResults.Ok(ToDto(plan));
    }

    private static async Task<IResult> CreateAsync(PlanInput input, HttpContext http, AppDbContext db, PlanWriter writer, TimeProvider clock,
        ApiProblems problems, CancellationToken ct)
    {
        var plan = new OutboundPlan { CreatedUtc = clock.GetUtcNow().UtcDateTime };
        var errors = await writer.ApplyAsync(plan, input, PlanAccess.For(http.User), ct);
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        db.Add(plan);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/outbound-plans/{plan.Id}", ToDto(plan));
    }

    private static async Task<IResult> UpdateAsync(Guid id, PlanInput input, HttpContext http, AppDbContext db, PlanWriter writer,
        ApiProblems problems, CancellationToken ct)
    {
        var access = PlanAccess.For(http.User);
        var plan = await EditModel.LoadAsync(db, access, id, ct);
        if (plan is null)
        {
            return problems.NotFound();
        }
        if (Refusal(plan, access, http) is { } refusal)
        {
            return refusal;
        }
        if (input.Version != plan.Version)
        {
            return problems.Stale();
        }
        var errors = await writer.ApplyAsync(plan, input, access, ct);
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        return await writer.SaveAsync(plan, input.Version, ct) is null ? TypedResults.Ok(ToDto(plan)) : problems.Stale();
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpRequest request, HttpContext http, AppDbContext db, PlanTransitions transitions,
        ApiProblems problems, CancellationToken ct)
    {
        var plan = await EditModel.LoadAsync(db, PlanAccess.For(http.User), id, ct);
        if (plan is null)
        {
            return problems.NotFound();
        }
        if (ApiVersions.Stale(request, plan.Version, problems) is { } stale)
        {
            return stale;
        }
        var outcome = await transitions.ApplyAsync(plan, plan.Version, PlanTransitions.Action.Delete, PlanAccess.For(http.User), http.User.GetUserId(), ct);
        return outcome == PlanTransitions.Outcome.Done ? TypedResults.NoContent() : Answer(outcome, problems, http);
    }

    private static async Task<IResult> TransitionAsync(Guid id, long? version, PlanTransitions.Action action, HttpContext http, AppDbContext db,
        PlanTransitions transitions, ApiProblems problems, CancellationToken ct)
    {
        var access = PlanAccess.For(http.User);
        var plan = await EditModel.LoadAsync(db, access, id, ct);
        if (plan is null)
        {
            return problems.NotFound();
        }
        if (version is not { } v)
        {
            return problems.Validation("Version", "Send the version of the record you edited (the version field you read).");
        }
        var outcome = await transitions.ApplyAsync(plan, v, action, access, http.User.GetUserId(), ct);
        return outcome == PlanTransitions.Outcome.Done ? TypedResults.Ok(ToDto(plan)) : Answer(outcome, problems, http);
    }

    private static IResult? Refusal(OutboundPlan plan, PlanAccess access, HttpContext http)
    {
        if (!access.MayEnter(plan.UnitId))
        {
            return Forbidden(http, "Only the unit's secretary, its head or an exit officer may change this plan.");
        }
        if (plan.State != PlanState.Draft)
        {
            var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: t["Conflict."],
                detail: t["Only drafts can be changed; this plan is {0}.", t[PlanLabels.Of(plan.State)].Value]);
        }
        return null;
    }

    private static IResult Answer(PlanTransitions.Outcome outcome, ApiProblems problems, HttpContext http) => outcome switch
    {
        PlanTransitions.Outcome.Forbidden => Forbidden(http, "You may not do this with this plan."),
        PlanTransitions.Outcome.Stale => problems.Stale(),
        _ => problems.Conflict(PlanTransitions.Refusal(outcome)),
    };

    private static IResult Forbidden(HttpContext http, string detail)
    {
        var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: t["Forbidden."], detail: t[detail]);
    }

    private static PlanDto ToDto(OutboundPlan p) => new(p.Id, p.Version, p.Year, p.UnitId, p.State, p.Note, p.SubmittedUtc, p.ReviewedUtc,
        [.. p.Lines.OrderBy(l => l.SortOrder).Select(l => new LineDto(l.Id, l.Purpose, l.CountryCodes, l.People, l.Month, l.Budget))]);
}
