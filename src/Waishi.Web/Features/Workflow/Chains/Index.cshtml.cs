using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Features.Workflow.Chains;

/// <summary>The approval chains of the tenant, one per case type, with their current steps.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record ChainRow(string CaseType, int Version, IReadOnlyList<StepDefinition> Steps);

    public List<ChainRow> Chains { get; } = [];

    public async Task OnGetAsync()
    {
        var chains = await db.Set<WorkflowChain>().AsNoTracking().ToListAsync();
        foreach (var caseType in CaseTypes.All)
        {
            var chain = chains.FirstOrDefault(c => c.CaseType == caseType);
            if (chain is null)
            {
                Chains.Add(new ChainRow(caseType, 0, CaseTypes.DefaultChain(caseType)));
                continue;
            }
            var versionId = await db.Set<WorkflowChainVersion>().Where(v => v.ChainId == chain.Id && v.Number == chain.CurrentVersion)
                .Select(v => v.Id).SingleAsync();
            Chains.Add(new ChainRow(caseType, chain.CurrentVersion, await WorkflowChains.StepsAsync(db, versionId)));
        }
    }
}
