using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Ewp;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Agreements;

/// <summary>/api/v1/agreements: read by the office roles, kept by global relations and HMT officers and directors.</summary>
public static class AgreementsApi
{
    public sealed record AgreementSummaryDto(Guid Id, long Version, string? Number, string Title, AgreementType Type, AgreementState State,
        DateOnly? SignedOn, DateOnly? EffectiveOn, DateOnly? ExpiresOn, bool Dormant, IReadOnlyList<Guid> PartnerIds);

    public sealed record SignatoryDto(Guid? PartnerId, string Name, string? Title, DateOnly? SignedOn);

    public sealed record QuotaDto(Guid PartnerId, MobilityDirection Direction, MobilityKind Kind, int FirstYear, int LastYear, int PlacesPerYear,
        decimal? MonthsPerYear, decimal? DaysPerYear, bool Blended, string? SubjectAreas, string? EqfLevels, string? LanguageSkills, string? OtherTerms);

    public sealed record AgreementDto(Guid Id, long Version, string? Number, string Title, AgreementType Type, AgreementState State,
        Guid? SigningUnitId, Guid? OfficerUserId, DateOnly? SignedOn, DateOnly? EffectiveOn, DateOnly? ExpiresOn, bool AutoRenew, int? RenewalMonths,
        string? SubjectAreas, string? Notes, DateTime CreatedUtc, DateTime? SubmittedUtc, DateTime? ApprovedUtc, Guid? CaseId,
        Guid? RenewsAgreementId, Guid? RenewedByAgreementId, DateOnly? TerminatedOn, string? TerminationReason, bool Dormant,
        IReadOnlyList<Guid> PartnerIds, IReadOnlyList<SignatoryDto> Signatories, IReadOnlyList<QuotaDto> Quotas);

    public sealed record DocumentDto(Guid Id, AgreementDocumentKind Kind, string FileName, string ContentType, long Size, DateTime UploadedUtc, string DownloadUrl);

    public sealed record VersionInput(long? Version);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/agreements").WithTags("Agreements").RequireAuthorization(Policies.Partners);
        g.MapGet("/", ListAsync).WithName("ListAgreements").Produces<Paged<AgreementSummaryDto>>().ProducesValidationProblem()
            .WithSummary("Agreements; filters q (title, number, partner names), state, type, partnerId, country, unitId, officerId, dormant, expiresBefore (yyyy-MM-dd); paged.");
        g.MapGet("/{id:guid}", GetAsync).WithName("GetAgreement").Produces<AgreementDto>().ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/", CreateAsync).WithName("CreateAgreement").Produces<AgreementDto>(StatusCodes.Status201Created).ProducesValidationProblem()
            .RequireAuthorization(Policies.PartnersEditor).WithSummary("Creates a draft agreement.");
        g.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateAgreement").Produces<AgreementDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.PartnersEditor).WithSummary("Changes a draft or a returned agreement; send the version you read.");
        g.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteAgreement").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.PartnersEditor).WithSummary("Deletes a draft; ?version= guards against deleting a newer version.");
        g.MapPost("/{id:guid}/submit", SubmitAsync).WithName("SubmitAgreement").Produces<AgreementDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.PartnersEditor).WithSummary("Submits a draft for review on the chain of its type (or resubmits a returned one).");
        g.MapPost("/{id:guid}/sign", SignAsync).WithName("SignAgreement").Produces<AgreementDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.PartnersEditor).WithSummary("Records the signing of an approved agreement; its signed PDF must be uploaded first.");
        g.MapPost("/{id:guid}/terminate", TerminateAsync).WithName("TerminateAgreement").Produces<AgreementDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.PartnersEditor).WithSummary("Ends an agreement in force on a date, with a reason.");
        g.MapPost("/{id:guid}/renew", RenewAsync).WithName("RenewAgreement").Produces<AgreementDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.PartnersEditor).WithSummary("Starts the renewal: a new draft carrying the terms, linked to this agreement.");
        g.MapGet("/{id:guid}/documents", DocumentsAsync).WithName("ListAgreementDocuments").Produces<List<DocumentDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/{id:guid}/documents", UploadAsync).WithName("UploadAgreementDocument").Produces<DocumentDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.PartnersEditor)
            .WithSummary("Uploads a document: the file is the request body; ?kind=Draft|Signed|Other&fileName=agreement.pdf.");
        g.MapGet("/{id:guid}/documents/{documentId:guid}", DownloadAsync).WithName("DownloadAgreementDocument")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        if (!PageRequest.TryRead(request, problems, out var paging, out var error))
        {
            return error!;
        }
        var query = new ApiQuery(request);
        var filter = new AgreementFilter
        {
            Q = query.Text("q"), State = query.Choice<AgreementState>("state"), Type = query.Choice<AgreementType>("type"),
            Partner = query.Id("partnerId"), Country = query.Text("country"), Unit = query.Id("unitId"), Officer = query.Id("officerId"),
            Dormant = query.Flag("dormant") ?? false, ExpiresBefore = Date(query.Text("expiresBefore"), "expiresBefore", query.Errors),
        };
        if (query.Errors.Count > 0)
        {
            return problems.Validation(query.Errors);
        }
        var page = await filter.Apply(db)
            .Select(a => new AgreementSummaryDto(a.Id, a.Version, a.Number, a.Title, a.Type, a.State, a.SignedOn, a.EffectiveOn, a.ExpiresOn, a.Dormant,
                a.Parties.OrderBy(p => p.SortOrder).Select(p => p.PartnerId).ToList()))
            .ToPageAsync(paging, ct);
        return TypedResults.Ok(page);
    }

    private static DateOnly? Date(string? raw, string name, List<FieldError> errors)
    {
        if (raw is null)
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

    private static async Task<IResult> GetAsync(Guid id, AppDbContext db, ApiProblems problems, CancellationToken ct) =>
        await ToDtoAsync(db, id, ct) is { } dto ? TypedResults.Ok(dto) : problems.NotFound();

    private static async Task<IResult> CreateAsync(AgreementInput input, HttpContext http, AppDbContext db, AgreementWriter writer, TimeProvider clock,
        ApiProblems problems, CancellationToken ct)
    {
        var agreement = new Agreement { CreatedUtc = clock.GetUtcNow().UtcDateTime, CreatedByUserId = http.User.GetUserId()!.Value };
        var errors = await writer.ApplyAsync(agreement, input, http.User, ct);
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        db.Add(agreement);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/agreements/{agreement.Id}", await ToDtoAsync(db, agreement.Id, ct));
    }

    private static async Task<IResult> UpdateAsync(Guid id, AgreementInput input, HttpContext http, AppDbContext db, AgreementWriter writer,
        ApiProblems problems, CancellationToken ct)
    {
        var agreement = await AgreementWriter.LoadAsync(db, id, ct);
        if (agreement is null)
        {
            return problems.NotFound();
        }
        if (await Refusal(db, http, agreement, problems, ct) is { } refusal)
        {
            return refusal;
        }
        if (!agreement.IsEditable)
        {
            return problems.Conflict("Only drafts and agreements returned for revision can be changed; this agreement is {0}.", AgreementLabels.Of(agreement.State));
        }
        if (input.Version != agreement.Version)
        {
            return problems.Stale();
        }
        var errors = await writer.ApplyAsync(agreement, input, http.User, ct);
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        db.ExpectVersion(agreement, input.Version);
        if (await db.TrySaveAsync(ct) is not null)
        {
            return problems.Stale();
        }
        return TypedResults.Ok(await ToDtoAsync(db, id, ct));
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpRequest request, HttpContext http, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var agreement = await db.Set<Agreement>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null)
        {
            return problems.NotFound();
        }
        if (await Refusal(db, http, agreement, problems, ct) is { } refusal)
        {
            return refusal;
        }
        if (agreement.State != AgreementState.Draft || agreement.CaseId is not null)
        {
            return problems.Conflict("Only drafts that were never submitted can be deleted; this agreement is {0}.", AgreementLabels.Of(agreement.State));
        }
        if (ApiVersions.Stale(request, agreement.Version, problems) is { } stale)
        {
            return stale;
        }
        db.Remove(agreement);
        return await ApiVersions.SaveDeleteAsync(db, problems, ct);
    }

    private static Task<IResult> SubmitAsync(Guid id, VersionInput input, HttpContext http, AppDbContext db, AgreementActions actions,
        ApiProblems problems, CancellationToken ct) =>
        ActAsync(id, http, db, problems, () => input.Version is { } version
            ? actions.SubmitAsync(id, version, http.User.GetUserId()!.Value, ct)
            : Task.FromResult(MissingVersion), ct);

    private static AgreementOutcome MissingVersion =>
        AgreementOutcome.Invalid([new FieldError("Version", "Send the version of the record you edited (the version field you read).")]);

    private static Task<IResult> SignAsync(Guid id, SigningInput input, HttpContext http, AppDbContext db, AgreementActions actions,
        ApiProblems problems, CancellationToken ct) =>
        ActAsync(id, http, db, problems, () => actions.SignAsync(id, input, ct), ct);

    private static Task<IResult> TerminateAsync(Guid id, TerminationInput input, HttpContext http, AppDbContext db, AgreementActions actions,
        ApiProblems problems, CancellationToken ct) =>
        ActAsync(id, http, db, problems, () => actions.TerminateAsync(id, input, ct), ct);

    private static async Task<IResult> RenewAsync(Guid id, VersionInput input, HttpContext http, AppDbContext db, AgreementActions actions,
        ApiProblems problems, CancellationToken ct)
    {
        var result = await ActAsync(id, http, db, problems, () => input.Version is { } version
            ? actions.RenewAsync(id, version, http.User.GetUserId()!.Value, ct)
            : Task.FromResult(MissingVersion), ct);
        return result is Microsoft.AspNetCore.Http.HttpResults.Ok<AgreementDto> ok
            ? TypedResults.Created($"/api/v1/agreements/{ok.Value!.Id}", ok.Value) : result;
    }

    /// <summary>Runs an action of a manager on an agreement the caller can see, and answers with the
    /// agreement it produced (the same one, or the renewal).</summary>
    private static async Task<IResult> ActAsync(Guid id, HttpContext http, AppDbContext db, ApiProblems problems,
        Func<Task<AgreementOutcome>> action, CancellationToken ct)
    {
        var agreement = await db.Set<Agreement>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null)
        {
            return problems.NotFound();
        }
        if (await Refusal(db, http, agreement, problems, ct) is { } refusal)
        {
            return refusal;
        }
        var outcome = await action();
        return await AnswerAsync(db, http, problems, outcome, ct);
    }

    private static async Task<IResult> AnswerAsync(AppDbContext db, HttpContext http, ApiProblems problems, AgreementOutcome outcome, CancellationToken ct)
    {
        switch (outcome.Kind)
        {
            case AgreementOutcome.Kinds.Done:
                db.ChangeTracker.Clear();
                return TypedResults.Ok((await ToDtoAsync(db, outcome.Id!.Value, ct))!);
            case AgreementOutcome.Kinds.Invalid:
                return problems.Validation(outcome.Errors);
            case AgreementOutcome.Kinds.Stale:
                return problems.Stale();
            case AgreementOutcome.Kinds.NotFound:
                return problems.NotFound();
            case AgreementOutcome.Kinds.Forbidden:
                var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: t["Forbidden."], detail: problems.Message(outcome.Errors[0]));
            default:
                var error = outcome.Errors[0];
                return problems.Conflict(error.Message, [.. error.Arguments]);
        }
    }

    /// <summary>403 unless the caller keeps agreements with these partners.</summary>
    private static async Task<IResult?> Refusal(AppDbContext db, HttpContext http, Agreement agreement, ApiProblems problems, CancellationToken ct)
    {
        if (await AgreementAccess.MayManageAsync(db, http.User, agreement.Id, ct))
        {
            return null;
        }
        var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: t["Forbidden."], detail: t[AgreementAccess.NotYoursMessage]);
    }

    private static async Task<IResult> DocumentsAsync(Guid id, AppDbContext db, AgreementDocuments documents, ApiProblems problems, CancellationToken ct)
    {
        if (!await db.Set<Agreement>().AnyAsync(a => a.Id == id, ct))
        {
            return problems.NotFound();
        }
        return TypedResults.Ok((await documents.ListAsync(id, ct)).Select(ToDto).ToList());
    }

    private static DocumentDto ToDto(AgreementDocument d) =>
        new(d.Id, d.Kind, d.FileName, d.ContentType, d.Size, d.UploadedUtc, $"/api/v1/agreements/{d.AgreementId}/documents/{d.Id}");

    private static async Task<IResult> UploadAsync(Guid id, HttpRequest request, HttpContext http, AppDbContext db, AgreementDocuments documents,
        ApiProblems problems, CancellationToken ct)
    {
        var agreement = await db.Set<Agreement>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null)
        {
            return problems.NotFound();
        }
        if (await Refusal(db, http, agreement, problems, ct) is { } refusal)
        {
            return refusal;
        }
        var query = new ApiQuery(request);
        var kind = query.Choice<AgreementDocumentKind>("kind") ?? AgreementDocumentKind.Draft;
        if (query.Errors.Count > 0)
        {
            return problems.Validation(query.Errors);
        }
        var fileName = Path.GetFileName(query.Text("fileName") ?? (kind == AgreementDocumentKind.Signed ? "signed.pdf" : "draft.pdf"));
        var length = request.ContentLength ?? -1;
        var upload = new Platform.Documents.FileUpload(fileName, length < 0 ? 1 : length, async token =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, token);
            return buffer.ToArray();
        });
        var (document, errors) = await documents.UploadAsync(agreement, kind, upload, http.User.GetUserId()!.Value, ct);
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(ToDto(document!).DownloadUrl, ToDto(document!));
    }

    private static async Task<IResult> DownloadAsync(Guid id, Guid documentId, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var document = await db.Set<AgreementDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.AgreementId == id, ct);
        return document is null ? problems.NotFound() : AgreementDocuments.Download(document);
    }

    public static async Task<AgreementDto?> ToDtoAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var a = await db.Set<Agreement>().AsNoTracking().Include(x => x.Parties).Include(x => x.Signatories).Include(x => x.Quotas)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return null;
        }
        var renewedBy = await db.Set<Agreement>().Where(x => x.RenewsAgreementId == id && x.State != AgreementState.Rejected)
            .Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
        return new AgreementDto(a.Id, a.Version, a.Number, a.Title, a.Type, a.State, a.SigningUnitId, a.OfficerUserId, a.SignedOn, a.EffectiveOn,
            a.ExpiresOn, a.AutoRenew, a.RenewalMonths, a.SubjectAreas, a.Notes, a.CreatedUtc, a.SubmittedUtc, a.ApprovedUtc, a.CaseId,
            a.RenewsAgreementId, renewedBy, a.TerminatedOn, a.TerminationReason, a.Dormant,
            [.. a.Parties.OrderBy(p => p.SortOrder).Select(p => p.PartnerId)],
            [.. a.Signatories.OrderBy(s => s.SortOrder).Select(s => new SignatoryDto(s.PartnerId, s.Name, s.Title, s.SignedOn))],
            [.. a.Quotas.OrderBy(q => q.SortOrder).Select(q => new QuotaDto(q.PartnerId, q.Direction, q.Kind, q.FirstYear, q.LastYear, q.PlacesPerYear,
                q.MonthsPerYear, q.DaysPerYear, q.Blended, q.SubjectAreas, q.EqfLevels, q.LanguageSkills, q.OtherTerms))]);
    }
}
