using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.DueDiligence.Profiles;

/// <summary>Imports the ASPI tracker (an uploaded file or the copy bundled with the application) into the institution's profiles.</summary>
[Authorize(Policy = DueDiligenceSetup.EditorPolicy)]
[RequestSizeLimit(20 * 1024 * 1024)]
public sealed class ImportModel(AspiImporter importer, IStringLocalizer<SharedResource> t) : PageModel
{
    public AspiImportReport? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, bool bundled)
    {
        if (!bundled && (file is null || file.Length == 0))
        {
            ModelState.AddModelError("file", t["Choose the tracker's JSON file, or import the bundled copy."]);
            return Page();
        }
        var tenant = User.GetTenantId()!.Value;
        await using var stream = bundled ? AspiImportCommand.OpenBundled() : file!.OpenReadStream();
        Report = await importer.ImportAsync(stream, tenant, HttpContext.RequestAborted);
        return Page();
    }
}
