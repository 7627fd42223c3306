using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Visits;

public sealed class CreateModel(AppDbContext db, VisitWriter writer, TimeProvider clock, IStringLocalizer<SharedResource> t)
    : VisitFormPage(db, writer, t)
{
    public async Task OnGetAsync()
    {
        await LoadChoicesAsync(HttpContext.RequestAborted);
        Form.UnitId = Units.Any(u => u.Id == Access.StaffUnitId) ? Access.StaffUnitId : Units.FirstOrDefault()?.Id;
        Form.HostContactId = Access.StaffId;
        Form.Members.Add(new VisitInput.MemberRow { IsLeader = true });
        Form.Agenda.Add(new VisitInput.AgendaRow());
        Form.Budget.Add(new VisitInput.BudgetRow());
        Form.Gifts.Add(new VisitInput.GiftRow());
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        await LoadChoicesAsync(ct);
        if (ChangeRows())
        {
            return Page();
        }
        var visit = new Visit { FiledByUserId = Access.UserId, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        if (await ApplyAsync(visit, ct))
        {
            Db.Add(visit);
            await Db.SaveChangesAsync(ct);
            return await SavedAsync(visit, ct);
        }
        Db.ChangeTracker.Clear();
        return Page();
    }
}
