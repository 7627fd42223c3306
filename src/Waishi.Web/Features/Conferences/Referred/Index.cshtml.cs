using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Features.Conferences.Referred;

/// <summary>The conference applications institutions routed to the authority, open ones first.</summary>
[Authorize(Policy = Policies.ConferenceReferrals)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public bool Open { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public List<WorkflowReferral> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string Query(int? page = null) => Platform.Web.ListQuery.Of(("Open", Open), ("Q", Q), ("PageNo", page));

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var query = db.Set<WorkflowReferral>().AsNoTracking().Where(r => r.CaseType == CaseTypes.Conference);
        if (Open)
        {
            query = query.Where(r => r.IsOpen);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            query = query.Where(r => r.Title.ToLower().Contains(q) || r.SourceTenantName.ToLower().Contains(q));
        }
        Total = await query.CountAsync(ct);
        PageNo = Math.Clamp(PageNo, 1, PageCount);
        Rows = await query.OrderByDescending(r => r.IsOpen).ThenByDescending(r => r.ReferredUtc).ThenBy(r => r.Id)
            .Skip((PageNo - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }
}
