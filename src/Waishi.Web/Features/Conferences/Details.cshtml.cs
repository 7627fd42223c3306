using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Documents;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Localization;

namespace Waishi.Web.Features.Conferences;

/// <summary>An application with its attachments and summary; the filer submits it, uploads
/// attachments and deletes a draft here.</summary>
[Authorize(Policy = Policies.Conferences)]
public sealed class DetailsModel(AppDbContext db, TimeProvider clock, ConferenceApproval approval, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record DocumentRow(Guid Id, ConferenceDocumentKind Kind, string FileName, long Size, DateTime UploadedUtc);

    public Conference Conference { get; private set; } = null!;
    public string Unit { get; private set; } = "";
    public string? Officer { get; private set; }
    public string? FiledBy { get; private set; }
    public List<DocumentRow> Documents { get; private set; } = [];
    public ConferencePolicy Policy { get; private set; } = new();
    public List<string> CityReasons { get; private set; } = [];
    public ConferenceAccess Access { get; private set; } = null!;
    public DateOnly Today => TripsSetup.Today(clock);

    private async Task<bool> LoadAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Access = ConferenceAccess.For(User);
        var c = await ConferenceWriter.LoadAsync(db, id, false, ct);
        if (c is null || !Access.Sees(c))
        {
            return false;
        }
        Conference = c;
        var chinese = LocalizationSetup.IsChinese;
        Unit = (await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == c.UnitId, ct))?.Name(chinese) ?? "";
        Officer = c.OfficerUserId is { } officer ? await db.Users.Where(u => u.Id == officer).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        FiledBy = await db.Users.Where(u => u.Id == c.FiledByUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        Documents = await db.Set<ConferenceDocument>().AsNoTracking().Where(d => d.ConferenceId == id).OrderBy(d => d.UploadedUtc)
            .Select(d => new DocumentRow(d.Id, d.Kind, d.FileName, d.Size, d.UploadedUtc)).ToListAsync(ct);
        Policy = await ConferencePolicy.LoadAsync(db, ct);
        CityReasons = ConferenceRules.CityReasons(c, Policy);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    private async Task<IActionResult> ShowErrorsAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSubmitAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!Access.CanEdit(Conference))
        {
            return Forbid();
        }
        var (result, error) = await approval.SubmitAsync(id, User.GetUserId()!.Value, HttpContext.RequestAborted);
        if (error is not null || result is not { Succeeded: true })
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(error is { Field: { Length: > 0 } f } ? "Submit." + f : "",
                error is not null ? FormErrors.Localize(error, t) : t[result?.Message ?? ConferenceApproval.NotSubmittableMessage].Value);
            return await ShowErrorsAsync(id);
        }
        TempData["Status"] = t["The application was submitted for approval."].Value;
        return Redirect($"/Conferences/Details/{id}");
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, ConferenceDocumentKind? kind, IFormFile? file)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!Access.CanEdit(Conference))
        {
            return Forbid();
        }
        var ct = HttpContext.RequestAborted;
        var (document, error) = await ConferenceDocuments.BuildAsync(id, kind, file is null ? null : FileUpload.From(file),
            User.GetUserId() ?? Guid.Empty, clock.GetUtcNow().UtcDateTime, ct);
        if (error is not null || document is null)
        {
            ModelState.AddAll("Document", [error!], t);
            return Page();
        }
        document.TenantId = Conference.TenantId;
        db.Add(document);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["The attachment {0} was uploaded.", document.FileName].Value;
        return Redirect($"/Conferences/Details/{id}#documents");
    }

    public async Task<IActionResult> OnGetDocumentAsync(Guid id, Guid documentId)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var document = await db.Set<ConferenceDocument>().AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == documentId && d.ConferenceId == id, HttpContext.RequestAborted);
        return document is null ? NotFound() : File(document.Content, document.ContentType, document.FileName);
    }

    public async Task<IActionResult> OnPostDeleteDocumentAsync(Guid id, Guid documentId)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!Access.CanEdit(Conference))
        {
            return Forbid();
        }
        var ct = HttpContext.RequestAborted;
        var document = await db.Set<ConferenceDocument>().Where(d => d.Id == documentId && d.ConferenceId == id)
            .Select(d => new ConferenceDocument { Id = d.Id, TenantId = d.TenantId, Version = d.Version, ConferenceId = d.ConferenceId, Kind = d.Kind,
                FileName = d.FileName, ContentType = d.ContentType, Size = d.Size, UploadedUtc = d.UploadedUtc, UploadedByUserId = d.UploadedByUserId })
            .FirstOrDefaultAsync(ct);
        if (document is null)
        {
            return NotFound();
        }
        db.Remove(document);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["The attachment {0} was removed.", document.FileName].Value;
        return Redirect($"/Conferences/Details/{id}#documents");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, long version)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!Access.CanDelete(Conference))
        {
            return Forbid();
        }
        var ct = HttpContext.RequestAborted;
        var c = await ConferenceWriter.LoadAsync(db, id, true, ct);
        if (c is null || c.Version != version)
        {
            ModelState.AddModelError("", t[StaleEdit.Message]);
            db.ChangeTracker.Clear();
            return await ShowErrorsAsync(id);
        }
        await ConferenceWriter.RemoveAsync(db, c, ct);
        db.ExpectVersion(c, version);
        if (await db.TrySaveAsync(ct) is not null)
        {
            ModelState.AddModelError("", t[StaleEdit.Message]);
            return await ShowErrorsAsync(id);
        }
        TempData["Status"] = t["The draft {0} was deleted.", c.TitleEn].Value;
        return Redirect("/Conferences");
    }
}
