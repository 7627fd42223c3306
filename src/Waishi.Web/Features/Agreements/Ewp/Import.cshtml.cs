using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Agreements.Ewp;

/// <summary>
/// /Agreements/Ewp/Import: upload a partner's IIAs get-response. Every error is listed with its line
/// and nothing is imported while there is one. An IIA whose partner has no match by HEI id is shown
/// with a choice (an existing partner, or a new one) before anything is written; IIAs already held
/// by an agreement are named with a link and left alone.
/// </summary>
[Authorize(Policy = Policies.EwpImport)]
[RequestSizeLimit(12 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 12 * 1024 * 1024, ValueLengthLimit = 12 * 1024 * 1024)]
public sealed class ImportModel(AppDbContext db, IStringLocalizer<SharedResource> t, TimeProvider clock) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The uploaded file between the two steps (base64 of its UTF-8 text).</summary>
    [BindProperty]
    public string? FileData { get; set; }

    [BindProperty]
    public string? FileName { get; set; }

    [BindProperty]
    public List<IiaPartnerChoice> Choices { get; set; } = [];

    public IiaImportPreview? Preview { get; private set; }
    public IiaImportOutcome? Outcome { get; private set; }
    public List<(Guid Id, string Name, string Country)> PartnerOptions { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostUploadAsync()
    {
        ModelState.Clear();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), t["Choose the EWP file (an IIAs get-response in XML) to import."]);
            return Page();
        }
        if (Upload.Length > AgreementIiaImporter.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), t["The file is larger than 5 MB. Export fewer agreements into one file."]);
            return Page();
        }
        string xml;
        using (var reader = new StreamReader(Upload.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            xml = await reader.ReadToEndAsync(HttpContext.RequestAborted);
        }
        FileName = Path.GetFileName(Upload.FileName);
        return await RunAsync(xml, firstStep: true);
    }

    public async Task<IActionResult> OnPostImportAsync()
    {
        ModelState.Clear();
        string xml;
        try
        {
            xml = Encoding.UTF8.GetString(Convert.FromBase64String(FileData ?? ""));
        }
        catch (FormatException)
        {
            ModelState.AddModelError(nameof(Upload), t["Choose the EWP file (an IIAs get-response in XML) to import."]);
            return Page();
        }
        return await RunAsync(xml, firstStep: false);
    }

    private async Task<IActionResult> RunAsync(string xml, bool firstStep)
    {
        var ct = HttpContext.RequestAborted;
        var importer = new AgreementIiaImporter(db, t, clock);
        Preview = await importer.PreviewAsync(xml, ct);
        if (Preview.Ok && firstStep && Preview.Items.Any(i => i.NeedsPartner))
        {
            // Ask which partner each unmatched IIA belongs to; the file comes back with the answers.
            FileData = Convert.ToBase64String(Encoding.UTF8.GetBytes(xml));
            Choices = [.. Preview.Items.Select(i => new IiaPartnerChoice { NewName = i.TheirHeiId, NewCountry = AgreementIiaImporter.CountryOf(i.TheirHeiId) })];
            await LoadPartnersAsync(ct);
            return Page();
        }
        if (Preview.Ok)
        {
            foreach (var choice in Choices)
            {
                choice.Create = choice.PartnerId is null;
            }
            var choices = Choices.Select((c, i) => (c, i)).ToDictionary(x => x.i, x => x.c);
            Outcome = await importer.ImportAsync(Preview, choices, FileName ?? "", User.GetUserId()!.Value, ct);
        }
        return Page();
    }

    private async Task LoadPartnersAsync(CancellationToken ct) =>
        PartnerOptions = [.. (await db.Set<Partner>().AsNoTracking().OrderBy(p => p.NameEn)
            .Select(p => new { p.Id, p.NameEn, p.CountryCode }).ToListAsync(ct)).Select(p => (p.Id, p.NameEn, p.CountryCode))];
}
