using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Features.Workflow;

/// <summary>/api/v1/workflow: what awaits the caller, a case, and decisions on it. A decision may
/// carry an <c>Idempotency-Key</c> header: a retry with the same key gets the first answer.</summary>
public static class WorkflowApi
{
    public sealed record CaseDto(Guid Id, long Version, string CaseType, string Title, string? Summary, CaseState State, int Step, int Round,
        IReadOnlyList<EntryDto>? Timeline);

    public sealed record EntryDto(WorkflowAction Action, string UserName, DateTime AtUtc, int Step, int Round, string? Comment);

    public sealed record DecisionInput(WorkflowAction? Action, int? Step, long? Version, string? Comment, Guid? DelegateTo);

    public sealed record DecisionDto(Guid CaseId, CaseState State, int Step, long Version, bool Replayed);

    public static void Map(RouteGroupBuilder api)
    {
        var workflow = api.MapGroup("/workflow").WithTags("Workflow").RequireAuthorization(Policies.SignedIn);
        workflow.MapGet("/awaiting", AwaitingAsync).WithName("ListAwaiting")
            .WithSummary("Cases whose current step the caller may decide, oldest first.");
        workflow.MapGet("/cases/{id:guid}", GetAsync).WithName("GetCase");
        workflow.MapPost("/cases/{id:guid}/decisions", DecideAsync).WithName("DecideCase")
            .WithSummary("Approve, Reject, Return, Comment, Delegate or Resubmit, from the step and version read; header Idempotency-Key makes retries safe.");
    }

    private static async Task<IResult> AwaitingAsync(HttpContext http, AppDbContext db, TenantContext tenant, CancellationToken ct) =>
        TypedResults.Ok(await WorkflowQueries.AwaitingAsync(db, http.User.GetUserId()!.Value, tenant.IsAuthority, ct));

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, AppDbContext db, TenantContext tenant, WorkflowEngine engine, ApiProblems problems, CancellationToken ct)
    {
        var c = await engine.FindAsync(id, ct);
        if (c is null || !await WorkflowAccess.CanViewAsync(db, http.User, c, await WorkflowChains.StepsAsync(db, c.ChainVersionId, ct), ct))
        {
            return problems.NotFound();
        }
        // The authority gets the referred summary, not the institution's history.
        var timeline = c.TenantId == tenant.TenantId
            ? (await WorkflowQueries.TimelineAsync(db, id, ct)).Select(e => new EntryDto(e.Action, e.UserName, e.AtUtc, e.Step, e.Round, e.Comment)).ToList()
            : null;
        return TypedResults.Ok(new CaseDto(c.Id, c.Version, c.CaseType, c.Title, c.Summary, c.State, c.Step, c.Round, timeline));
    }

    private static async Task<IResult> DecideAsync(Guid id, DecisionInput input, HttpContext http, WorkflowEngine engine, ApiProblems problems,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (input.Action is not { } action || action == WorkflowAction.Submit)
        {
            errors.Add(new("action", "Give the action: Approve, Reject, Return, Comment, Delegate or Resubmit."));
        }
        if (input.Step is null)
        {
            errors.Add(new("step", "Give the step you decide, as read from the case."));
        }
        if (input.Version is null)
        {
            errors.Add(new("version", "Give the version of the case as you read it."));
        }
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        var key = http.Request.Headers["Idempotency-Key"].FirstOrDefault();
        var result = await engine.DecideAsync(id, new CaseDecision(input.Action!.Value, http.User.GetUserId()!.Value, input.Step!.Value, input.Version!.Value,
            input.Comment, input.DelegateTo, null, string.IsNullOrWhiteSpace(key) ? null : key.Trim()), ct);
        return result.Status switch
        {
            DecisionStatus.Ok => TypedResults.Ok(new DecisionDto(result.CaseId, result.State, result.Step, result.Version, result.Replayed)),
            DecisionStatus.NotFound => problems.NotFound(),
            DecisionStatus.Conflict => problems.Conflict(result.Message ?? WorkflowMachine.ConflictMessage),
            DecisionStatus.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: t["Not allowed."], detail: t[result.Message ?? ""]),
            _ => problems.Validation(input.Action == WorkflowAction.Delegate ? "delegateTo" : "comment", result.Message ?? ""),
        };
    }
}
