using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Tests.Platform.Workflow;

/// <summary>Runs the engine as a demo user, in a request-like scope (their tenant, their name).</summary>
public sealed class WorkflowKit(AppFactory app)
{
    public AppFactory App => app;

    public async Task<T> AsAsync<T>(string userName, Func<WorkflowEngine, Guid, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        Guid userId, tenantId;
        TenantKind kind;
        using (tenant.AsSystem())
        {
            var row = await db.Users.Where(u => u.UserName == userName)
                .Join(db.Set<Tenant>(), u => u.TenantId, t => t.Id, (u, t) => new { u.Id, u.TenantId, t.Kind }).SingleAsync();
            (userId, tenantId, kind) = (row.Id, row.TenantId, row.Kind);
        }
        tenant.Set(tenantId, kind);
        scope.ServiceProvider.GetRequiredService<Actor>().Set(userId, userName);
        return await work(scope.ServiceProvider.GetRequiredService<WorkflowEngine>(), userId);
    }

    public Task<Guid> UserIdAsync(string userName) =>
        app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    public Task<Guid> UnitIdAsync(string code) =>
        app.WithDbAsync(db => db.Set<OrgUnit>().Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    /// <summary>A trip filed by cqu.applicant for their college (CQU-ME, headed by cqu.unit-head).</summary>
    public async Task<WorkflowResult> FileTripAsync(CaseFacts? facts = null, string applicant = "cqu.applicant", string unit = "CQU-ME", string? summary = null)
    {
        var unitId = await UnitIdAsync(unit);
        var result = await AsAsync(applicant, (engine, me) => engine.StartAsync(
            new StartCase(CaseTypes.Trip, "Conference in Lyon", me, unitId, facts ?? new CaseFacts(), summary ?? "Two members, 5 days, France")));
        Assert.True(result.Succeeded, result.Message);
        return result;
    }

    public Task<WorkflowResult> ActAsync(string userName, WorkflowResult at, WorkflowAction action, string? comment = null,
        Guid? delegateTo = null, string? key = null, CaseFacts? facts = null) =>
        AsAsync(userName, (engine, me) => engine.DecideAsync(at.CaseId,
            new CaseDecision(action, me, at.Step, at.Version, comment, delegateTo, facts, key)));

    /// <summary>Approves in turn as each user, checking every answer, and returns the last.</summary>
    public async Task<WorkflowResult> ApproveAsync(WorkflowResult at, params string[] users)
    {
        foreach (var user in users)
        {
            at = await ActAsync(user, at, WorkflowAction.Approve);
            Assert.True(at.Succeeded, $"{user}: {at.Message}");
        }
        return at;
    }

    public Task<List<WorkflowEntry>> HistoryAsync(Guid caseId) =>
        app.WithDbAsync(db => db.Set<WorkflowEntry>().AsNoTracking().Where(e => e.CaseId == caseId)
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync());

    public Task<WorkflowCase> CaseAsync(Guid caseId) =>
        app.WithDbAsync(db => db.Set<WorkflowCase>().AsNoTracking().SingleAsync(c => c.Id == caseId));

    /// <summary>Adds an account of <paramref name="tenantCode"/> holding <paramref name="role"/>.</summary>
    public Task<Guid> AddHolderAsync(string tenantCode, string userName, string role, string? unitCode = null) =>
        app.WithDbAsync(async db =>
        {
            var tenantId = await db.Set<Tenant>().Where(t => t.Code == tenantCode).Select(t => t.Id).SingleAsync();
            Guid? unitId = unitCode is null ? null : await db.Set<OrgUnit>().Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync();
            var user = new AppUser { TenantId = tenantId, UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = userName, SecurityStamp = Guid.NewGuid().ToString("N") };
            db.Add(user);
            db.Add(new RoleAssignment { TenantId = tenantId, UserId = user.Id, Role = role, OrgUnitId = unitId });
            await db.SaveChangesAsync();
            return user.Id;
        });
}
