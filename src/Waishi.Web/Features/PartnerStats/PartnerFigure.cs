using Microsoft.AspNetCore.Mvc;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.PartnerStats;

/// <summary>The home page's line for the office of an institution: "N partners in M countries; K agreements in force".</summary>
public sealed class PartnerFigureViewComponent(AppDbContext db, TenantContext tenant, StatisticsCache cache) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (tenant.Kind != TenantKind.Institution || !UserClaimsPrincipal.HasAnyRole(Policies.OfficeRoles))
        {
            return Content("");
        }
        var result = await PartnerStatistics.FiguresAsync(db, HttpContext.RequestAborted, cache);
        return View("/Features/PartnerStats/_PartnerFigure.cshtml", result);
    }
}
