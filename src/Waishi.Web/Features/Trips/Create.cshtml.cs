using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Trips;

public sealed class CreateModel(AppDbContext db, TripWriter writer, TimeProvider clock, IStringLocalizer<SharedResource> t)
    : TripFormPage(db, writer, t)
{
    public async Task OnGetAsync()
    {
        await LoadChoicesAsync(HttpContext.RequestAborted);
        Form.ApplicantId = Access.StaffId;
        Form.Members.Add(new TripInput.MemberRow { StaffMemberId = Access.StaffId, Role = DelegationRole.Leader });
        Form.Destinations.Add(new TripInput.DestinationRow());
        Form.Itinerary.Add(new TripInput.DayRow());
        Form.Budget.Add(new TripInput.BudgetRow());
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        await LoadChoicesAsync(ct);
        if (ChangeRows())
        {
            return Page();
        }
        var trip = new Trip { FiledByUserId = Access.UserId, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        if (await ApplyAsync(trip, ct))
        {
            Db.Add(trip);
            await Db.SaveChangesAsync(ct);
            return await SavedAsync(trip, ct);
        }
        Db.ChangeTracker.Clear();
        return Page();
    }
}
