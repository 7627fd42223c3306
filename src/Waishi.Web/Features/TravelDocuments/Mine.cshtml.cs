using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.TravelDocuments;

/// <summary>The signed-in staff member's own documents: where each one is and when it is due back.</summary>
public sealed class MineModel(AppDbContext db, Custody custody) : PageModel
{
    public List<TravelDocumentRow> Rows { get; private set; } = [];
    public bool HasStaffRecord { get; private set; }

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var userId = User.GetUserId() ?? Guid.Empty;
        var staffId = await StaffOf.UserAsync(db, User, userId, ct);
        HasStaffRecord = staffId is not null;
        var query = db.Set<TravelDocument>().AsNoTracking().Where(d => staffId != null && d.HolderId == staffId)
            .OrderBy(d => d.Type).ThenBy(d => d.Number);
        Rows = await TravelDocumentRow.LoadAsync(db, query, custody.Today, ct);
    }
}
