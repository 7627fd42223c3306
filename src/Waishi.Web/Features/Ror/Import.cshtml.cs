using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Ror;

/// <summary>
/// Upload of a ROR dump by the authority's tenant admin (the registry is the whole city's). The
/// upload is copied to a temporary file as it arrives and imported in the background; the page
/// polls the status endpoint for the progress bar and shows the report with the malformed records.
/// Only this page accepts large requests.
/// </summary>
[Authorize(Policy = Policies.RorAdmin)]
[RequestSizeLimit(MaxUpload)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUpload)]
public sealed class ImportModel(RorImportRunner runner, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>The full ROR dump is about 1 GB uncompressed; 4 GB leaves room to grow.</summary>
    public const long MaxUpload = 4L * 1024 * 1024 * 1024;

    [BindProperty] public string? Country { get; set; }
    [BindProperty] public string? Type { get; set; }
    [BindProperty] public string? Status { get; set; }

    public RorImportStatus Current => runner.Status;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", t["Choose the ROR data dump (a .json file) to upload."]);
            return Page();
        }
        if (Current.Running)
        {
            ModelState.AddModelError("", t["An import is already running. Wait for it to finish."]);
            return Page();
        }
        var path = Path.Combine(Path.GetTempPath(), "waishi-ror-" + Guid.NewGuid().ToString("N") + ".json");
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            await file.CopyToAsync(target, HttpContext.RequestAborted);
        }
        if (!runner.TryStart(path, Path.GetFileName(file.FileName), new RorImportFilter(Country, Type, Status)))
        {
            System.IO.File.Delete(path);
            ModelState.AddModelError("", t["An import is already running. Wait for it to finish."]);
            return Page();
        }
        return Redirect("/Ror/Import");
    }
}
