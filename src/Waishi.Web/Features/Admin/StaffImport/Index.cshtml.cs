using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Admin.StaffImport;

/// <summary>
/// Upload a staff directory (CSV or .xlsx), see per row what it would do and what is wrong, then
/// confirm. The file waits in the database under a token between the two steps.
/// </summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int MaxBytes = 5 * 1024 * 1024;

    [BindProperty(SupportsGet = true)]
    public Guid? Token { get; set; }

    [BindProperty]
    public bool ImportValidRows { get; set; }

    public string? FileName { get; private set; }
    public StaffImportPlan? Plan { get; private set; }
    public (int Added, int Updated, int Unchanged, List<ImportRow> Skipped)? Summary { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Token is { } token)
        {
            var upload = await db.Set<StaffImportUpload>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == token);
            if (upload is null)
            {
                return NotFound();
            }
            FileName = upload.FileName;
            Plan = await StaffImportPlan.BuildAsync(db, new MemoryStream(upload.Content), upload.FileName, HttpContext.RequestAborted);
        }
        return Page();
    }

    public IActionResult OnGetTemplate(string? format)
    {
        var headers = StaffColumns.All.Select(c => $"{c.Headers[0]}").ToList();
        var example = new List<string?> { "T000123", "张三", "Zhang San", "", "教授", "无", "否", "", "zhang.san@example.edu.cn", "+86 23 65100000", "" };
        return ListExport.File(new ExportTable(headers, [example]), format, "staff-directory-template");
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", t["Choose a CSV or Excel (.xlsx) file to upload."]);
            return Page();
        }
        if (file.Length > MaxBytes)
        {
            ModelState.AddModelError("file", t["The file is larger than 5 MB: split it into smaller files."]);
            return Page();
        }
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
        {
            ModelState.AddModelError("file", t["Upload a .csv or .xlsx file."]);
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        // Uploads nobody confirmed are dropped after a day.
        var stale = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        await db.Set<StaffImportUpload>().Where(u => u.CreatedUtc < stale).ExecuteDeleteAsync();
        var upload = new StaffImportUpload
        {
            UserId = User.GetUserId()!.Value,
            FileName = Path.GetFileName(file.FileName)[..Math.Min(200, Path.GetFileName(file.FileName).Length)],
            Content = buffer.ToArray(),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(upload);
        await db.SaveChangesAsync();
        return Redirect($"/Admin/StaffImport?Token={upload.Id}");
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        var upload = Token is { } token ? await db.Set<StaffImportUpload>().FirstOrDefaultAsync(u => u.Id == token) : null;
        if (upload is null)
        {
            return NotFound();
        }
        FileName = upload.FileName;
        // The file is checked again: the directory may have changed since the preview.
        Plan = await StaffImportPlan.BuildAsync(db, new MemoryStream(upload.Content), upload.FileName, HttpContext.RequestAborted);
        if (Plan.FileErrors.Count > 0 || (Plan.ErrorCount > 0 && !ImportValidRows))
        {
            ModelState.AddModelError("", t["Nothing was imported: correct the errors below and upload the file again, or tick \"import only the valid rows\"."]);
            return Page();
        }
        // The upload goes in the same transaction as the rows: a crash cannot leave an applied file
        // waiting to be confirmed a second time.
        db.Remove(upload);
        var (added, updated, unchanged) = await Plan.ApplyAsync(db, HttpContext.RequestAborted);
        Summary = (added, updated, unchanged, [.. Plan.Rows.Where(r => !r.IsValid)]);
        Token = null;
        return Page();
    }
}
