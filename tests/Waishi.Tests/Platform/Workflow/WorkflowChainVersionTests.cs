using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Tests.Platform.Workflow;

public sealed class WorkflowChainVersionTests
{
    [Fact]
    public async Task A_running_case_keeps_the_chain_version_it_started_with()
    {
        await using var app = await AppFactory.CreateAsync();
        var kit = new WorkflowKit(app);
        var running = await kit.FileTripAsync();
        var cqu = await app.WithDbAsync(db => db.Set<Waishi.Web.Platform.Tenancy.Tenant>().Where(t => t.Code == "CQU").Select(t => t.Id).SingleAsync());

        // The admin drops the director from the trip chain.
        await app.WithDbAsync(async db =>
        {
            var chain = await db.Set<WorkflowChain>().SingleAsync(c => c.TenantId == cqu && c.CaseType == CaseTypes.Trip);
            WorkflowChains.AddVersion(db, cqu, CaseTypes.Trip, chain,
                CaseTypes.DefaultChain(CaseTypes.Trip).Where(s => s.Role != Roles.Director), "test");
            await db.SaveChangesAsync();
        });

        var old = await kit.ApproveAsync(running, "cqu.unit-head", "cqu.officer-exit");
        Assert.Equal(CaseState.InProgress, old.State); // still waits for the director of version 1

        var fresh = await kit.ApproveAsync(await kit.FileTripAsync(), "cqu.unit-head", "cqu.officer-exit");
        Assert.Equal(CaseState.Approved, fresh.State);
        var versions = await app.WithDbAsync(db => db.Set<WorkflowCase>().Join(db.Set<WorkflowChainVersion>(), c => c.ChainVersionId, v => v.Id, (c, v) => v.Number).OrderBy(n => n).ToListAsync());
        Assert.Equal([1, 2], versions);
    }
}
