using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Visits.Letters;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Visits.Closure;

public sealed record ClosureDto(Guid VisitId, VisitState State, DateOnly? ActualArrivalDate, DateOnly? ActualDepartureDate,
    IReadOnlyList<MemberCame> Members, string? ActualMembersNote, string? Report, string? SummaryTitle, string? SummaryText,
    bool SummaryPublished, DateTime? ClosedUtc, long Version);

/// <summary>POST /api/v1/visits/{id}/closure: the host records the actual visit (销签) of an approved visit.</summary>
public static class ClosureApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/visits/{id:guid}/closure", PostAsync).WithTags("Visit closure").RequireAuthorization(Policies.Staff)
            .WithName("RecordVisitClosure").Produces<ClosureDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Records who came (members[].came), the actual dates and what happened, and closes the visit; version is the visit's.");
    }

    private static async Task<IResult> PostAsync(Guid id, ClosureInput? body, HttpContext http, AppDbContext db, TimeProvider clock,
        ApiProblems problems, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var access = await VisitDocsAccess.ForAsync(db, http.User, ct);
        var visit = await access.Visible(db).Include(v => v.Members).FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null)
        {
            return problems.NotFound();
        }
        if (visit.State is not (VisitState.Approved or VisitState.Closed))
        {
            return problems.Conflict("The closure is recorded once the visit is approved.");
        }
        if (!access.CanClose(visit))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: t["Forbidden."],
                detail: t["The closure is recorded by the host of the visit or a global relations officer."]);
        }
        body ??= new ClosureInput();
        var errors = body.Validate(visit);
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        db.ExpectVersion(visit, body.Version);
        body.Apply(visit, http.User.GetUserId()!.Value, clock.GetUtcNow().UtcDateTime);
        if (await db.TrySaveAsync(ct) is not null)
        {
            return problems.Stale();
        }
        return TypedResults.Ok(new ClosureDto(visit.Id, visit.State, visit.ActualArrivalDate, visit.ActualDepartureDate,
            [.. visit.Members.OrderBy(m => m.SortOrder).Select(m => new MemberCame { MemberId = m.Id, Came = m.Came ?? false })],
            visit.ActualMembersNote, visit.ClosureReport, visit.SummaryTitle, visit.SummaryText, visit.SummaryPublished, visit.ClosedUtc, visit.Version));
    }
}
