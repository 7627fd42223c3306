using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Workflow;

/// <summary>Reads and versions the chains of a tenant. A chain that was never edited starts as the
/// default of its case type, written on first use.</summary>
public static class WorkflowChains
{
    /// <summary>The current version of the tenant's chain for <paramref name="caseType"/>, created from
    /// the default when the tenant has none yet. Not saved: the caller's SaveChanges writes it.</summary>
    public static async Task<(WorkflowChainVersion Version, List<StepDefinition> Steps)> CurrentAsync(
        AppDbContext db, Guid tenantId, string caseType, CancellationToken ct = default)
    {
        var chain = await db.Set<WorkflowChain>().IgnoreQueryFilters()
            .FirstOrDefaultAsync(c => c.TenantId == tenantId && c.CaseType == caseType, ct);
        if (chain is null)
        {
            return AddVersion(db, tenantId, caseType, null, CaseTypes.DefaultChain(caseType), "system");
        }
        var version = await db.Set<WorkflowChainVersion>().IgnoreQueryFilters()
            .SingleAsync(v => v.ChainId == chain.Id && v.Number == chain.CurrentVersion, ct);
        return (version, await StepsAsync(db, version.Id, ct));
    }

    public static async Task<List<StepDefinition>> StepsAsync(AppDbContext db, Guid chainVersionId, CancellationToken ct = default)
    {
        var steps = await db.Set<WorkflowStep>().IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.ChainVersionId == chainVersionId).OrderBy(s => s.Position).ToListAsync(ct);
        return [.. steps.Select(s => s.ToDefinition())];
    }

    /// <summary>Adds a new version with <paramref name="steps"/> (renumbered 1..n) and makes it current.
    /// Versions are never changed afterwards, so running cases keep theirs.</summary>
    public static (WorkflowChainVersion Version, List<StepDefinition> Steps) AddVersion(
        AppDbContext db, Guid tenantId, string caseType, WorkflowChain? chain, IEnumerable<StepDefinition> steps, string by)
    {
        if (chain is null)
        {
            chain = new WorkflowChain { TenantId = tenantId, CaseType = caseType, CurrentVersion = 0 };
            db.Add(chain);
        }
        chain.CurrentVersion++;
        var version = new WorkflowChainVersion
        {
            TenantId = tenantId, ChainId = chain.Id, Number = chain.CurrentVersion,
            CreatedUtc = db.Clock.GetUtcNow().UtcDateTime, CreatedBy = by,
        };
        db.Add(version);
        var numbered = steps.Select((s, i) => s with { Position = i + 1 }).ToList();
        foreach (var s in numbered)
        {
            db.Add(new WorkflowStep
            {
                TenantId = tenantId, ChainVersionId = version.Id, Position = s.Position, Role = s.Role,
                Scope = s.Scope, Condition = s.Condition, Threshold = s.Threshold, DeadlineDays = s.DeadlineDays,
            });
        }
        return (version, numbered);
    }
}
