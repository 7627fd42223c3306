using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Agreements;

/// <summary>Edits a draft or an agreement returned for revision.</summary>
public sealed class EditModel(AppDbContext db, AgreementWriter writer, IStringLocalizer<SharedResource> t) : AgreementFormPage(db, writer, t)
{
    public Agreement Agreement { get; private set; } = null!;

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var agreement = await AgreementWriter.LoadAsync(Db, id, ct);
        if (agreement is null)
        {
            return NotFound();
        }
        if (!await AgreementAccess.MayManageAsync(Db, User, id, ct))
        {
            return Forbid();
        }
        if (!agreement.IsEditable)
        {
            TempData["Error"] = T["Only drafts and agreements returned for revision can be changed; this agreement is {0}.", T[AgreementLabels.Of(agreement.State)]].Value;
            return Redirect($"/Agreements/Details/{id}");
        }
        Agreement = agreement;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }
        Form = AgreementInput.From(Agreement);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }
        if (ChangeForm())
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        if (Agreement.Version != Form.Version)
        {
            ModelState.AddModelError("", T[FormErrors.StaleEdit]);
            await LoadChoicesAsync(ct);
            return Page();
        }
        if (!await ApplyAsync(Agreement, ct))
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        Db.ExpectVersion(Agreement, Form.Version);
        if (await Db.TrySaveAsync(ct) is { } stale)
        {
            ModelState.AddModelError("", T[stale.Message]);
            await LoadChoicesAsync(ct);
            return Page();
        }
        TempData["Status"] = T["The agreement was saved."].Value;
        return Redirect($"/Agreements/Details/{id}");
    }
}
