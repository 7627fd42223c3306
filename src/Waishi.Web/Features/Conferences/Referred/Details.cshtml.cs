using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Conferences.Referred;

/// <summary>A referred application as the FAO reads it: its terms and its attachments, nothing else of the institution.</summary>
[Authorize(Policy = Policies.ConferenceReferrals)]
public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public ReferredConferences.Found Found { get; private set; } = null!;
    public List<ConferenceDocument> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid caseId)
    {
        var ct = HttpContext.RequestAborted;
        if (await ReferredConferences.FindAsync(db, caseId, ct) is not { } found)
        {
            return NotFound();
        }
        Found = found;
        Documents = await ReferredConferences.DocumentsAsync(db, found.Conference, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetDocumentAsync(Guid caseId, Guid documentId)
    {
        var ct = HttpContext.RequestAborted;
        if (await ReferredConferences.FindAsync(db, caseId, ct) is not { } found)
        {
            return NotFound();
        }
        var c = found.Conference;
        var document = await db.Set<ConferenceDocument>().IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == documentId && d.ConferenceId == c.Id && d.TenantId == c.TenantId, ct);
        return document is null ? NotFound() : File(document.Content, document.ContentType, document.FileName);
    }
}
