using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Partners;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence.Profiles;

/// <summary>Adding and editing a profile (not its risk level, which has its own form): a failed form
/// comes back with what was typed and the fix at each field; a stale edit is told so.</summary>
[Authorize(Policy = DueDiligenceSetup.EditorPolicy)]
public abstract class ProfileFormPage(AppDbContext db, ProfileWriter writer, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ProfileInput Form { get; set; } = new();

    public List<(Guid Id, string Name)> Partners { get; private set; } = [];

    protected async Task LoadPartnersAsync() =>
        Partners = [.. (await db.Set<Partner>().AsNoTracking().OrderBy(p => p.NameEn).Select(p => new { p.Id, p.NameEn, p.CountryCode })
            .ToListAsync(HttpContext.RequestAborted)).Select(p => (p.Id, $"{p.NameEn} ({p.CountryCode})"))];

    private async Task<bool> ValidateAsync()
    {
        ModelState.Clear();
        ModelState.AddAll("Form", Form.Validate(), t);
        if (!await writer.PartnerExistsAsync(Form.PartnerId, HttpContext.RequestAborted))
        {
            ModelState.AddModelError("Form.PartnerId", t["Choose a partner of your institution."]);
        }
        return ModelState.IsValid;
    }

    protected async Task<IActionResult> CreateAsync()
    {
        if (!await ValidateAsync())
        {
            await LoadPartnersAsync();
            return Page();
        }
        var profile = writer.New();
        Form.ApplyTo(profile);
        db.Add(profile);
        await writer.SaveAsync(profile, screeningChanged: true, HttpContext.RequestAborted);
        TempData["Status"] = t["The profile of {0} was added.", profile.NameEn].Value;
        return Redirect($"/DueDiligence/Profiles/Details/{profile.Id}");
    }

    protected async Task<IActionResult> ShowEditAsync(Guid id)
    {
        var profile = await writer.LoadAsync(id, HttpContext.RequestAborted);
        if (profile is null)
        {
            return NotFound();
        }
        Form = ProfileInput.From(profile);
        await LoadPartnersAsync();
        return Page();
    }

    protected async Task<IActionResult> SaveEditAsync(Guid id)
    {
        var profile = await writer.LoadAsync(id, HttpContext.RequestAborted);
        if (profile is null)
        {
            return NotFound();
        }
        var valid = await ValidateAsync();
        if (valid && profile.Version != Form.Version)
        {
            ModelState.AddModelError("", t[StaleEdit.Message]);
            valid = false;
        }
        if (!valid)
        {
            await LoadPartnersAsync();
            return Page();
        }
        var names = Form.ChangesNames(profile);
        Form.ApplyTo(profile);
        ProfileChildren.Track(db, profile);
        db.ExpectVersion(profile, Form.Version);
        if (await writer.SaveAsync(profile, names, HttpContext.RequestAborted) is { } stale)
        {
            ModelState.AddModelError("", t[stale.Message]);
            await LoadPartnersAsync();
            return Page();
        }
        TempData["Status"] = t["The profile of {0} was saved.", profile.NameEn].Value;
        return Redirect($"/DueDiligence/Profiles/Details/{profile.Id}");
    }
}

public sealed class CreateModel(AppDbContext db, ProfileWriter writer, IStringLocalizer<SharedResource> t) : ProfileFormPage(db, writer, t)
{
    public async Task<IActionResult> OnGetAsync(Guid? partnerId)
    {
        Form.PartnerId = partnerId;
        await LoadPartnersAsync();
        return Page();
    }

    public Task<IActionResult> OnPostAsync() => CreateAsync();
}

public sealed class EditModel(AppDbContext db, ProfileWriter writer, IStringLocalizer<SharedResource> t) : ProfileFormPage(db, writer, t)
{
    public Task<IActionResult> OnGetAsync(Guid id) => ShowEditAsync(id);

    public Task<IActionResult> OnPostAsync(Guid id) => SaveEditAsync(id);
}
