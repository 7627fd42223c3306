using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.TravelDocuments;

/// <summary>/api/v1/travel-documents: the register of documents in custody (exit officers keep it;
/// directors and auditors read it), check-out against an approved trip, return, and the ledger.</summary>
public static class TravelDocumentsApi
{
    public sealed record DocumentDto(Guid Id, long Version, TravelDocumentType Type, string Number, Guid HolderId, DateOnly IssueDate,
        DateOnly ExpiryDate, string? IssuedBy, string? Notes, TravelDocumentStatus Status, Guid? TripId, DateTime? CheckedOutUtc,
        DateOnly? ReturnDue, int DaysOverdue, string? ClosedReason);

    public sealed record LedgerDto(Guid Id, CustodyAction Action, Guid? TripId, DateOnly? ReturnDue, Guid? ByUserId, string ByName,
        DateTime AtUtc, string? Note);

    public sealed record CheckOutInput(Guid? TripId, long? Version);

    public sealed record ReturnInput(long? Version, string? Note);

    public static void Map(RouteGroupBuilder api)
    {
        var docs = api.MapGroup("/travel-documents").WithTags("Travel documents").RequireAuthorization(Policies.TravelDocuments);
        docs.MapGet("/", ListAsync).WithName("ListTravelDocuments").Produces<Paged<DocumentDto>>().ProducesValidationProblem()
            .WithSummary("Documents in the register; filters q, unitId, status, type, holderId, expiringBefore (yyyy-MM-dd); paged.");
        docs.MapGet("/{id:guid}", GetAsync).WithName("GetTravelDocument").Produces<DocumentDto>().ProducesProblem(StatusCodes.Status404NotFound);
        docs.MapGet("/{id:guid}/ledger", LedgerAsync).WithName("GetTravelDocumentLedger").Produces<List<LedgerDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Every registration, check-out, return and closing of the document, oldest first.");
        docs.MapPost("/", CreateAsync).WithName("CreateTravelDocument").Produces<DocumentDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem().RequireAuthorization(Policies.TravelDocumentsEditor);
        docs.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateTravelDocument").Produces<DocumentDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.TravelDocumentsEditor);
        docs.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteTravelDocument").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.TravelDocumentsEditor)
            .WithSummary("Deletes a document registered by mistake, only while it has never left custody; ?version= guards against deleting a newer version.");
        docs.MapPost("/{id:guid}/check-out", CheckOutAsync).WithName("CheckOutTravelDocument").Produces<DocumentDto>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.TravelDocumentsEditor)
            .WithSummary("Checks the document out for an approved trip of its holder; 409 when it is not in custody.");
        docs.MapPost("/{id:guid}/return", ReturnAsync).WithName("ReturnTravelDocument").Produces<DocumentDto>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.TravelDocumentsEditor)
            .WithSummary("Records the document's return to custody; 409 when it is not checked out.");
    }

    private static async Task<IResult> ListAsync(HttpRequest request, AppDbContext db, Custody custody, ApiProblems problems, CancellationToken ct)
    {
        if (!PageRequest.TryRead(request, problems, out var paging, out var error))
        {
            return error!;
        }
        var query = new ApiQuery(request);
        var filter = new TravelDocumentFilter
        {
            Q = query.Text("q"), Unit = query.Id("unitId"), Status = query.Choice<TravelDocumentStatus>("status"),
            Type = query.Choice<TravelDocumentType>("type"), Holder = query.Id("holderId"),
        };
        var before = query.Text("expiringBefore");
        if (before is not null)
        {
            if (DateOnly.TryParseExact(before, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                filter.ExpiringBefore = date;
            }
            else
            {
                query.Errors.Add(new("expiringBefore", "{0} must be a date written as yyyy-MM-dd.", "expiringBefore"));
            }
        }
        if (query.Errors.Count > 0)
        {
            return problems.Validation(query.Errors);
        }
        var today = custody.Today;
        var page = await filter.Apply(db, today).ToPageAsync(paging, ct);
        return TypedResults.Ok(new Paged<DocumentDto>([.. page.Items.Select(d => ToDto(d, today))], page.Total, page.Page, page.PageSize));
    }

    private static async Task<IResult> GetAsync(Guid id, AppDbContext db, Custody custody, ApiProblems problems, CancellationToken ct)
    {
        var doc = await db.Set<TravelDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        return doc is null ? problems.NotFound() : TypedResults.Ok(ToDto(doc, custody.Today));
    }

    private static async Task<IResult> LedgerAsync(Guid id, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        if (!await db.Set<TravelDocument>().AnyAsync(d => d.Id == id, ct))
        {
            return problems.NotFound();
        }
        var lines = await db.Set<CustodyEntry>().AsNoTracking().Where(e => e.DocumentId == id).OrderBy(e => e.AtUtc)
            .Select(e => new LedgerDto(e.Id, e.Action, e.TripId, e.ReturnDue, e.ByUserId, e.ByName, e.AtUtc, e.Note))
            .ToListAsync(ct);
        return TypedResults.Ok(lines);
    }

    private static async Task<IResult> CreateAsync(TravelDocumentInput input, AppDbContext db, Custody custody, TimeProvider clock,
        ApiProblems problems, CancellationToken ct)
    {
        var doc = new TravelDocument { Status = TravelDocumentStatus.InCustody, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        input.ApplyTo(doc);
        var errors = await TravelDocumentRules.ValidateRecordAsync(db, doc, holderLocked: false, ct);
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        db.Add(doc);
        custody.Registered(doc);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/travel-documents/{doc.Id}", ToDto(doc, custody.Today));
    }

    private static async Task<IResult> UpdateAsync(Guid id, TravelDocumentInput input, AppDbContext db, Custody custody,
        ApiProblems problems, CancellationToken ct)
    {
        var doc = await db.Set<TravelDocument>().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null)
        {
            return problems.NotFound();
        }
        if (input.Version != doc.Version)
        {
            return problems.Stale();
        }
        var holder = doc.HolderId;
        input.ApplyTo(doc);
        var locked = doc.Status == TravelDocumentStatus.CheckedOut && doc.HolderId != holder;
        var errors = await TravelDocumentRules.ValidateRecordAsync(db, doc, locked, ct);
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        db.ExpectVersion(doc, input.Version);
        if (await db.TrySaveAsync(ct) is not null)
        {
            return problems.Stale();
        }
        return TypedResults.Ok(ToDto(doc, custody.Today));
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpRequest request, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var doc = await db.Set<TravelDocument>().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null)
        {
            return problems.NotFound();
        }
        if (ApiVersions.Stale(request, doc.Version, problems) is { } stale)
        {
            return stale;
        }
        // A document with custody history keeps it: report it lost or cancel it instead.
        if (await db.Set<CustodyEntry>().AnyAsync(e => e.DocumentId == id && e.Action != CustodyAction.Registered, ct))
        {
            return problems.Conflict("This document has a custody history and cannot be deleted; report it lost or cancel it instead.");
        }
        // The ledger lines go explicitly, so that the audit log records their deletion too.
        db.RemoveRange(await db.Set<CustodyEntry>().Where(e => e.DocumentId == id).ToListAsync(ct));
        db.Remove(doc);
        return await ApiVersions.SaveDeleteAsync(db, problems, ct);
    }

    private static async Task<IResult> CheckOutAsync(Guid id, CheckOutInput input, AppDbContext db, Custody custody, ApiProblems problems,
        CancellationToken ct)
    {
        var doc = await db.Set<TravelDocument>().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null)
        {
            return problems.NotFound();
        }
        if (input.Version is not { } version)
        {
            return problems.Validation("Version", "Send the version of the record you edited (the version field you read).");
        }
        return Answer(await custody.CheckOutAsync(doc, input.TripId, version, ct), doc, custody, problems);
    }

    private static async Task<IResult> ReturnAsync(Guid id, ReturnInput input, AppDbContext db, Custody custody, ApiProblems problems,
        CancellationToken ct)
    {
        var doc = await db.Set<TravelDocument>().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null)
        {
            return problems.NotFound();
        }
        if (input.Version is not { } version)
        {
            return problems.Validation("Version", "Send the version of the record you edited (the version field you read).");
        }
        return Answer(await custody.ReturnAsync(doc, version, input.Note, ct), doc, custody, problems);
    }

    private static IResult Answer(CustodyOutcome outcome, TravelDocument doc, Custody custody, ApiProblems problems)
    {
        if (outcome.Succeeded)
        {
            return TypedResults.Ok(ToDto(doc, custody.Today));
        }
        if (outcome.IsConflict)
        {
            return problems.Conflict(problems.Message(outcome.Errors[0]));
        }
        return problems.Validation(outcome.Errors);
    }

    private static DocumentDto ToDto(TravelDocument d, DateOnly today) =>
        new(d.Id, d.Version, d.Type, d.Number, d.HolderId, d.IssueDate, d.ExpiryDate, d.IssuedBy, d.Notes, d.StatusOn(today), d.TripId,
            d.CheckedOutUtc, d.ReturnDue, d.DaysOverdue(today), d.ClosedReason);
}
