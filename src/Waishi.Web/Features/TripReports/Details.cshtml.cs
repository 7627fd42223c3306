using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.TripReports;

/// <summary>The report of a trip as it stands, with the due date; exit officers approve or return
/// a submitted report here.</summary>
public sealed class DetailsModel(AppDbContext db, TripReportWriter writer, IStringLocalizer<SharedResource> t) : PageModel
{
    public Trip Trip { get; private set; } = null!;
    public TripReport? Report { get; private set; }
    public DateOnly? Due { get; private set; }
    public ReportStatus? Status { get; private set; }
    public int DaysOverdue { get; private set; }
    public bool CanWrite { get; private set; }
    public bool CanDecide { get; private set; }
    public Dictionary<Guid, StaffMember> People { get; private set; } = [];

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public long Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid tripId) => await LoadAsync(tripId) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(Guid tripId) => DecideAsync(tripId, approve: true);

    public Task<IActionResult> OnPostReturnAsync(Guid tripId) => DecideAsync(tripId, approve: false);

    private async Task<IActionResult> DecideAsync(Guid tripId, bool approve)
    {
        var ct = HttpContext.RequestAborted;
        var access = await TripAccess.ForAsync(db, User, ct);
        if (await writer.LoadAsync(access, tripId, tracking: true, ct) is not ({ } trip, var report))
        {
            return NotFound();
        }
        if (!TripReportRules.CanReview(access))
        {
            return Forbid();
        }
        List<FieldError> errors = report is not null && report.Version != Version
            ? [StaleEdit.Error]
            : await writer.DecideAsync(access, trip, report, approve, Comment, ct);
        if (errors.Count == 0)
        {
            db.ExpectVersion(report!, Version);
            if (await db.TrySaveAsync(ct) is { } stale)
            {
                errors = [stale];
            }
            else
            {
                TempData["Status"] = approve ? t["The report was approved and is published on the notice page."].Value : t["The report was returned to its writer."].Value;
                return Redirect($"/TripReports/Details/{tripId}");
            }
        }
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, FormErrors.Localize(error, t));
        }
        db.ChangeTracker.Clear();
        await LoadAsync(tripId);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid tripId)
    {
        var ct = HttpContext.RequestAborted;
        var access = await TripAccess.ForAsync(db, User, ct);
        if (await writer.LoadAsync(access, tripId, tracking: false, ct) is not ({ } trip, var report))
        {
            return false;
        }
        await db.Entry(trip).Collection(x => x.Members).LoadAsync(ct);
        await db.Entry(trip).Collection(x => x.Destinations).LoadAsync(ct);
        Trip = trip;
        Report = report;
        var policy = await TripPolicy.LoadAsync(db, ct);
        if (trip.State == TripState.Approved && ReportDue.DueOn(trip, policy) is { } due)
        {
            Due = due;
            Status = ReportDue.StatusOf(report?.State, due, writer.Today);
            DaysOverdue = ReportDue.DaysOverdue(due, writer.Today);
        }
        CanWrite = TripReportRules.CanWrite(access, trip) && TripReportRules.Writable(trip, report) is null;
        CanDecide = TripReportRules.CanReview(access) && TripReportRules.Decidable(access, trip, report) is null;
        var ids = trip.Members.Select(m => m.StaffMemberId).Append(trip.ApplicantId).Distinct().ToList();
        People = await db.Set<StaffMember>().AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        Version = report?.Version ?? 0;
        return true;
    }
}
