using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.TravelDocuments;

/// <summary>The register of documents in custody. Staff who may not read the register are sent to
/// their own documents.</summary>
public sealed class IndexModel(AppDbContext db, Custody custody, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public TravelDocumentFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public List<TravelDocumentRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<UnitNode> Units { get; private set; } = [];
    public List<StaffMember> People { get; private set; } = [];
    public DateOnly ExpiryNoticeDate => custody.Today.AddDays(TravelDocumentReminders.ExpiryNoticeDays);

    public static bool Reads(System.Security.Claims.ClaimsPrincipal user) => user.HasAnyRole(Roles.OfficerExit, Roles.Director, Roles.Auditor);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Reads(User))
        {
            return Redirect("/TravelDocuments/Mine");
        }
        var ct = HttpContext.RequestAborted;
        var query = Filter.Apply(db, custody.Today);
        Total = await query.CountAsync(ct);
        PageNo = Math.Clamp(PageNo, 1, PageCount);
        Rows = await TravelDocumentRow.LoadAsync(db, query.Skip((PageNo - 1) * PageSize).Take(PageSize), custody.Today, ct);
        Units = await UnitTree.LoadAsync(db, ct);
        People = await db.Set<StaffMember>().AsNoTracking()
            .Where(s => db.Set<TravelDocument>().Any(d => d.HolderId == s.Id)).OrderBy(s => s.StaffNumber).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        if (!Reads(User))
        {
            return Forbid();
        }
        var ct = HttpContext.RequestAborted;
        var rows = await TravelDocumentRow.LoadAsync(db, Filter.Apply(db, custody.Today), custody.Today, ct);
        return ListExport.File(TravelDocumentRow.Export(rows, t), format, "travel-documents");
    }
}
