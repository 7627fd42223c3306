using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.DueDiligence.Screening;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.DueDiligence.Reviews;

/// <summary>/api/v1/screening (screen a name now) and /api/v1/screening-reviews (the hits and their decisions).</summary>
public static class ScreeningApi
{
    public sealed record CandidateDto(ScreeningSourceKind EntryKind, Guid EntryId, string EntryName, string? EntryCountryCode, string? ListName,
        double Score, bool IsHit, ScreeningMatchKind MatchKind, string MatchedName, string Explanation);

    public sealed record ReviewDto(Guid Id, long Version, string SubjectType, Guid SubjectId, string ScreenedName, string? CountryCode,
        ScreeningSourceKind EntryKind, Guid EntryId, string EntryName, string? ListName, double Score, ScreeningMatchKind MatchKind,
        string Explanation, ScreeningReviewState State, string? Note, bool Remembered, string? DecidedBy, DateTime? DecidedUtc, DateTime CreatedUtc);

    public sealed record DecisionInput(ScreeningReviewState? Outcome, string? Note, long? Version);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/screening", ScreenAsync).WithTags("Due diligence").RequireAuthorization(Policies.Screening)
            .WithName("Screen").Produces<List<CandidateDto>>().ProducesValidationProblem()
            .WithSummary("Screens a name (with an optional ISO country code) against the organisation's risk profiles and watchlists; candidates with their explanations, hits first.");
        var reviews = api.MapGroup("/screening-reviews").WithTags("Due diligence").RequireAuthorization(Policies.ScreeningReviews);
        reviews.MapGet("/", ListAsync).WithName("ListScreeningReviews").Produces<Paged<ReviewDto>>().ProducesValidationProblem()
            .WithSummary("Hits of partners and trips on the lists; filters state, subjectType, subjectId, q; paged, newest first.");
        reviews.MapPost("/{id:guid}/decision", DecideAsync).WithName("DecideScreeningReview").Produces<ReviewDto>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Decides an open hit: TrueMatch (note required) or FalsePositive; the decision is remembered for the name and entry.");
    }

    public static ReviewDto ToDto(ScreeningReview r, IStringLocalizer t) => new(r.Id, r.Version, r.SubjectType, r.SubjectId, r.ScreenedName,
        r.CountryCode, r.EntryKind, r.EntryId, r.EntryName, r.ListName, r.Score, r.MatchKind, r.AsCandidate().Describe(t), r.State, r.Note,
        r.Remembered, r.DecidedBy, r.DecidedUtc, r.CreatedUtc);

    private static async Task<IResult> ScreenAsync(HttpRequest request, Screener screener, ApiProblems problems, TimeProvider clock,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var query = new ApiQuery(request);
        var name = query.Text("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            return problems.Validation("name", "Enter the name to screen.");
        }
        var (index, _) = await screener.IndexAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var candidates = Screener.Candidates(index, [name], query.Text("country")?.ToUpperInvariant(), today)
            .Select(x => x.Candidate)
            .Select(c => new CandidateDto(c.Entry.Kind, c.Entry.Id, c.Entry.PrimaryName, c.Entry.CountryCode, c.Entry.ListName,
                Math.Round(c.Score, 4), c.IsHit, c.How, c.MatchedName, c.Describe(t)))
            .ToList();
        return TypedResults.Ok(candidates);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, AppDbContext db, ApiProblems problems,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!PageRequest.TryRead(request, problems, out var paging, out var error))
        {
            return error!;
        }
        var query = new ApiQuery(request);
        var filter = new ReviewFilter
        {
            State = query.Choice<ScreeningReviewState>("state"), SubjectType = query.Text("subjectType"),
            SubjectId = query.Id("subjectId"), Q = query.Text("q"),
        };
        if (query.Errors.Count > 0)
        {
            return problems.Validation(query.Errors);
        }
        var total = await filter.Apply(db.Set<ScreeningReview>().AsNoTracking()).CountAsync(ct);
        var rows = await filter.Apply(db.Set<ScreeningReview>().AsNoTracking()).OrderByDescending(r => r.CreatedUtc).ThenBy(r => r.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(new Paged<ReviewDto>([.. rows.Select(r => ToDto(r, t))], total, paging.Page, paging.PageSize));
    }

    private static async Task<IResult> DecideAsync(Guid id, DecisionInput input, AppDbContext db, ReviewDecisions decisions, ApiProblems problems,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var result = await decisions.DecideAsync(id, new ReviewDecisionInput(input.Outcome, input.Note, input.Version ?? -1), ct);
        return result.Status switch
        {
            ReviewDecisionStatus.NotFound => problems.NotFound(),
            ReviewDecisionStatus.Invalid => problems.Validation(result.Errors),
            ReviewDecisionStatus.Stale => problems.Stale(),
            ReviewDecisionStatus.NotOpen => problems.Conflict(ReviewDecisions.NotOpenMessage),
            _ => TypedResults.Ok(ToDto(await db.Set<ScreeningReview>().AsNoTracking().SingleAsync(r => r.Id == id, ct), t)),
        };
    }
}

/// <summary>The filters of the review lists (pages and API).</summary>
public sealed class ReviewFilter
{
    public ScreeningReviewState? State { get; set; }
    public string? SubjectType { get; set; }
    public Guid? SubjectId { get; set; }
    public string? Q { get; set; }

    public IQueryable<ScreeningReview> Apply(IQueryable<ScreeningReview> rows)
    {
        if (State is { } state)
        {
            rows = rows.Where(r => r.State == state);
        }
        if (!string.IsNullOrWhiteSpace(SubjectType))
        {
            var type = SubjectType.Trim().ToLowerInvariant();
            rows = rows.Where(r => r.SubjectType == type);
        }
        if (SubjectId is { } subject)
        {
            rows = rows.Where(r => r.SubjectId == subject);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            rows = rows.Where(r => r.ScreenedName.ToLower().Contains(q) || r.EntryName.ToLower().Contains(q));
        }
        return rows;
    }
}
