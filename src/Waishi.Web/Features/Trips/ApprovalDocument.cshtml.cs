using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Documents;

namespace Waishi.Web.Features.Trips;

/// <summary>/Trips/{id}/ApprovalDocument: the PDF of an approved trip's approval document; for a
/// trip that is not approved, a page that says why there is none (409).</summary>
public sealed class ApprovalDocumentModel(AppDbContext db, ApprovalDocumentDownload download) : PageModel
{
    public Guid Id { get; private set; }
    public TripState State { get; private set; }
    public bool FontMissing { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Id = id;
        try
        {
            var result = await download.GetAsync(db, User, Request, id, HttpContext.RequestAborted);
            switch (result.Status)
            {
                case ApprovalDownloadStatus.NotFound:
                    return NotFound();
                case ApprovalDownloadStatus.NotApproved:
                    State = result.State;
                    Response.StatusCode = StatusCodes.Status409Conflict;
                    return Page();
                default:
                    return File(result.Pdf!, "application/pdf", result.FileName);
            }
        }
        catch (CjkFontMissingException)
        {
            FontMissing = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
    }
}
