using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Projects;

/// <summary>The "Cooperation projects" section of a partner's page: <c>@await Component.InvokeAsync("PartnerProjects", new { partnerId })</c>.</summary>
public sealed class PartnerProjectsViewComponent(AppDbContext db) : ViewComponent
{
    public sealed record Model(Guid PartnerId, IReadOnlyList<CooperationProject> Projects);

    public async Task<IViewComponentResult> InvokeAsync(Guid partnerId)
    {
        var projects = await db.Set<CooperationProject>().AsNoTracking()
            .Where(p => db.Set<ProjectPartner>().Any(pp => pp.ProjectId == p.Id && pp.PartnerId == partnerId))
            .OrderByDescending(p => p.StartOn).ThenBy(p => p.TitleEn)
            .ToListAsync(HttpContext.RequestAborted);
        return View("/Features/Projects/_PartnerProjects.cshtml", new Model(partnerId, projects));
    }
}
