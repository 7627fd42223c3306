using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Auditing;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Platform;

/// <summary>Acting for one tenant, the data layer neither shows nor writes another tenant's rows.</summary>
public sealed class TenancyTests
{
    private sealed record Ids(Guid Cqu, Guid Cqupt, Guid CquUnit, Guid CquStaff, Guid CquptStaff, long CquptStaffVersion);

    [Fact]
    public async Task Inserting_a_row_into_another_tenant_is_refused_and_nothing_is_written()
    {
        await using var app = await AppFactory.CreateAsync();
        var ids = await IdsAsync(app);
        var before = await CountsAsync(app);

        await using var scope = ActingFor(app, ids.Cqu, out var db);
        db.Add(new StaffMember { TenantId = ids.Cqupt, StaffNumber = "X0001", NameZh = "张三", NameEn = "Zhang San", UnitId = ids.CquUnit });
        await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());

        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task Moving_a_row_to_another_tenant_is_refused_and_nothing_is_written()
    {
        await using var app = await AppFactory.CreateAsync();
        var ids = await IdsAsync(app);
        var before = await CountsAsync(app);

        await using var scope = ActingFor(app, ids.Cqu, out var db);
        var member = await db.Set<StaffMember>().SingleAsync(s => s.Id == ids.CquStaff);
        member.TenantId = ids.Cqupt;
        member.Title = "Moved";
        await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());

        var saved = await app.WithDbAsync(d => d.Set<StaffMember>().AsNoTracking().SingleAsync(s => s.Id == ids.CquStaff));
        Assert.Equal(ids.Cqu, saved.TenantId);
        Assert.NotEqual("Moved", saved.Title);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task Another_tenants_row_is_not_found_by_id()
    {
        await using var app = await AppFactory.CreateAsync();
        var ids = await IdsAsync(app);

        await using var scope = ActingFor(app, ids.Cqu, out var db);
        Assert.Null(await db.Set<StaffMember>().FirstOrDefaultAsync(s => s.Id == ids.CquptStaff));
        Assert.Null(await db.Set<StaffMember>().FindAsync(ids.CquptStaff));
        Assert.NotNull(await db.Set<StaffMember>().FindAsync(ids.CquStaff));
        Assert.DoesNotContain(await db.Set<StaffMember>().Select(s => s.TenantId).Distinct().ToListAsync(), t => t != ids.Cqu);
    }

    [Fact]
    public async Task Editing_or_deleting_another_tenants_row_through_a_detached_copy_changes_nothing()
    {
        await using var app = await AppFactory.CreateAsync();
        var ids = await IdsAsync(app);
        var before = await CountsAsync(app);

        // A copy that claims to be the caller's own row, carrying the other tenant's id and version.
        await using (var scope = ActingFor(app, ids.Cqu, out var db))
        {
            var forged = new StaffMember
            {
                Id = ids.CquptStaff, TenantId = ids.Cqu, Version = ids.CquptStaffVersion,
                StaffNumber = "FORGED", NameZh = "伪造", NameEn = "Forged", UnitId = ids.CquUnit,
            };
            db.Update(forged);
            await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());
        }
        await using (var scope = ActingFor(app, ids.Cqu, out var db))
        {
            db.Remove(new StaffMember { Id = ids.CquptStaff, TenantId = ids.Cqu, Version = ids.CquptStaffVersion, StaffNumber = "", NameZh = "", NameEn = "" });
            await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());
        }
        await using (var scope = ActingFor(app, ids.Cqu, out var db))
        {
            // Declaring the other tenant honestly is refused before anything is sent.
            db.Update(new StaffMember { Id = ids.CquptStaff, TenantId = ids.Cqupt, Version = ids.CquptStaffVersion, StaffNumber = "FORGED", NameZh = "", NameEn = "" });
            await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());
        }

        var saved = await app.WithDbAsync(d => d.Set<StaffMember>().AsNoTracking().SingleAsync(s => s.Id == ids.CquptStaff));
        Assert.Equal(ids.Cqupt, saved.TenantId);
        Assert.NotEqual("FORGED", saved.StaffNumber);
        Assert.Equal(ids.CquptStaffVersion, saved.Version);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task A_pooled_context_serves_the_next_scope_with_that_scopes_tenant_and_actor_only()
    {
        await using var app = await AppFactory.CreateAsync();
        var ids = await IdsAsync(app);

        AppDbContext first;
        await using (var scope = ActingFor(app, ids.Cqu, out var db))
        {
            scope.ServiceProvider.GetRequiredService<Actor>().Set(Guid.NewGuid(), "first scope");
            first = db;
            Assert.NotNull(await db.Set<StaffMember>().FindAsync(ids.CquStaff));
            db.Set<StaffMember>().Single(s => s.Id == ids.CquStaff).Title = "left unsaved";
        }

        // The pool hands the same instance to the next scope, with the tracked change of the first
        // scope gone and the second scope's tenant and actor in force.
        await using (var scope = ActingFor(app, ids.Cqupt, out var db))
        {
            Assert.Same(first, db);
            Assert.Empty(db.ChangeTracker.Entries());
            Assert.Null(await db.Set<StaffMember>().FirstOrDefaultAsync(s => s.Id == ids.CquStaff));
            Assert.NotNull(await db.Set<StaffMember>().FirstOrDefaultAsync(s => s.Id == ids.CquptStaff));
            Assert.DoesNotContain(await db.Set<StaffMember>().Select(s => s.TenantId).Distinct().ToListAsync(), t => t != ids.Cqupt);

            var member = await db.Set<StaffMember>().SingleAsync(s => s.Id == ids.CquptStaff);
            member.Title = "Edited in the second scope";
            await db.SaveChangesAsync();
        }

        var audit = await app.WithDbAsync(d => d.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.EntityId == ids.CquptStaff.ToString()).OrderByDescending(a => a.Sequence).FirstAsync());
        Assert.Equal("system", audit.UserName);
        Assert.Equal(ids.Cqupt, audit.TenantId);
        Assert.NotEqual("left unsaved", (await app.WithDbAsync(d => d.Set<StaffMember>().AsNoTracking().SingleAsync(s => s.Id == ids.CquStaff))).Title);
    }

    private static async Task<Ids> IdsAsync(AppFactory app) => await app.WithDbAsync(async db =>
    {
        var tenants = await db.Set<Tenant>().ToDictionaryAsync(t => t.Code, t => t.Id);
        var cquStaff = await db.Set<StaffMember>().FirstAsync(s => s.TenantId == tenants["CQU"]);
        var cquptStaff = await db.Set<StaffMember>().FirstAsync(s => s.TenantId == tenants["CQUPT"]);
        return new Ids(tenants["CQU"], tenants["CQUPT"], cquStaff.UnitId!.Value, cquStaff.Id, cquptStaff.Id, cquptStaff.Version);
    });

    private static Task<(int Staff, int Audit)> CountsAsync(AppFactory app) => app.WithDbAsync(async db =>
        (await db.Set<StaffMember>().CountAsync(), await db.Set<AuditEntry>().CountAsync()));

    private static AsyncServiceScope ActingFor(AppFactory app, Guid tenantId, out AppDbContext db)
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId, TenantKind.Institution);
        db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return scope;
    }
}
