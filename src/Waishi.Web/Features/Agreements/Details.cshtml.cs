using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Localization;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Features.Agreements;

/// <summary>An agreement with its terms, parties, quotas, documents and review; the lifecycle actions
/// (submit, record the signing, terminate, renew) for those who keep it.</summary>
public sealed class DetailsModel(AppDbContext db, AgreementActions actions, AgreementDocuments documents, IStringLocalizer<SharedResource> t) : PageModel
{
    public Agreement Agreement { get; private set; } = null!;
    public List<PartnerChoice> Parties { get; private set; } = [];
    public List<AgreementDocument> Documents { get; private set; } = [];
    public string? UnitName { get; private set; }
    public string? OfficerName { get; private set; }
    public WorkflowCase? Case { get; private set; }
    public List<WorkflowEntry> Timeline { get; private set; } = [];
    public (Guid Id, string Label)? Renews { get; private set; }
    public (Guid Id, string Label)? RenewedBy { get; private set; }
    public bool Manages { get; private set; }

    public string PartnerName(Guid? id) => id is { } x && Parties.FirstOrDefault(p => p.Id == x) is { } p
        ? p.Label(LocalizationSetup.IsChinese) : t["Our side"].Value;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var agreement = await db.Set<Agreement>().AsNoTracking().Include(a => a.Parties).Include(a => a.Signatories).Include(a => a.Quotas)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null)
        {
            return false;
        }
        Agreement = agreement;
        var ids = agreement.Parties.Select(p => p.PartnerId).ToList();
        var partners = await db.Set<Partner>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new PartnerChoice(p.Id, p.NameEn, p.NameZh, p.CountryCode, p.Region)).ToListAsync(ct);
        Parties = [.. agreement.Parties.OrderBy(p => p.SortOrder).Select(p => partners.FirstOrDefault(x => x.Id == p.PartnerId)).OfType<PartnerChoice>()];
        Documents = await documents.ListAsync(id, ct);
        UnitName = agreement.SigningUnitId is { } unitId
            ? await db.Set<OrgUnit>().Where(u => u.Id == unitId).Select(u => LocalizationSetup.IsChinese ? u.NameZh : u.NameEn).FirstOrDefaultAsync(ct)
            : null;
        OfficerName = agreement.OfficerUserId is { } officerId
            ? await db.Users.Where(u => u.Id == officerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct)
            : null;
        if (agreement.CaseId is { } caseId)
        {
            Case = await db.Set<WorkflowCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct);
            Timeline = await WorkflowQueries.TimelineAsync(db, caseId, ct);
        }
        if (agreement.RenewsAgreementId is { } oldId)
        {
            Renews = await db.Set<Agreement>().Where(a => a.Id == oldId).Select(a => new { a.Id, Label = a.Number ?? a.Title })
                .FirstOrDefaultAsync(ct) is { } old ? (old.Id, old.Label) : null;
        }
        RenewedBy = await db.Set<Agreement>().Where(a => a.RenewsAgreementId == id && a.State != AgreementState.Rejected)
            .Select(a => new { a.Id, Label = a.Number ?? a.Title }).FirstOrDefaultAsync(ct) is { } next ? (next.Id, next.Label) : null;
        Manages = AgreementAccess.MayManage(User, [.. partners.Select(p => p.Region).Distinct()]) && AgreementAccess.MayManageAny(User);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id, HttpContext.RequestAborted) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocumentAsync(Guid id, Guid documentId)
    {
        var document = await db.Set<AgreementDocument>().AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == documentId && d.AgreementId == id, HttpContext.RequestAborted);
        return document is null ? NotFound() : File(document.Content, document.ContentType, document.FileName);
    }

    /// <summary>Loads the agreement for an action and checks that the user keeps it; the refusal if not.</summary>
    private async Task<IActionResult?> ManagedAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        return Manages ? null : Forbid();
    }

    private async Task<IActionResult> AfterAsync(Guid id, AgreementOutcome outcome, string done, string prefix = "")
    {
        if (outcome.Kind == AgreementOutcome.Kinds.NotFound)
        {
            return NotFound();
        }
        if (outcome.Done)
        {
            TempData["Status"] = t[done].Value;
            return Redirect($"/Agreements/Details/{outcome.Id ?? id}");
        }
        ModelState.Clear();
        foreach (var error in outcome.Errors)
        {
            var key = string.IsNullOrEmpty(error.Field) || error.Field == AgreementDocuments.Field ? "" : prefix + error.Field;
            ModelState.AddModelError(key, FormErrors.Localize(error, t));
        }
        await LoadAsync(id, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, long version)
    {
        var ct = HttpContext.RequestAborted;
        if (await ManagedAsync(id, ct) is { } refusal)
        {
            return refusal;
        }
        var outcome = await actions.SubmitAsync(id, version, User.GetUserId()!.Value, ct);
        return await AfterAsync(id, outcome, "The agreement was submitted for review.");
    }

    [BindProperty]
    public SigningForm Signing { get; set; } = new();

    public sealed class SigningForm
    {
        public DateOnly? SignedOn { get; set; }
        public DateOnly? EffectiveOn { get; set; }
    }

    public async Task<IActionResult> OnPostSignAsync(Guid id, long version)
    {
        var ct = HttpContext.RequestAborted;
        if (await ManagedAsync(id, ct) is { } refusal)
        {
            return refusal;
        }
        var outcome = await actions.SignAsync(id, new SigningInput(Signing.SignedOn, Signing.EffectiveOn, version), ct);
        return await AfterAsync(id, outcome, "The signing was recorded.", "Signing.");
    }

    [BindProperty]
    public TerminationForm Termination { get; set; } = new();

    public sealed class TerminationForm
    {
        public DateOnly? TerminatedOn { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnPostTerminateAsync(Guid id, long version)
    {
        var ct = HttpContext.RequestAborted;
        if (await ManagedAsync(id, ct) is { } refusal)
        {
            return refusal;
        }
        var outcome = await actions.TerminateAsync(id, new TerminationInput(Termination.TerminatedOn, Termination.Reason, version), ct);
        return await AfterAsync(id, outcome, "The agreement was terminated.", "Termination.");
    }

    public async Task<IActionResult> OnPostRenewAsync(Guid id, long version)
    {
        var ct = HttpContext.RequestAborted;
        if (await ManagedAsync(id, ct) is { } refusal)
        {
            return refusal;
        }
        var outcome = await actions.RenewAsync(id, version, User.GetUserId()!.Value, ct);
        return await AfterAsync(id, outcome, "The renewal was drafted with the terms of this agreement: review and submit it.");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, long version)
    {
        var ct = HttpContext.RequestAborted;
        if (await ManagedAsync(id, ct) is { } refusal)
        {
            return refusal;
        }
        if (Agreement.State != AgreementState.Draft || Agreement.CaseId is not null)
        {
            return await AfterAsync(id, AgreementOutcome.Conflict("Only drafts that were never submitted can be deleted; this agreement is {0}.", AgreementLabels.Of(Agreement.State)), "");
        }
        var tracked = await db.Set<Agreement>().FirstAsync(a => a.Id == id, ct);
        db.ExpectVersion(tracked, version);
        db.Remove(tracked);
        if (await db.TrySaveAsync(ct) is not null)
        {
            return await AfterAsync(id, AgreementOutcome.Stale, "");
        }
        TempData["Status"] = t["The draft agreement was deleted."].Value;
        return Redirect("/Agreements");
    }

    [BindProperty]
    public IFormFile? Document { get; set; }

    [BindProperty]
    public AgreementDocumentKind Kind { get; set; }

    public async Task<IActionResult> OnPostUploadAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        if (await ManagedAsync(id, ct) is { } refusal)
        {
            return refusal;
        }
        var upload = Document is { } file ? Platform.Documents.FileUpload.From(file) : null;
        var (_, errors) = await documents.UploadAsync(Agreement, Kind, upload, User.GetUserId()!.Value, ct);
        if (errors.Count > 0)
        {
            return await AfterAsync(id, AgreementOutcome.Invalid(errors), "");
        }
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["The document was uploaded."].Value;
        return Redirect($"/Agreements/Details/{id}#documents");
    }

    public async Task<IActionResult> OnPostDeleteDocumentAsync(Guid id, Guid documentId)
    {
        var ct = HttpContext.RequestAborted;
        if (await ManagedAsync(id, ct) is { } refusal)
        {
            return refusal;
        }
        var document = await db.Set<AgreementDocument>().FirstOrDefaultAsync(d => d.Id == documentId && d.AgreementId == id, ct);
        if (document is null)
        {
            return NotFound();
        }
        if (AgreementDocuments.DeleteRefusal(Agreement, document) is { } reason)
        {
            return await AfterAsync(id, AgreementOutcome.Conflict(reason), "");
        }
        db.Remove(document);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["The document was deleted."].Value;
        return Redirect($"/Agreements/Details/{id}#documents");
    }
}
