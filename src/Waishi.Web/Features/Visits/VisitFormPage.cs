using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Partners;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Visits;

/// <summary>
/// What the create and edit pages share: the form with its rows, the "add row"/"remove row"
/// buttons (answered on the server, so the page needs no script), and saving as a draft or
/// submitting.
/// </summary>
public abstract class VisitFormPage(AppDbContext db, VisitWriter writer, IStringLocalizer<SharedResource> t) : PageModel
{
    protected AppDbContext Db => db;
    protected VisitWriter Writer => writer;
    protected IStringLocalizer<SharedResource> T => t;

    [BindProperty]
    public VisitInput Form { get; set; } = new();

    /// <summary>"draft", "submit", "add:Members", "remove:Agenda:2".</summary>
    [BindProperty]
    public string? Action { get; set; }

    public List<StaffMember> Staff { get; private set; } = [];
    public List<Partner> Partners { get; private set; } = [];
    public List<OrgUnit> Units { get; private set; } = [];
    public VisitAccess Access { get; private set; } = null!;

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        Access = await VisitAccess.ForAsync(db, User, ct);
        Staff = await writer.StaffChoicesAsync(ct);
        Partners = await writer.PartnerChoicesAsync(ct);
        Units = await writer.UnitChoicesAsync(Access, ct);
    }

    /// <summary>Adds or removes a row when <see cref="Action"/> asks for it; true if it did.</summary>
    protected bool ChangeRows()
    {
        var parts = (Action ?? "").Split(':');
        if (parts[0] is not ("add" or "remove") || parts.Length < 2)
        {
            return false;
        }
        var index = parts.Length > 2 && int.TryParse(parts[2], out var i) ? i : -1;
        System.Collections.IList rows = parts[1] switch
        {
            "Members" => Form.Members,
            "Agenda" => Form.Agenda,
            "Gifts" => Form.Gifts,
            _ => Form.Budget,
        };
        if (parts[0] == "add")
        {
            rows.Add(parts[1] switch
            {
                "Members" => new VisitInput.MemberRow { Nationality = Form.Members.LastOrDefault()?.Nationality, Organisation = Form.Members.LastOrDefault()?.Organisation },
                "Agenda" => new VisitInput.AgendaRow { Date = Form.Agenda.LastOrDefault()?.Date ?? Form.ArrivalDate },
                "Gifts" => new VisitInput.GiftRow(),
                _ => (object)new VisitInput.BudgetRow(),
            });
        }
        else if (index >= 0 && index < rows.Count)
        {
            rows.RemoveAt(index);
        }
        // The posted values are shown from the model, not from the posted field names that have shifted.
        ModelState.Clear();
        return true;
    }

    /// <summary>Applies and checks the form; on success the caller saves, otherwise the errors are on the page.</summary>
    protected async Task<bool> ApplyAsync(Visit visit, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return false;
        }
        var errors = await writer.ApplyAsync(visit, Form, Access, Action == "submit", ct);
        foreach (var error in errors)
        {
            ModelState.AddModelError(string.IsNullOrEmpty(error.Field) ? "" : "Form." + error.Field, FormErrors.Localize(error, t));
        }
        return errors.Count == 0;
    }

    /// <summary>After the save: screens the delegation, submits the visit when asked to, and goes to its page.</summary>
    protected async Task<IActionResult> SavedAsync(Visit visit, CancellationToken ct)
    {
        if (Action != "submit")
        {
            await writer.ScreenAsync(visit, ct);
            TempData["Status"] = t["The draft was saved."].Value;
            return Redirect($"/Visits/Details/{visit.Id}");
        }
        var approval = HttpContext.RequestServices.GetRequiredService<VisitApproval>();
        var result = await approval.SubmitAsync(visit.Id, Access.UserId, ct);
        if (result.Succeeded)
        {
            TempData["Status"] = t["The visit request was submitted."].Value;
        }
        else
        {
            TempData["Error"] = t["The visit was saved but not submitted: {0}", t[result.Message ?? "", t[VisitLabels.Of(visit.State)]]].Value;
        }
        return Redirect($"/Visits/Details/{visit.Id}");
    }
}
