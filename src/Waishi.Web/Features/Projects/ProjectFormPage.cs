using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Partners;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Localization;

namespace Waishi.Web.Features.Projects;

/// <summary>
/// Adding and editing a project: a failed form comes back with what was typed and a message at each
/// field; an edit made from an old version gets the stale-edit notice.
/// </summary>
[Authorize(Policy = ProjectsSetup.EditorPolicy)]
public abstract class ProjectFormPage(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>Above this many active staff the investigator picker lists only the chosen ones; others are typed by name.</summary>
    public const int MaxStaffListed = 500;

    [BindProperty]
    public ProjectInput Form { get; set; } = new();

    public List<(Guid Id, string Name)> PartnerChoices { get; private set; } = [];
    public List<UnitNode> Units { get; private set; } = [];
    public List<(Guid Id, string Name)> StaffChoices { get; private set; } = [];
    public List<(Guid Id, string Name)> OfficerChoices { get; private set; } = [];
    public List<(Guid Id, string Name)> AgreementChoices { get; private set; } = [];

    /// <summary>The investigator rows shown: those typed, then blank rows for one more on each side.</summary>
    public List<ProjectInput.InvestigatorRow> InvestigatorRows =>
        [.. Form.Investigators ?? [], new() { Side = InvestigatorSide.Ours }, new() { Side = InvestigatorSide.Partner }];

    protected async Task<IActionResult> FormPageAsync()
    {
        var ct = HttpContext.RequestAborted;
        var chinese = LocalizationSetup.IsChinese;
        PartnerChoices = [.. (await db.Set<Partner>().AsNoTracking().OrderBy(p => p.NameEn).ToListAsync(ct))
            .Select(p => (p.Id, $"{p.DisplayName(chinese)} ({p.CountryCode})"))];
        Units = await UnitTree.LoadAsync(db, ct);
        var chosen = (Form.Investigators ?? []).Select(i => i.StaffMemberId).OfType<Guid>().ToList();
        var staff = db.Set<StaffMember>().AsNoTracking().Where(s => s.IsActive || chosen.Contains(s.Id));
        if ((await staff.CountUpToAsync(MaxStaffListed, ct)).Capped)
        {
            staff = staff.Where(s => chosen.Contains(s.Id));
        }
        StaffChoices = [.. (await staff.OrderBy(s => s.StaffNumber).ToListAsync(ct)).Select(s => (s.Id, $"{s.Name(chinese)} ({s.StaffNumber})"))];
        OfficerChoices = [.. (await ProjectWriter.OfficerChoices(db).AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .Select(u => (u.Id, u.DisplayName))];
        AgreementChoices = [.. (await db.Set<Agreement>().AsNoTracking().OrderBy(a => a.Title).Select(a => new { a.Id, a.Title, a.Number }).ToListAsync(ct))
            .Select(a => (a.Id, a.Number is null ? a.Title : $"{a.Number} {a.Title}"))];
        return Page();
    }

    protected Task<IActionResult> ShowCreateAsync(Guid? partner)
    {
        Form = new ProjectInput
        {
            Kind = ProjectKind.JointResearch, Status = ProjectStatus.Active, Currency = "CNY",
            PartnerIds = partner is { } p ? [p] : [], OfficerUserId = User.HasAnyRole([.. ProjectWriter.OfficerRoles]) ? User.GetUserId() : null,
        };
        return FormPageAsync();
    }

    protected async Task<IActionResult> CreateAsync()
    {
        var ct = HttpContext.RequestAborted;
        var project = new CooperationProject { CreatedUtc = clock.GetUtcNow().UtcDateTime, CreatedByUserId = User.GetUserId() ?? Guid.Empty };
        ModelState.AddAll("Form", await ProjectWriter.ApplyAsync(db, project, Form, ct), t);
        if (!ModelState.IsValid)
        {
            return await FormPageAsync();
        }
        db.Add(project);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["The project {0} was added.", project.TitleEn].Value;
        return Redirect($"/Projects/Details/{project.Id}");
    }

    protected async Task<IActionResult> ShowEditAsync(Guid id)
    {
        var project = await ProjectsApi.LoadAsync(db, id, false, HttpContext.RequestAborted);
        if (project is null)
        {
            return NotFound();
        }
        Form = ProjectInput.From(project);
        return await FormPageAsync();
    }

    protected async Task<IActionResult> SaveEditAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var project = await ProjectsApi.LoadAsync(db, id, true, ct);
        if (project is null)
        {
            return NotFound();
        }
        if (project.Version != Form.Version)
        {
            ModelState.AddModelError("", t[StaleEdit.Message]);
            return await FormPageAsync();
        }
        ModelState.AddAll("Form", await ProjectWriter.ApplyAsync(db, project, Form, ct), t);
        if (!ModelState.IsValid)
        {
            return await FormPageAsync();
        }
        db.ExpectVersion(project, Form.Version);
        if (await db.TrySaveAsync(ct) is not null)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", t[StaleEdit.Message]);
            return await FormPageAsync();
        }
        TempData["Status"] = t["The project {0} was saved.", project.TitleEn].Value;
        return Redirect($"/Projects/Details/{project.Id}");
    }
}

public sealed class CreateModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : ProjectFormPage(db, clock, t)
{
    public Task<IActionResult> OnGetAsync(Guid? partner) => ShowCreateAsync(partner);

    public Task<IActionResult> OnPostAsync() => CreateAsync();
}

public sealed class EditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : ProjectFormPage(db, clock, t)
{
    public Task<IActionResult> OnGetAsync(Guid id) => ShowEditAsync(id);

    public Task<IActionResult> OnPostAsync(Guid id) => SaveEditAsync(id);
}
