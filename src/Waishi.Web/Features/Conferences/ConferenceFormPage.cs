using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Partners;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Localization;

namespace Waishi.Web.Features.Conferences;

/// <summary>
/// Filing and editing an application: a failed form comes back with what was typed and a message at
/// each field; an edit made from an old version gets the stale-edit notice. "Save and submit"
/// files it on its chain in the same step.
/// </summary>
[Authorize(Policy = Policies.Conferences)]
public abstract class ConferenceFormPage(AppDbContext db, TimeProvider clock, ConferenceApproval approval, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ConferenceInput Form { get; set; } = new();

    /// <summary>"submit" files the saved application on its chain.</summary>
    [BindProperty]
    public string? Then { get; set; }

    public List<(Guid Id, string Name)> PartnerChoices { get; private set; } = [];
    public List<UnitNode> Units { get; private set; } = [];
    public List<(Guid Id, string Name)> OfficerChoices { get; private set; } = [];
    public ConferencePolicy Policy { get; private set; } = new();

    /// <summary>Rows shown: those typed, then two blank ones.</summary>
    public List<ConferenceInput.CoOrganiserRow> CoOrganiserRows => [.. Form.CoOrganisers ?? [], new(), new()];
    public List<ConferenceInput.CountryRow> CountryRows => [.. Form.Countries ?? [], new(), new(), new()];

    protected DateOnly Today => TripsSetup.Today(clock);

    protected async Task<IActionResult> FormPageAsync()
    {
        var ct = HttpContext.RequestAborted;
        var chinese = LocalizationSetup.IsChinese;
        PartnerChoices = [.. (await db.Set<Partner>().AsNoTracking().OrderBy(p => p.NameEn).ToListAsync(ct))
            .Select(p => (p.Id, $"{p.DisplayName(chinese)} ({p.CountryCode})"))];
        Units = await UnitTree.LoadAsync(db, ct);
        OfficerChoices = [.. (await ConferenceWriter.OfficerChoices(db).AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct)).Select(u => (u.Id, u.DisplayName))];
        Policy = await ConferencePolicy.LoadAsync(db, ct);
        return Page();
    }

    protected async Task<IActionResult> ShowCreateAsync()
    {
        var me = User.GetUserId();
        var unit = await db.Users.Where(u => u.Id == me)
            .Select(u => db.Set<StaffMember>().Where(s => s.Id == u.StaffMemberId).Select(s => s.UnitId).FirstOrDefault())
            .FirstOrDefaultAsync(HttpContext.RequestAborted);
        Form = new ConferenceInput { UnitId = unit, BudgetCurrency = "CNY" };
        return await FormPageAsync();
    }

    protected async Task<IActionResult> CreateAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (!ConferenceAccess.For(User).CanFile)
        {
            return Forbid();
        }
        var c = new Conference { CreatedUtc = clock.GetUtcNow().UtcDateTime, FiledByUserId = User.GetUserId() ?? Guid.Empty };
        ModelState.AddAll("Form", await ConferenceWriter.ApplyAsync(db, c, Form, Today, ct), t);
        if (!ModelState.IsValid)
        {
            return await FormPageAsync();
        }
        db.Add(c);
        await db.SaveChangesAsync(ct);
        return await AfterSaveAsync(c, t["The application {0} was saved as a draft.", c.TitleEn].Value);
    }

    protected async Task<IActionResult> ShowEditAsync(Guid id)
    {
        var c = await ConferenceWriter.LoadAsync(db, id, false, HttpContext.RequestAborted);
        if (c is null || !ConferenceAccess.For(User).Sees(c))
        {
            return NotFound();
        }
        if (!ConferenceAccess.For(User).CanEdit(c))
        {
            return Forbid();
        }
        Form = ConferenceInput.From(c);
        return await FormPageAsync();
    }

    protected async Task<IActionResult> SaveEditAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var c = await ConferenceWriter.LoadAsync(db, id, true, ct);
        if (c is null || !ConferenceAccess.For(User).Sees(c))
        {
            return NotFound();
        }
        if (!ConferenceAccess.For(User).CanEdit(c))
        {
            return Forbid();
        }
        if (c.Version != Form.Version)
        {
            ModelState.AddModelError("", t[StaleEdit.Message]);
            return await FormPageAsync();
        }
        ModelState.AddAll("Form", await ConferenceWriter.ApplyAsync(db, c, Form, Today, ct), t);
        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            return await FormPageAsync();
        }
        db.ExpectVersion(c, Form.Version);
        if (await db.TrySaveAsync(ct) is not null)
        {
            ModelState.AddModelError("", t[StaleEdit.Message]);
            return await FormPageAsync();
        }
        return await AfterSaveAsync(c, t["The application {0} was saved.", c.TitleEn].Value);
    }

    /// <summary>After the save: submits when asked to (which screens the co-organisers), else screens them.</summary>
    private async Task<IActionResult> AfterSaveAsync(Conference c, string saved)
    {
        if (Then != "submit")
        {
            await approval.ScreenAsync(c, HttpContext.RequestAborted);
        }
        if (Then == "submit")
        {
            db.ChangeTracker.Clear();
            var (result, error) = await approval.SubmitAsync(c.Id, User.GetUserId()!.Value, HttpContext.RequestAborted);
            if (error is not null || result is not { Succeeded: true })
            {
                TempData["Error"] = error is not null ? FormErrors.Localize(error, t) : t[result?.Message ?? ConferenceApproval.NotSubmittableMessage].Value;
                return Redirect($"/Conferences/Details/{c.Id}");
            }
            TempData["Status"] = t["The application was submitted for approval."].Value;
            return Redirect($"/Conferences/Details/{c.Id}");
        }
        TempData["Status"] = saved;
        return Redirect($"/Conferences/Details/{c.Id}");
    }
}

public sealed class CreateModel(AppDbContext db, TimeProvider clock, ConferenceApproval approval, IStringLocalizer<SharedResource> t)
    : ConferenceFormPage(db, clock, approval, t)
{
    public Task<IActionResult> OnGetAsync() => ShowCreateAsync();

    public Task<IActionResult> OnPostAsync() => CreateAsync();
}

public sealed class EditModel(AppDbContext db, TimeProvider clock, ConferenceApproval approval, IStringLocalizer<SharedResource> t)
    : ConferenceFormPage(db, clock, approval, t)
{
    public Task<IActionResult> OnGetAsync(Guid id) => ShowEditAsync(id);

    public Task<IActionResult> OnPostAsync(Guid id) => SaveEditAsync(id);
}
