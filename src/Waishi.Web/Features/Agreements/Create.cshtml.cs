using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Agreements;

public sealed class CreateModel(AppDbContext db, AgreementWriter writer, TimeProvider clock, IStringLocalizer<SharedResource> t)
    : AgreementFormPage(db, writer, t)
{
    public async Task<IActionResult> OnGetAsync(Guid? partner)
    {
        if (partner is { } id)
        {
            Form.Parties.Add(new AgreementInput.PartyRow { PartnerId = id });
        }
        Form.OfficerUserId = User.GetUserId();
        await LoadChoicesAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (ChangeForm())
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        var agreement = new Agreement { CreatedUtc = clock.GetUtcNow().UtcDateTime, CreatedByUserId = User.GetUserId()!.Value };
        if (!await ApplyAsync(agreement, ct))
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        Db.Add(agreement);
        await Db.SaveChangesAsync(ct);
        TempData["Status"] = T["The draft agreement was saved."].Value;
        return Redirect($"/Agreements/Details/{agreement.Id}");
    }
}
