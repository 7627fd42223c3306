using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Trips;

/// <summary>
/// What the create and edit pages share: the form with its rows, the "add row"/"remove row"
/// buttons (answered on the server, so the page needs no script), and saving as a draft or
/// submitting.
/// </summary>
public abstract class TripFormPage(AppDbContext db, TripWriter writer, IStringLocalizer<SharedResource> t) : PageModel
{
    protected AppDbContext Db => db;
    protected IStringLocalizer<SharedResource> T => t;

    [BindProperty]
    public TripInput Form { get; set; } = new();

    /// <summary>"draft", "submit", "add:Members", "remove:Members:2".</summary>
    [BindProperty]
    public string? Action { get; set; }

    [BindProperty]
    public IFormFile? Letter { get; set; }

    public List<StaffMember> Applicants { get; private set; } = [];
    public List<StaffMember> Staff { get; private set; } = [];
    public TripAccess Access { get; private set; } = null!;

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        Access = await TripAccess.ForAsync(db, User, ct);
        Applicants = await Access.Applicants(db).OrderBy(s => s.StaffNumber).ToListAsync(ct);
        Staff = await writer.StaffChoicesAsync(ct);
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
            "Destinations" => Form.Destinations,
            "Itinerary" => Form.Itinerary,
            _ => Form.Budget,
        };
        if (parts[0] == "add")
        {
            rows.Add(parts[1] switch
            {
                "Members" => new TripInput.MemberRow(),
                "Destinations" => new TripInput.DestinationRow(),
                "Itinerary" => new TripInput.DayRow { Date = NextDay() },
                _ => (object)new TripInput.BudgetRow(),
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

    private DateOnly? NextDay() =>
        Form.Itinerary.LastOrDefault()?.Date?.AddDays(1) ?? Form.DepartureDate;

    /// <summary>Applies and checks the form; on success the caller saves, otherwise the errors are on the page.</summary>
    protected async Task<bool> ApplyAsync(Trip trip, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return false;
        }
        var upload = Letter is { } file ? Platform.Documents.FileUpload.From(file) : null;
        var errors = await writer.ApplyAsync(trip, Form, Access, Action == "submit", upload, ct);
        foreach (var error in errors)
        {
            var key = error.Field == "Letter" ? "Letter" : string.IsNullOrEmpty(error.Field) ? "" : "Form." + error.Field;
            ModelState.AddModelError(key, FormErrors.Localize(error, t));
        }
        return errors.Count == 0;
    }

    /// <summary>After the save: submits the trip when asked to, and goes to its page with the outcome.</summary>
    protected async Task<IActionResult> SavedAsync(Trip trip, CancellationToken ct)
    {
        if (Action != "submit")
        {
            await TripScreenings.ScreenSavedAsync(HttpContext.RequestServices, trip, ct);
            TempData["Status"] = t["The draft was saved."].Value;
            return Redirect($"/Trips/Details/{trip.Id}");
        }
        var approval = HttpContext.RequestServices.GetRequiredService<TripApproval>();
        var result = await approval.SubmitAsync(trip.Id, Access.UserId, ct);
        if (result.Succeeded)
        {
            TempData["Status"] = t["The trip application was submitted."].Value;
        }
        else
        {
            TempData["Error"] = t["The trip was saved but not submitted: {0}", t[result.Message ?? "", t[TripLabels.Of(trip.State)]]].Value;
        }
        return Redirect($"/Trips/Details/{trip.Id}");
    }
}
