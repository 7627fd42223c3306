using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Features.Workflow;

/// <summary>The cases whose current step the signed-in user may decide, oldest first.</summary>
public sealed class AwaitingModel(AppDbContext db, TenantContext tenant, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The page of cases shown, oldest first.</summary>
    public List<AwaitingCase> Cases { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNo { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(int p = 1)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var awaiting = WorkflowQueries.Awaiting(db, User.GetUserId()!.Value, tenant.IsAuthority);
        Total = await awaiting.CountAsync(HttpContext.RequestAborted);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNo = Math.Clamp(p, 1, PageCount);
        Cases = await awaiting.Skip((PageNo - 1) * PageSize).Take(PageSize).ToListAsync(HttpContext.RequestAborted);
    }
}
