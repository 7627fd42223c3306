using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Documents;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Trips;

/// <summary>GET /api/v1/trips/{id}/approval-document: the approval document PDF of an approved trip.</summary>
public static class ApprovalDocumentApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/trips/{id:guid}/approval-document", GetAsync).WithTags("Trips").RequireAuthorization(Policies.Trips)
            .WithName("GetTripApprovalDocument").Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The bilingual approval document (PDF) of an approved trip, issued with its verification code on first request.");
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, AppDbContext db, ApprovalDocumentDownload download,
        ApiProblems problems, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        try
        {
            var result = await download.GetAsync(db, http.User, http.Request, id, ct);
            return result.Status switch
            {
                ApprovalDownloadStatus.NotFound => problems.NotFound(),
                ApprovalDownloadStatus.NotApproved => problems.Conflict("An approval document is issued only for approved trips. This trip is {0}.", t[TripLabels.Of(result.State)].Value),
                _ => TypedResults.File(result.Pdf!, "application/pdf", result.FileName),
            };
        }
        catch (CjkFontMissingException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: t["Service unavailable."],
                detail: t["The approval document cannot be made now: the server has no Chinese font for PDF documents. Ask the administrator to set Documents:CjkFontPath."]);
        }
    }
}
