using Microsoft.AspNetCore.Mvc.RazorPages;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Features.Workflow;

/// <summary>The cases whose current step the signed-in user may decide, oldest first.</summary>
public sealed class AwaitingModel(AppDbContext db, TenantContext tenant, TimeProvider clock) : PageModel
{
    public List<AwaitingCase> Cases { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Cases = await WorkflowQueries.AwaitingAsync(db, User.GetUserId()!.Value, tenant.IsAuthority, HttpContext.RequestAborted);
    }
}
