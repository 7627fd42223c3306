using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Documents;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Visits.Letters;

public sealed record LetterDto(Guid Id, Guid VisitId, Guid? MemberId, string Number, string VerificationCode, string Names,
    DateOnly? StartDate, DateOnly? EndDate, DateTime IssuedUtc, bool Revoked, DateTime? RevokedUtc, string VerifyUrl);

/// <summary>The request to issue a letter: for a member, or for the delegation when no member is given;
/// <c>reissue</c> revokes the valid letter first.</summary>
public sealed record IssueLetterRequest(Guid? MemberId, bool Reissue);

/// <summary>/api/v1/visits/{id}/letters: a visit's invitation letters (list, issue, revoke, PDF).
/// The public check of a letter's code is the page /Public/Verify.</summary>
public static class LettersApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var letters = api.MapGroup("/visits/{id:guid}/letters").WithTags("Visit letters").RequireAuthorization(Policies.Staff);
        letters.MapGet("/", ListAsync).WithName("ListVisitLetters").Produces<List<LetterDto>>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The visit's invitation letters, newest first, valid and revoked.");
        letters.MapPost("/", IssueAsync).WithName("IssueVisitLetter").Produces<LetterDto>(StatusCodes.Status201Created).Produces<LetterDto>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Issues an invitation letter of an approved visit for a member (memberId) or the delegation (no memberId); 200 with the valid letter when there is one, unless reissue is true.");
        letters.MapPost("/{letterId:guid}/revoke", RevokeAsync).WithName("RevokeVisitLetter").Produces<LetterDto>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Revokes a letter: its verification code then answers that it was revoked.");
        letters.MapGet("/{letterId:guid}/pdf", PdfAsync).WithName("GetVisitLetterPdf").Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound).WithSummary("The bilingual PDF of a letter.");
    }

    private static async Task<IResult> ListAsync(Guid id, HttpContext http, AppDbContext db, IConfiguration configuration, ApiProblems problems, CancellationToken ct)
    {
        var access = await VisitDocsAccess.ForAsync(db, http.User, ct);
        if (!await access.Visible(db).AnyAsync(v => v.Id == id, ct))
        {
            return problems.NotFound();
        }
        var rows = await VisitModel.LettersOfAsync(db, id, ct);
        return TypedResults.Ok(rows.Select(r => Dto(r.Letter, r.Document, configuration, http.Request)).ToList());
    }

    private static async Task<IResult> IssueAsync(Guid id, IssueLetterRequest? body, HttpContext http, AppDbContext db, VisitLetters letters,
        IConfiguration configuration, ApiProblems problems, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var access = await VisitDocsAccess.ForAsync(db, http.User, ct);
        if (!await access.Visible(db).AnyAsync(v => v.Id == id, ct))
        {
            return problems.NotFound();
        }
        if (!access.CanIssueLetters)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: t["Forbidden."],
                detail: t["Invitation letters are issued by the global relations officers and directors."]);
        }
        var result = await letters.IssueAsync(db, access.Visible(db), id, body?.MemberId, http.User.GetUserId()!.Value, body?.Reissue ?? false, ct);
        return result.Status switch
        {
            LetterIssueStatus.NotFound => problems.NotFound(),
            LetterIssueStatus.NotApproved => problems.Conflict("Invitation letters are issued only for approved visits."),
            LetterIssueStatus.Issued => TypedResults.Created($"/api/v1/visits/{id}/letters/{result.Letter!.Id}/pdf", Dto(result.Letter, result.Document!, configuration, http.Request)),
            _ => TypedResults.Ok(Dto(result.Letter!, result.Document!, configuration, http.Request)),
        };
    }

    private static async Task<IResult> RevokeAsync(Guid id, Guid letterId, HttpContext http, AppDbContext db, VisitLetters letters,
        IConfiguration configuration, ApiProblems problems, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var access = await VisitDocsAccess.ForAsync(db, http.User, ct);
        var visible = access.Visible(db);
        var letter = await db.Set<VisitLetter>().FirstOrDefaultAsync(l => l.Id == letterId && l.VisitId == id && visible.Any(v => v.Id == l.VisitId), ct);
        if (letter is null)
        {
            return problems.NotFound();
        }
        if (!access.CanIssueLetters)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: t["Forbidden."],
                detail: t["Invitation letters are issued by the global relations officers and directors."]);
        }
        var document = await letters.RevokeAsync(db, letter, ct);
        if (document is null)
        {
            return problems.NotFound();
        }
        if (await db.TrySaveAsync(ct) is not null)
        {
            return problems.Stale();
        }
        return TypedResults.Ok(Dto(letter, document, configuration, http.Request));
    }

    private static async Task<IResult> PdfAsync(Guid id, Guid letterId, HttpContext http, AppDbContext db, VisitLetters letters,
        IConfiguration configuration, ApiProblems problems, CancellationToken ct)
    {
        var access = await VisitDocsAccess.ForAsync(db, http.User, ct);
        var visible = access.Visible(db);
        var letter = await db.Set<VisitLetter>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == letterId && l.VisitId == id && visible.Any(v => v.Id == l.VisitId), ct);
        var document = letter is null ? null : await db.Set<IssuedDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == letter.DocumentId, ct);
        if (letter is null || document is null)
        {
            return problems.NotFound();
        }
        var pdf = await letters.RenderAsync(db, letter, document, DocumentsSetup.VerifyUrl(configuration, http.Request, document.Code), ct);
        return TypedResults.File(pdf, "application/pdf", $"invitation-{document.Number}.pdf");
    }

    private static LetterDto Dto(VisitLetter l, IssuedDocument d, IConfiguration configuration, HttpRequest request) =>
        new(l.Id, l.VisitId, l.MemberId, d.Number, VerificationCode.Format(d.Code), d.Names, d.StartDate, d.EndDate, d.IssuedUtc, d.Revoked, d.RevokedUtc,
            DocumentsSetup.VerifyUrl(configuration, request, d.Code));
}
