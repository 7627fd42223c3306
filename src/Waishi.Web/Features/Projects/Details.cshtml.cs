using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Partners;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Localization;

namespace Waishi.Web.Features.Projects;

/// <summary>A project with its partners and investigators; the sections add and remove outputs and documents, or delete the project.</summary>
public sealed class DetailsModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record DocumentRow(Guid Id, ProjectDocumentKind Kind, string FileName, string ContentType, long Size, DateTime UploadedUtc);

    public CooperationProject Project { get; private set; } = null!;
    public List<Partner> Partners { get; private set; } = [];
    public string? Unit { get; private set; }
    public string? Officer { get; private set; }
    public Agreement? Agreement { get; private set; }
    public List<DocumentRow> Documents { get; private set; } = [];

    [BindProperty]
    public ProjectOutputsApi.OutputInput Output { get; set; } = new(null, null, null, null);

    public bool Edits => User.HasAnyRole(ProjectsSetup.EditorRoles);

    private async Task<bool> LoadAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var project = await ProjectsApi.LoadAsync(db, id, false, ct);
        if (project is null)
        {
            return false;
        }
        Project = project;
        var chinese = LocalizationSetup.IsChinese;
        var ids = project.PartnerIds();
        var partners = await db.Set<Partner>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        Partners = [.. ids.Select(partners.GetValueOrDefault).OfType<Partner>()];
        Unit = project.UnitId is { } unit ? (await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == unit, ct))?.Name(chinese) : null;
        Officer = project.OfficerUserId is { } officer ? await db.Users.Where(u => u.Id == officer).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        Agreement = project.AgreementId is { } agreement ? await db.Set<Agreement>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == agreement, ct) : null;
        Documents = await db.Set<ProjectDocument>().AsNoTracking().Where(d => d.ProjectId == id).OrderBy(d => d.UploadedUtc)
            .Select(d => new DocumentRow(d.Id, d.Kind, d.FileName, d.ContentType, d.Size, d.UploadedUtc)).ToListAsync(ct);
        return true;
    }

    public string PartnerName(Guid? id) =>
        Partners.FirstOrDefault(p => p.Id == id)?.DisplayName(LocalizationSetup.IsChinese) ?? "";

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    private Task<bool> ExistsAsync(Guid id) => db.Set<CooperationProject>().AnyAsync(p => p.Id == id, HttpContext.RequestAborted);

    private async Task<IActionResult> ShowErrorsAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddOutputAsync(Guid id)
    {
        if (!Edits)
        {
            return Forbid();
        }
        if (!await ExistsAsync(id))
        {
            return NotFound();
        }
        ModelState.AddAll("Output", ProjectOutputsApi.Validate(Output), t);
        if (!ModelState.IsValid)
        {
            return await ShowErrorsAsync(id);
        }
        var output = ProjectOutputsApi.NewOutput(id, Output);
        db.Add(output);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        TempData["Status"] = t["The output {0} was added.", output.Title].Value;
        return Redirect($"/Projects/Details/{id}#outputs");
    }

    public async Task<IActionResult> OnPostDeleteOutputAsync(Guid id, Guid outputId)
    {
        if (!Edits)
        {
            return Forbid();
        }
        var ct = HttpContext.RequestAborted;
        var output = await db.Set<ProjectOutput>().FirstOrDefaultAsync(o => o.Id == outputId && o.ProjectId == id, ct);
        if (output is null)
        {
            return NotFound();
        }
        db.Remove(output);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["The output {0} was removed.", output.Title].Value;
        return Redirect($"/Projects/Details/{id}#outputs");
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, ProjectDocumentKind? kind, IFormFile? file)
    {
        if (!Edits)
        {
            return Forbid();
        }
        var ct = HttpContext.RequestAborted;
        if (!await ExistsAsync(id))
        {
            return NotFound();
        }
        ProjectDocument? document = null;
        FieldError? error;
        if (file is null)
        {
            error = new FieldError(ProjectDocuments.Field, "Choose a file to upload.");
        }
        else if (file.Length > ProjectDocument.MaxBytes)
        {
            // Refused before reading it into memory.
            error = new FieldError(ProjectDocuments.Field, "The file is {0:0.0} MB; the limit is 20 MB.", file.Length / 1024.0 / 1024.0);
        }
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            (document, error) = ProjectDocuments.Build(id, kind, file.FileName, buffer.ToArray(), User.GetUserId() ?? Guid.Empty, clock.GetUtcNow().UtcDateTime);
        }
        if (error is not null || document is null)
        {
            ModelState.AddAll("Document", [error!], t);
            return await ShowErrorsAsync(id);
        }
        db.Add(document);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["The document {0} was uploaded.", document.FileName].Value;
        return Redirect($"/Projects/Details/{id}#documents");
    }

    public async Task<IActionResult> OnGetDocumentAsync(Guid id, Guid documentId)
    {
        var document = await db.Set<ProjectDocument>().AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == documentId && d.ProjectId == id, HttpContext.RequestAborted);
        return document is null ? NotFound() : File(document.Content, document.ContentType, document.FileName);
    }

    public async Task<IActionResult> OnPostDeleteDocumentAsync(Guid id, Guid documentId)
    {
        if (!Edits)
        {
            return Forbid();
        }
        var ct = HttpContext.RequestAborted;
        var document = await db.Set<ProjectDocument>().Where(d => d.Id == documentId && d.ProjectId == id)
            .Select(d => new ProjectDocument { Id = d.Id, TenantId = d.TenantId, Version = d.Version, ProjectId = d.ProjectId, Kind = d.Kind,
                FileName = d.FileName, ContentType = d.ContentType, Size = d.Size, UploadedUtc = d.UploadedUtc, UploadedByUserId = d.UploadedByUserId })
            .FirstOrDefaultAsync(ct);
        if (document is null)
        {
            return NotFound();
        }
        db.Remove(document);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["The document {0} was removed.", document.FileName].Value;
        return Redirect($"/Projects/Details/{id}#documents");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, long version)
    {
        if (!Edits)
        {
            return Forbid();
        }
        var ct = HttpContext.RequestAborted;
        var project = await ProjectsApi.LoadAsync(db, id, true, ct);
        if (project is null)
        {
            return NotFound();
        }
        if (project.Version != version)
        {
            ModelState.AddModelError("", t[StaleEdit.Message]);
            db.ChangeTracker.Clear();
            return await ShowErrorsAsync(id);
        }
        await ProjectsApi.RemoveAsync(db, project, ct);
        db.ExpectVersion(project, version);
        if (await db.TrySaveAsync(ct) is not null)
        {
            ModelState.AddModelError("", t[StaleEdit.Message]);
            return await ShowErrorsAsync(id);
        }
        TempData["Status"] = t["The project {0} was deleted.", project.TitleEn].Value;
        return Redirect("/Projects");
    }
}
