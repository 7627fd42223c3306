using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Platform;

/// <summary>
/// The tenant filter reaches the database as a plain "TenantId = @id" for a tenant and as nothing in
/// system scope: an "@system OR TenantId = @id" condition keeps SQLite from using the indexes that
/// start with TenantId, so every tenant's list would read the whole table.
/// </summary>
public sealed class TenantFilterSqlTests
{
    [Fact]
    public async Task A_tenants_query_filters_by_tenant_with_an_equality_only()
    {
        await using var app = await AppFactory.CreateAsync();
        var cqu = await app.WithDbAsync(db => db.Set<Tenant>().Where(t => t.Code == "CQU").Select(t => t.Id).SingleAsync());

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(cqu, TenantKind.Institution);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var query = db.Set<Trip>().Where(t => t.State == TripState.Approved).OrderByDescending(t => t.DepartureDate);

        var sql = query.ToQueryString();
        Assert.DoesNotContain(" OR ", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("TenantId\" = ", sql);

        // The rows are still only the tenant's own.
        var staffTenants = await db.Set<StaffMember>().Select(s => s.TenantId).Distinct().ToListAsync();
        Assert.Equal([cqu], staffTenants);

        if (!db.IsPostgres)
        {
            // SQLite plans the tenant's list on an index that starts with TenantId.
            var plan = await SqlitePlan.OfAsync(db, query);
            Assert.Contains(plan, p => p.Contains("USING INDEX IX_Trip_TenantId", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_system_query_has_no_tenant_condition_and_sees_every_tenant()
    {
        await using var app = await AppFactory.CreateAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        using (tenant.AsSystem())
        {
            var sql = db.Set<StaffMember>().ToQueryString();
            Assert.DoesNotContain("TenantId\" =", sql);
            Assert.True(await db.Set<StaffMember>().Select(s => s.TenantId).Distinct().CountAsync() > 1, sql);
        }

        // Leaving system scope in the same context filters again: the filter is read per query.
        var cqu = await db.Set<Tenant>().Where(t => t.Code == "CQU").Select(t => t.Id).SingleAsync();
        tenant.Set(cqu, TenantKind.Institution);
        Assert.Equal([cqu], await db.Set<StaffMember>().Select(s => s.TenantId).Distinct().ToListAsync());
    }
}
