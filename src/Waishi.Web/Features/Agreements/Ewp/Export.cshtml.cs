using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Agreements.Ewp;

/// <summary>
/// /Agreements/Ewp/Export/{id}: downloads the agreement as an IIAs v7 get-response; when the
/// agreement lacks something EWP needs, a page lists each problem with the page that fixes it (409).
/// </summary>
[Authorize(Policy = Policies.Partners)]
public sealed class ExportModel(AppDbContext db, ILogger<ExportModel> logger) : PageModel
{
    public Guid Id { get; private set; }
    public IReadOnlyList<IiaExportProblem> Problems { get; private set; } = [];
    public bool Invalid { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Id = id;
        var outcome = await AgreementIiaExport.ExportAsync(db, logger, id, HttpContext.RequestAborted);
        switch (outcome.Status)
        {
            case IiaExportStatus.NotFound:
                return NotFound();
            case IiaExportStatus.Ok:
                return File(outcome.Bytes, "application/xml", outcome.FileName);
            case IiaExportStatus.Invalid:
                Invalid = true;
                Response.StatusCode = StatusCodes.Status500InternalServerError;
                return Page();
            default:
                Problems = outcome.Problems;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
        }
    }
}
