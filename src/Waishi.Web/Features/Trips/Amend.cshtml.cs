using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Trips;

/// <summary>
/// Asks for a change of dates, destinations or members of an approved trip, or revises an
/// amendment that was returned. The trip keeps its approved terms until the amendment is approved.
/// </summary>
public sealed class AmendModel(AppDbContext db, TripWriter writer, TripAmendments amendments, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>Blank rows offered below the filled ones; blank rows are ignored.</summary>
    public const int SpareRows = 2;

    public sealed class AmendInput
    {
        public DateOnly? DepartureDate { get; set; }
        public DateOnly? ReturnDate { get; set; }
        public List<TripInput.DestinationRow> Destinations { get; set; } = [];
        public List<TripInput.MemberRow> Members { get; set; } = [];
        public string? Reason { get; set; }
        public long Version { get; set; }
    }

    [BindProperty]
    public AmendInput Form { get; set; } = new();

    public Trip Trip { get; private set; } = null!;
    public List<StaffMember> Staff { get; private set; } = [];
    public TripAmendment? Returned { get; private set; }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var access = await TripAccess.ForAsync(db, User, ct);
        var trip = await EditModel.LoadAsync(db, access.Visible(db), id, ct);
        if (trip is null)
        {
            return NotFound();
        }
        if (!access.CanAmend(trip))
        {
            return Forbid();
        }
        Trip = trip;
        Staff = await writer.StaffChoicesAsync(ct);
        var open = await amendments.OpenAsync(id, ct);
        if (open is { State: AmendmentState.InReview })
        {
            TempData["Error"] = t[TripAmendments.InReviewMessage].Value;
            return Redirect($"/Trips/Details/{id}#amendments");
        }
        Returned = open;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        var terms = Returned is not null ? TripTerms.FromJson(Returned.After) : TripTerms.Of(Trip);
        Form = new AmendInput
        {
            DepartureDate = terms.DepartureDate, ReturnDate = terms.ReturnDate, Reason = Returned?.Reason, Version = Trip.Version,
            Destinations = [.. terms.Destinations.Select(d => new TripInput.DestinationRow { CountryCode = d.CountryCode, City = d.City })],
            Members = [.. terms.Members.Select(m => new TripInput.MemberRow { StaffMemberId = m.StaffMemberId, Role = m.Role })],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (Form.Version != Trip.Version)
        {
            ModelState.AddModelError("", t[FormErrors.StaleEdit]);
            return Page();
        }
        var after = new TripTerms(Form.DepartureDate, Form.ReturnDate,
            [.. Form.Destinations.Where(d => !string.IsNullOrWhiteSpace(d.CountryCode) || !string.IsNullOrWhiteSpace(d.City))
                .Select(d => new TripTerms.Place((d.CountryCode ?? "").Trim().ToUpperInvariant(), (d.City ?? "").Trim()))],
            [.. Form.Members.Where(m => m.StaffMemberId is not null).Select(m => new TripTerms.Person(m.StaffMemberId!.Value, m.Role))]);
        var (errors, result) = await amendments.FileAsync(Trip, after, Form.Reason, User.GetUserId()!.Value, ct);
        foreach (var error in errors)
        {
            ModelState.AddModelError(string.IsNullOrEmpty(error.Field) ? "" : "Form." + error.Field, FormErrors.Localize(error, t));
        }
        if (result is null)
        {
            return Page();
        }
        WorkflowResultMessage(result);
        return Redirect($"/Trips/Details/{id}#amendments");
    }

    private void WorkflowResultMessage(Platform.Workflow.WorkflowResult result)
    {
        if (result.Succeeded)
        {
            TempData["Status"] = t["The amendment was submitted for approval."].Value;
        }
        else
        {
            TempData["Error"] = t[result.Message ?? Platform.Workflow.WorkflowMachine.ConflictMessage].Value;
        }
    }
}
