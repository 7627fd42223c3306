using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.TripReports;

/// <summary>The report form of the applicant or the filer: the itinerary as it happened (started
/// from the planned one), the results and the follow-up; saved as a draft or submitted.</summary>
public sealed class EditModel(AppDbContext db, TripReportWriter writer, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ReportInput Form { get; set; } = new();

    /// <summary>"draft", "submit", "add", "remove:2".</summary>
    [BindProperty]
    public string? Action { get; set; }

    public Trip Trip { get; private set; } = null!;
    public ReportState? State { get; private set; }
    public string? ReviewComment { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid tripId)
    {
        var ct = HttpContext.RequestAborted;
        var access = await TripAccess.ForAsync(db, User, ct);
        if (await writer.LoadAsync(access, tripId, tracking: false, ct) is not ({ } trip, var report))
        {
            return NotFound();
        }
        if (!TripReportRules.CanWrite(access, trip))
        {
            return Forbid();
        }
        Show(trip, report);
        if (report is null)
        {
            await db.Entry(trip).Collection(x => x.Itinerary).LoadAsync(ct);
            Form.Days = [.. trip.Itinerary.OrderBy(d => d.SortOrder).Select(d => new ReportInput.DayRow { Date = d.Date, City = d.City, Activity = d.Activity })];
        }
        else
        {
            Form = ReportInput.From(report);
        }
        if (TripReportRules.Writable(trip, report) is { } refusal)
        {
            ModelState.AddModelError("", FormErrors.Localize(refusal, t));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid tripId)
    {
        var ct = HttpContext.RequestAborted;
        var access = await TripAccess.ForAsync(db, User, ct);
        if (await writer.LoadAsync(access, tripId, tracking: true, ct) is not ({ } trip, var report))
        {
            return NotFound();
        }
        if (!TripReportRules.CanWrite(access, trip))
        {
            return Forbid();
        }
        Show(trip, report);
        if (ChangeRows())
        {
            db.ChangeTracker.Clear();
            return Page();
        }
        // The form carries the version it was read at; a save by someone else since then wins.
        if ((report?.Version ?? 0) != Form.Version)
        {
            ModelState.AddModelError("", t[FormErrors.StaleEdit]);
        }
        if (ModelState.IsValid)
        {
            (var errors, report) = await writer.ApplyAsync(access, trip, report, Form, submit: Action == "submit", ct);
            ModelState.AddAll("Form", errors, t);
            if (errors.Count == 0)
            {
                if (db.Entry(report!).State != EntityState.Added)
                {
                    db.ExpectVersion(report!, Form.Version);
                }
                try
                {
                    await db.SaveChangesAsync(ct);
                    TempData["Status"] = report!.State == ReportState.Submitted
                        ? t["The report was submitted to the exit office."].Value
                        : t["The draft report was saved."].Value;
                    return Redirect($"/TripReports/Details/{tripId}");
                }
                catch (DbUpdateException)
                {
                    // A concurrent edit, or a second first report of the same trip.
                    ModelState.AddModelError("", t[FormErrors.StaleEdit]);
                }
            }
        }
        db.ChangeTracker.Clear();
        return Page();
    }

    private void Show(Trip trip, TripReport? report)
    {
        Trip = trip;
        State = report?.State;
        ReviewComment = report?.ReviewComment;
    }

    private bool ChangeRows()
    {
        var parts = (Action ?? "").Split(':');
        if (parts[0] == "add")
        {
            Form.Days.Add(new ReportInput.DayRow { Date = Form.Days.LastOrDefault()?.Date?.AddDays(1) ?? Trip.DepartureDate });
        }
        else if (parts[0] == "remove" && parts.Length > 1 && int.TryParse(parts[1], out var i) && i >= 0 && i < Form.Days.Count)
        {
            Form.Days.RemoveAt(i);
        }
        else
        {
            return false;
        }
        // The posted values are shown from the model, not from the posted field names that have shifted.
        ModelState.Clear();
        return true;
    }
}
