using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Ror;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Partners;

/// <summary>
/// Adding and editing a partner: a failed form comes back with what was typed and a message at each
/// field; possible duplicates are listed ("this may be X") and the user must choose "create anyway";
/// an edit made from an old version gets the stale-edit notice.
/// </summary>
[Authorize(Policy = Policies.PartnersEditor)]
public abstract class PartnerFormPage(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public PartnerInput Form { get; set; } = new();

    public List<PossibleDuplicate> Duplicates { get; private set; } = [];

    protected async Task<IActionResult> ShowCreateAsync(string? ror)
    {
        if (RorRecord.ParseId(ror) is { } id
            && await db.Set<RorOrganisation>().AsNoTracking().SingleOrDefaultAsync(r => r.RorId == id, HttpContext.RequestAborted) is { } org)
        {
            Form = PartnerInput.From(org);
        }
        return Page();
    }

    protected async Task<IActionResult> CreateAsync()
    {
        var ct = HttpContext.RequestAborted;
        ModelState.Clear();
        ModelState.AddAll("Form", Form.Validate(), t);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var partner = new Partner { CreatedUtc = clock.GetUtcNow().UtcDateTime };
        Form.ApplyTo(partner);
        if (!Form.CreateAnyway && (Duplicates = await PartnerDuplicates.FindAsync(db, partner, ct)).Count > 0)
        {
            return Page();
        }
        db.Add(partner);
        await db.SaveChangesAsync(ct);
        await PartnerSavedHooks.RunAsync(HttpContext.RequestServices, partner, ct);
        TempData["Status"] = t["The partner {0} was added.", partner.NameEn].Value;
        return Redirect($"/Partners/Details/{partner.Id}");
    }

    protected async Task<IActionResult> ShowEditAsync(Guid id)
    {
        var partner = await db.Set<Partner>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, HttpContext.RequestAborted);
        if (partner is null)
        {
            return NotFound();
        }
        Form = PartnerInput.From(partner);
        return Page();
    }

    protected async Task<IActionResult> SaveEditAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var partner = await db.Set<Partner>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null)
        {
            return NotFound();
        }
        ModelState.Clear();
        if (partner.Version != Form.Version)
        {
            ModelState.AddModelError("", t[FormErrors.StaleEdit]);
            return Page();
        }
        ModelState.AddAll("Form", Form.Validate(), t);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Form.ApplyTo(partner);
        if (!Form.CreateAnyway && (Duplicates = await PartnerDuplicates.FindAsync(db, partner, ct)).Count > 0)
        {
            return Page();
        }
        db.ExpectVersion(partner, Form.Version);
        if (await db.TrySaveAsync(ct) is { } stale)
        {
            ModelState.AddModelError("", t[stale.Message]);
            return Page();
        }
        await PartnerSavedHooks.RunAsync(HttpContext.RequestServices, partner, ct);
        TempData["Status"] = t["The partner {0} was saved.", partner.NameEn].Value;
        return Redirect($"/Partners/Details/{partner.Id}");
    }
}

public sealed class CreateModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PartnerFormPage(db, clock, t)
{
    public Task<IActionResult> OnGetAsync(string? ror) => ShowCreateAsync(ror);

    public Task<IActionResult> OnPostAsync() => CreateAsync();
}

public sealed class EditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PartnerFormPage(db, clock, t)
{
    public Task<IActionResult> OnGetAsync(Guid id) => ShowEditAsync(id);

    public Task<IActionResult> OnPostAsync(Guid id) => SaveEditAsync(id);
}
