using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Partners;

/// <summary>A partner with its contacts; the sections edit contacts, merge another partner into it, or delete it.</summary>
public sealed class DetailsModel(AppDbContext db, PartnerMerge merge, IStringLocalizer<SharedResource> t) : PageModel
{
    public Partner Partner { get; private set; } = null!;
    public List<(Guid Id, string Name, string Country)> Others { get; private set; } = [];
    public int Links { get; private set; }
    public List<Agreements.PartnerAgreements.Row> Agreements { get; private set; } = [];

    [BindProperty]
    public PartnersApi.ContactInput Contact { get; set; } = new(null, null, null, null, null, null);

    public bool Edits => User.HasAnyRole(Roles.OfficerGlobal, Roles.OfficerHmt, Roles.Director);

    private async Task<bool> LoadAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var partner = await db.Set<Partner>().AsNoTracking().Include(p => p.Contacts).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null)
        {
            return false;
        }
        Partner = partner;
        Links = await PartnerLinks.CountAsync(db, id, ct);
        Agreements = await Features.Agreements.PartnerAgreements.ForAsync(db, id, ct);
        if (Edits)
        {
            Others = [.. (await db.Set<Partner>().AsNoTracking().Where(p => p.Id != id).OrderBy(p => p.NameEn)
                .Select(p => new { p.Id, p.NameEn, p.CountryCode }).ToListAsync(ct)).Select(p => (p.Id, p.NameEn, p.CountryCode))];
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddContactAsync(Guid id)
    {
        if (!Edits)
        {
            return Forbid();
        }
        var ct = HttpContext.RequestAborted;
        var partner = await db.Set<Partner>().Include(p => p.Contacts).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null)
        {
            return NotFound();
        }
        ModelState.Clear();
        ModelState.AddAll("Contact", ValidateContact(), t);
        if (!ModelState.IsValid)
        {
            await LoadAsync(id);
            return Page();
        }
        var contact = new PartnerContact { PartnerId = id, SortOrder = partner.Contacts.Count };
        PartnersApi.Apply(Contact, contact);
        db.Add(contact);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["The contact {0} was added.", contact.Name].Value;
        return Redirect($"/Partners/Details/{id}");
    }

    private List<FieldError> ValidateContact()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Contact.Name))
        {
            errors.Add(new FieldError("Name", "Enter the contact's name."));
        }
        if (!string.IsNullOrWhiteSpace(Contact.Email) && !System.Net.Mail.MailAddress.TryCreate(Contact.Email.Trim(), out _))
        {
            errors.Add(new FieldError("Email", "Enter an e-mail address such as name@example.org, or leave it empty."));
        }
        if (Contact.Name?.Length > 200 || Contact.Role?.Length > 200 || Contact.Phone?.Length > 64 || Contact.Email?.Length > 256)
        {
            errors.Add(new FieldError("Name", "Shorten this to at most {0} characters.", 200));
        }
        return errors;
    }

    public async Task<IActionResult> OnPostSaveContactAsync(Guid id, Guid contactId, long contactVersion)
    {
        if (!Edits)
        {
            return Forbid();
        }
        var ct = HttpContext.RequestAborted;
        var contact = await db.Set<PartnerContact>().FirstOrDefaultAsync(c => c.Id == contactId && c.PartnerId == id, ct);
        if (contact is null)
        {
            return NotFound();
        }
        ModelState.Clear();
        if (contact.Version != contactVersion)
        {
            ModelState.AddModelError("", t[FormErrors.StaleEdit]);
        }
        ModelState.AddAll("Contact", ValidateContact(), t);
        if (ModelState.IsValid)
        {
            PartnersApi.Apply(Contact, contact);
            if (await db.TrySaveAsync(ct) is null)
            {
                TempData["Status"] = t["The contact {0} was saved.", contact.Name].Value;
                return Redirect($"/Partners/Details/{id}");
            }
            ModelState.AddModelError("", t[FormErrors.StaleEdit]);
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteContactAsync(Guid id, Guid contactId)
    {
        if (!Edits)
        {
            return Forbid();
        }
        var ct = HttpContext.RequestAborted;
        var contact = await db.Set<PartnerContact>().FirstOrDefaultAsync(c => c.Id == contactId && c.PartnerId == id, ct);
        if (contact is null)
        {
            return NotFound();
        }
        db.Remove(contact);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["The contact {0} was removed.", contact.Name].Value;
        return Redirect($"/Partners/Details/{id}");
    }

    public async Task<IActionResult> OnPostMergeAsync(Guid id, Guid mergeId, long version)
    {
        if (!Edits)
        {
            return Forbid();
        }
        var ct = HttpContext.RequestAborted;
        var name = await db.Set<Partner>().Where(p => p.Id == mergeId).Select(p => p.NameEn).FirstOrDefaultAsync(ct);
        var result = await merge.MergeAsync(id, mergeId, version, null, ct);
        if (!result.Succeeded)
        {
            if (result.Error is null)
            {
                return NotFound();
            }
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", t[result.Error == StaleEdit.Message ? FormErrors.StaleEdit : result.Error]);
            return await LoadAsync(id) ? Page() : NotFound();
        }
        TempData["Status"] = t["{0} was merged into this partner; {1} linked record(s) moved.", name ?? "", result.MovedRows].Value;
        return Redirect($"/Partners/Details/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, long version)
    {
        if (!Edits)
        {
            return Forbid();
        }
        var ct = HttpContext.RequestAborted;
        var partner = await db.Set<Partner>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null)
        {
            return NotFound();
        }
        if (partner.Version != version || await PartnerLinks.CountAsync(db, id, ct) > 0)
        {
            ModelState.AddModelError("", partner.Version != version ? t[FormErrors.StaleEdit]
                : t["Other records still refer to this partner. Merge it into the partner that replaces it instead."]);
            await LoadAsync(id);
            return Page();
        }
        db.Remove(partner);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["The partner {0} was deleted.", partner.NameEn].Value;
        return Redirect("/Partners");
    }
}
