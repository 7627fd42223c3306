using System.Text;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Agreements.Ewp;

/// <summary>
/// GET /api/v1/agreements/{id}/iia (the agreement as an IIAs v7 get-response) and
/// POST /api/v1/agreements/ewp-import (a get-response in the body → draft agreements).
/// </summary>
public static class AgreementsEwpApi
{
    public sealed record ImportErrorDto(int Line, string Message, string? FixUrl);

    public sealed record ImportedDto(Guid AgreementId, Guid PartnerId, string Title, string? PartnerIiaId);

    public sealed record ExistingDto(Guid AgreementId, string Label, string? PartnerIiaId, string PartnerHeiId);

    public sealed record ImportResultDto(IReadOnlyList<ImportedDto> Created, IReadOnlyList<ExistingDto> AlreadyImported, IReadOnlyList<ImportErrorDto> Errors);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/agreements/{id:guid}/iia", ExportAsync).WithTags("Agreements").RequireAuthorization(Policies.Partners)
            .WithName("GetAgreementIia").Produces(StatusCodes.Status200OK, contentType: "application/xml")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The agreement as an Erasmus Without Paper IIAs v7 get-response, validated against the EWP schemas; 409 lists what keeps it from being exported.");
        api.MapPost("/agreements/ewp-import", ImportAsync).WithTags("Agreements").RequireAuthorization(Policies.EwpImport)
            .WithName("ImportEwpAgreements").Accepts<string>("application/xml")
            .Produces<ImportResultDto>().Produces<ImportResultDto>(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Imports an IIAs v7 get-response (the XML body, at most 5 MB) into draft agreements. Partners are matched by EWP HEI id; ?createPartners=true creates the missing ones. Any error imports nothing (422).");
    }

    private static async Task<IResult> ExportAsync(Guid id, AppDbContext db, ILoggerFactory loggers, ApiProblems problems,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var outcome = await AgreementIiaExport.ExportAsync(db, loggers.CreateLogger(typeof(AgreementsEwpApi)), id, ct);
        return outcome.Status switch
        {
            IiaExportStatus.NotFound => problems.NotFound(),
            IiaExportStatus.Ok => TypedResults.File(outcome.Bytes, "application/xml", outcome.FileName),
            IiaExportStatus.Invalid => TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: t["Server error."],
                detail: t["The agreement could not be exported: the file made from it does not match the EWP schema. This is an error of the system and has been logged; please tell the administrator."]),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: t["Conflict."],
                detail: string.Join(" ", outcome.Problems.Select(p => Describe(p, t))),
                extensions: new Dictionary<string, object?>
                {
                    ["problems"] = outcome.Problems.Select(p => new ImportErrorDto(0, Describe(p, t), p.FixUrl)).ToList(),
                }),
        };
    }

    public static string Describe(IiaExportProblem problem, IStringLocalizer t) =>
        t[problem.Message, [.. problem.Arguments.Select(a => a is string s ? t[s].Value : a)]];

    private static async Task<IResult> ImportAsync(HttpRequest request, AppDbContext db, IStringLocalizer<SharedResource> t, TimeProvider clock,
        ApiProblems problems, CancellationToken ct)
    {
        if (request.ContentLength > AgreementIiaImporter.MaxBytes)
        {
            return TooLarge(t);
        }
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > AgreementIiaImporter.MaxBytes)
            {
                return TooLarge(t);
            }
        }
        var xml = Encoding.UTF8.GetString(buffer.ToArray()).TrimStart('\uFEFF');
        var query = new ApiQuery(request);
        var createPartners = string.Equals(query.Text("createPartners"), "true", StringComparison.OrdinalIgnoreCase);
        var fileName = query.Text("fileName") ?? "api";

        var importer = new AgreementIiaImporter(db, t, clock);
        var preview = await importer.PreviewAsync(xml, ct);
        var choices = preview.Items.ToDictionary(i => i.Index, _ => new IiaPartnerChoice { Create = createPartners });
        var outcome = await importer.ImportAsync(preview, choices, fileName, request.HttpContext.User.GetUserId()!.Value, ct);
        var dto = new ImportResultDto(
            [.. outcome.Created.Select(c => new ImportedDto(c.AgreementId, c.PartnerId, c.Title, c.TheirIiaId))],
            [.. outcome.Existing.Select(e => new ExistingDto(e.ExistingAgreementId!.Value, e.ExistingLabel ?? "", e.View.TheirIiaId, e.TheirHeiId))],
            [.. outcome.Errors.Select(e => new ImportErrorDto(e.Line, e.Message, e.FixUrl))]);
        return dto.Errors.Count > 0 ? TypedResults.UnprocessableEntity(dto) : TypedResults.Ok(dto);
    }

    private static IResult TooLarge(IStringLocalizer t) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: t["The file is too large."],
            detail: t["The file is larger than 5 MB. Export fewer agreements into one file."]);
}
