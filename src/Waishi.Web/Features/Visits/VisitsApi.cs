using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Features.Visits;

/// <summary>/api/v1/visits: the visits the caller may see; drafts are created, updated, deleted and submitted here.</summary>
public static class VisitsApi
{
    public sealed record VisitSummaryDto(Guid Id, long Version, string? Number, string Title, VisitState State, VipLevel VipLevel, Guid UnitId,
        DateOnly? ArrivalDate, DateOnly? DepartureDate, Guid? PartnerId);

    public sealed record MemberDto(string NameLatin, string? NameZh, string Nationality, string? PassportNumber, DateOnly? BirthDate,
        VisitorSex? Sex, string? Title, string Organisation, Guid? PartnerId, bool IsLeader, bool? Came);
    public sealed record AgendaDto(AgendaItemKind Kind, DateOnly Date, TimeOnly? StartTime, TimeOnly? EndTime, string? Venue, string Description,
        IReadOnlyList<Guid> Attendees);
    public sealed record BudgetDto(VisitBudgetCategory Category, string? Description, decimal Amount, string Currency);
    public sealed record GiftDto(string Description, string? Recipient, decimal? Value, string Currency);

    public sealed record VisitDto(Guid Id, long Version, string? Number, string Title, string? Purpose, VisitState State, VipLevel VipLevel,
        Guid UnitId, Guid FiledByUserId, Guid? HostContactId, Guid? PartnerId, DateOnly? ArrivalDate, DateOnly? DepartureDate,
        DateTime CreatedUtc, DateTime? SubmittedUtc, DateTime? DecidedUtc, Guid? CaseId, string? CancelledReason, DateOnly? ClosureDueOn,
        IReadOnlyList<MemberDto> Members, IReadOnlyList<AgendaDto> Agenda, IReadOnlyList<BudgetDto> Budget, IReadOnlyList<GiftDto> Gifts);

    public sealed record SubmitInput(long? Version);

    public static void Map(RouteGroupBuilder api)
    {
        var visits = api.MapGroup("/visits").WithTags("Visits").RequireAuthorization(VisitsSetup.Policy);
        visits.MapGet("/", ListAsync).WithName("ListVisits").Produces<Paged<VisitSummaryDto>>().ProducesValidationProblem()
            .WithSummary("Visits the caller may see; filters q, unitId, state, vipLevel, partnerId, from, to (visit dates, yyyy-MM-dd); paged.");
        visits.MapGet("/{id:guid}", GetAsync).WithName("GetVisit").Produces<VisitDto>().ProducesProblem(StatusCodes.Status404NotFound);
        visits.MapPost("/", CreateAsync).WithName("CreateVisit").Produces<VisitDto>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Creates a draft; only the draft checks run. The delegation's organisations are screened.");
        visits.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateVisit").Produces<VisitDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Replaces a draft or a returned request with its rows; send the version you read.");
        visits.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteVisit").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Deletes a draft; ?version= guards against deleting a newer version.");
        visits.MapPost("/{id:guid}/submit", SubmitAsync).WithName("SubmitVisit").Produces<VisitDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Runs every submission check on the saved draft (or returned request) and submits it for approval.");
    }

    private static async Task<IResult> ListAsync(HttpRequest request, HttpContext http, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        if (!PageRequest.TryRead(request, problems, out var paging, out var error))
        {
            return error!;
        }
        var query = new ApiQuery(request);
        var filter = new VisitFilter
        {
            Q = query.Text("q"), Unit = query.Id("unitId"), State = query.Choice<VisitState>("state"), Vip = query.Choice<VipLevel>("vipLevel"),
            Partner = query.Id("partnerId"), From = Date(request, "from", query.Errors), To = Date(request, "to", query.Errors),
        };
        if (query.Errors.Count > 0)
        {
            return problems.Validation(query.Errors);
        }
        var access = await VisitAccess.ForAsync(db, http.User, ct);
        var page = await filter.Apply(db, access)
            .Select(v => new VisitSummaryDto(v.Id, v.Version, v.Number, v.Title, v.State, v.VipLevel, v.UnitId, v.ArrivalDate, v.DepartureDate, v.PartnerId))
            .ToPageAsync(paging, ct);
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
        var access = await VisitAccess.ForAsync(db, http.User, ct);
        var visit = await VisitWriter.LoadAsync(access.Visible(db).AsNoTracking(), id, ct);
        return visit is null ? problems.NotFound() : TypedResults.Ok(ToDto(visit));
    }

    private static async Task<IResult> CreateAsync(VisitInput input, HttpContext http, AppDbContext db, VisitWriter writer, TimeProvider clock,
        ApiProblems problems, CancellationToken ct)
    {
        var access = await VisitAccess.ForAsync(db, http.User, ct);
        input.UnitId ??= access.StaffUnitId;
        var visit = new Visit { FiledByUserId = access.UserId, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        var errors = await writer.ApplyAsync(visit, input, access, submit: false, ct);
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        db.Add(visit);
        await db.SaveChangesAsync(ct);
        await writer.ScreenAsync(visit, ct);
        return TypedResults.Created($"/api/v1/visits/{visit.Id}", ToDto(visit));
    }

    private static async Task<IResult> UpdateAsync(Guid id, VisitInput input, HttpContext http, AppDbContext db, VisitWriter writer,
        ApiProblems problems, CancellationToken ct)
    {
        var (visit, access, refusal) = await LoadEditableAsync(id, http, db, problems, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        if (input.Version != visit!.Version)
        {
            return problems.Stale();
        }
        input.UnitId ??= visit.UnitId;
        var errors = await writer.ApplyAsync(visit, input, access!, submit: false, ct);
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        db.ExpectVersion(visit, input.Version);
        db.Entry(visit).Property(v => v.Title).IsModified = true;
        if (await db.TrySaveAsync(ct) is not null)
        {
            return problems.Stale();
        }
        await writer.ScreenAsync(visit, ct);
        return TypedResults.Ok(ToDto(visit));
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpRequest request, HttpContext http, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var (visit, _, refusal) = await LoadEditableAsync(id, http, db, problems, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        if (visit!.State != VisitState.Draft)
        {
            return problems.Conflict("Only drafts can be deleted; a request returned for revision has an approval history.");
        }
        if (ApiVersions.Stale(request, visit.Version, problems) is { } stale)
        {
            return stale;
        }
        db.Remove(visit);
        return await ApiVersions.SaveDeleteAsync(db, problems, ct);
    }

    private static async Task<IResult> SubmitAsync(Guid id, SubmitInput input, HttpContext http, AppDbContext db, VisitWriter writer,
        VisitApproval approval, ApiProblems problems, CancellationToken ct)
    {
        var (visit, access, refusal) = await LoadEditableAsync(id, http, db, problems, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        if (input.Version is not { } version)
        {
            return problems.Validation("Version", "Send the version of the record you edited (the version field you read).");
        }
        if (version != visit!.Version)
        {
            return problems.Stale();
        }
        var errors = await writer.CheckSubmissionAsync(visit, ct);
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        var result = await approval.SubmitAsync(visit.Id, access!.UserId, ct);
        if (!result.Succeeded)
        {
            return result.Status switch
            {
                DecisionStatus.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: result.Message),
                _ => problems.Conflict(result.Message ?? WorkflowMachine.ConflictMessage, VisitLabels.Of(visit.State)),
            };
        }
        db.ChangeTracker.Clear();
        var saved = await VisitWriter.LoadAsync(db.Set<Visit>().AsNoTracking(), id, ct);
        return TypedResults.Ok(ToDto(saved!));
    }

    private static async Task<(Visit?, VisitAccess?, IResult?)> LoadEditableAsync(Guid id, HttpContext http, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var access = await VisitAccess.ForAsync(db, http.User, ct);
        var visit = await VisitWriter.LoadAsync(access.Visible(db), id, ct);
        if (visit is null)
        {
            return (null, null, problems.NotFound());
        }
        if (!visit.IsEditable)
        {
            return (null, null, problems.Conflict("Only drafts and requests returned for revision can be changed; this visit is {0}.", VisitLabels.Of(visit.State)));
        }
        if (!access.CanEdit(visit))
        {
            var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            return (null, null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: t["Forbidden."],
                detail: t["Only the filer, the host unit's secretary or a global relations officer may change this visit."]));
        }
        return (visit, access, null);
    }

    public static VisitDto ToDto(Visit v) => new(v.Id, v.Version, v.Number, v.Title, v.Purpose, v.State, v.VipLevel, v.UnitId, v.FiledByUserId,
        v.HostContactId, v.PartnerId, v.ArrivalDate, v.DepartureDate, v.CreatedUtc, v.SubmittedUtc, v.DecidedUtc, v.CaseId, v.CancelledReason,
        v.ClosureDueOn,
        [.. v.Members.OrderBy(m => m.SortOrder).Select(m => new MemberDto(m.NameLatin, m.NameZh, m.Nationality, m.PassportNumber, m.BirthDate, m.Sex,
            m.Title, m.Organisation, m.PartnerId, m.IsLeader, m.Came))],
        [.. v.Agenda.OrderBy(a => a.SortOrder).Select(a => new AgendaDto(a.Kind, a.Date, a.StartTime, a.EndTime, a.Venue, a.Description,
            [.. a.Attendees.Select(x => x.StaffMemberId)]))],
        [.. v.Budget.OrderBy(l => l.SortOrder).Select(l => new BudgetDto(l.Category, l.Description, l.Amount, l.Currency))],
        [.. v.Gifts.OrderBy(g => g.SortOrder).Select(g => new GiftDto(g.Description, g.Recipient, g.Value, g.Currency))]);
}
