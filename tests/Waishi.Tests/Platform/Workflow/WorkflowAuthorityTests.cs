using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Tests.Platform.Workflow;

/// <summary>A step with the authority scope hands the case to the FAO through a referral row of the
/// FAO's own tenant; the FAO sees that summary and nothing else of the institution.</summary>
public sealed class WorkflowAuthorityTests
{
    [Fact]
    public async Task The_authority_sees_a_case_only_while_it_is_referred_and_only_its_summary()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var filed = await kit.FileTripAsync(new CaseFacts(DestinationTaiwan: true), summary: "Academic visit to Taipei, 3 members, 6 days");
        Assert.Equal(DecisionStatus.NotFound, (await kit.ActAsync("cqfao.fao-officer", filed, WorkflowAction.Approve)).Status);
        Assert.Null(await FindAsFaoAsync(kit, filed.CaseId));

        var atFao = await kit.ApproveAsync(filed, "cqu.unit-head", "cqu.officer-exit", "cqu.director");
        Assert.Equal(6, atFao.Step);

        var referral = await app.WithDbAsync(db => db.Set<WorkflowReferral>().AsNoTracking().SingleAsync(r => r.CaseId == filed.CaseId));
        var fao = await app.WithDbAsync(db => db.Set<Tenant>().Where(t => t.Code == "CQFAO").Select(t => t.Id).SingleAsync());
        Assert.Equal(fao, referral.TenantId);
        Assert.True(referral.IsOpen);
        Assert.Equal("Academic visit to Taipei, 3 members, 6 days", referral.Summary);
        Assert.Contains("Chongqing University", referral.SourceTenantName);
        Assert.NotNull(await FindAsFaoAsync(kit, filed.CaseId));

        // The FAO's tenant filter still hides every other row of the institution.
        var visible = await AsFaoAsync(app, async db => new
        {
            Cases = await db.Set<WorkflowCase>().CountAsync(),
            Entries = await db.Set<WorkflowEntry>().CountAsync(),
            Staff = await db.Set<StaffMember>().CountAsync(s => s.StaffNumber.StartsWith("CQU0")),
            Referrals = await db.Set<WorkflowReferral>().CountAsync(),
        });
        Assert.Equal((0, 0, 0, 1), (visible.Cases, visible.Entries, visible.Staff, visible.Referrals));

        var approved = await kit.ApproveAsync(atFao, "cqfao.fao-officer");
        Assert.Equal(CaseState.Approved, approved.State);
        var closed = await app.WithDbAsync(db => db.Set<WorkflowReferral>().AsNoTracking().SingleAsync(r => r.CaseId == filed.CaseId));
        Assert.False(closed.IsOpen);
        Assert.Equal(CaseState.Approved, closed.CaseState);
    }

    [Fact]
    public async Task Another_institution_never_finds_the_case_and_a_plain_trip_never_reaches_the_authority()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var done = await kit.ApproveAsync(await kit.FileTripAsync(), "cqu.unit-head", "cqu.officer-exit", "cqu.director");
        Assert.Equal(CaseState.Approved, done.State);
        Assert.False(await app.WithDbAsync(db => db.Set<WorkflowReferral>().AnyAsync()));
        Assert.Equal(DecisionStatus.NotFound, (await kit.ActAsync("cqupt.director", done, WorkflowAction.Comment, "hi")).Status);
        Assert.Null(await FindAsFaoAsync(kit, done.CaseId));
    }

    private static Task<WorkflowCase?> FindAsFaoAsync(WorkflowKit kit, Guid caseId) =>
        kit.AsAsync("cqfao.fao-officer", (engine, _) => engine.FindAsync(caseId));

    private static async Task<T> AsFaoAsync<T>(AppFactory app, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var fao = await app.WithDbAsync(db => db.Set<Tenant>().Where(t => t.Code == "CQFAO").Select(t => t.Id).SingleAsync());
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(fao, TenantKind.Authority);
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
