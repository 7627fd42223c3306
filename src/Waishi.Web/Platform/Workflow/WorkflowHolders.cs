using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Workflow;

public sealed record Holder(Guid UserId, Guid TenantId, string DisplayName);

/// <summary>Who holds a step of a case: enabled accounts with the step's role in the case's tenant
/// (for the applicant's unit when the step is unit-scoped) or in the authority tenant. These reads
/// cross tenants on purpose and are limited to role assignments.</summary>
public static class WorkflowHolders
{
    public static async Task<Guid?> AuthorityTenantAsync(AppDbContext db, CancellationToken ct = default) =>
        await db.Set<Tenant>().AsNoTracking().Where(t => t.Kind == TenantKind.Authority && t.IsActive)
            .OrderBy(t => t.Code).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);

    public static async Task<List<Holder>> OfAsync(AppDbContext db, StepDefinition step, WorkflowCase c, Guid? onlyUser = null, CancellationToken ct = default)
    {
        var tenantId = step.Scope == StepScope.Authority ? await AuthorityTenantAsync(db, ct) : c.TenantId;
        if (tenantId is null)
        {
            return [];
        }
        var unitId = c.ApplicantUnitId;
        var query = db.Set<RoleAssignment>().IgnoreQueryFilters()
            .Where(r => r.TenantId == tenantId && r.Role == step.Role);
        if (step.Scope == StepScope.ApplicantUnit)
        {
            query = query.Where(r => unitId != null && r.OrgUnitId == unitId);
        }
        if (onlyUser is { } only)
        {
            query = query.Where(r => r.UserId == only);
        }
        return await query
            .Join(db.Users.IgnoreQueryFilters(), r => r.UserId, u => u.Id, (r, u) => u)
            .Where(u => !u.IsDisabled && u.TenantId == tenantId)
            .Select(u => new Holder(u.Id, u.TenantId, u.DisplayName))
            .Distinct()
            .ToListAsync(ct);
    }

    public static async Task<bool> HoldsAsync(AppDbContext db, Guid userId, StepDefinition step, WorkflowCase c, CancellationToken ct = default) =>
        (await OfAsync(db, step, c, userId, ct)).Count > 0;
}
