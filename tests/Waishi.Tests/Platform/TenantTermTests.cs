using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Tests.Platform;

/// <summary>
/// SQLite plans the busiest reads the same way whether or not the database has statistics
/// (<see cref="TenantTerm"/>). Without them, an equality on the tenant looked like it left ten rows,
/// so a page's 25 trips had their destinations found by reading all of the tenant's; with them, the
/// trip list sorted every trip of the tenant. Both cost a hundred times the right plan at 100,000 trips.
/// </summary>
public sealed class TenantTermTests
{
    /// <summary>What ANALYZE wrote for these indexes in a database where one institution has 100,000
    /// trips (bench/run-trips.sh): the tenant's share of every index is the whole table.</summary>
    private static readonly (string Table, string Index, string Stat)[] LargeInstitution =
    [
        ("RoleAssignment", "IX_RoleAssignment_OrgUnitId", "88 22"),
        ("RoleAssignment", "IX_RoleAssignment_TenantId", "88 22"),
        ("RoleAssignment", "IX_RoleAssignment_UserId_Role_OrgUnitId", "88 2 1 1"),
        ("RoleAssignment", "sqlite_autoindex_RoleAssignment_1", "88 1"),
        ("StaffMember", "IX_StaffMember_TenantId_StaffNumber", "3252 813 1"),
        ("StaffMember", "IX_StaffMember_UnitId", "3252 71"),
        ("StaffMember", "sqlite_autoindex_StaffMember_1", "3252 1"),
        ("Trip", "IX_Trip_ApplicantId", "100000 33"),
        ("Trip", "IX_Trip_FiledByUserId", "100000 8334"),
        ("Trip", "IX_Trip_PlanItemId", "100000 100000"),
        ("Trip", "IX_Trip_TenantId_DepartureDate_CreatedUtc", "100000 100000 27 1"),
        ("Trip", "IX_Trip_TenantId_Number", "100000 100000 1"),
        ("Trip", "IX_Trip_TenantId_State_DepartureDate_CreatedUtc", "100000 100000 14286 11 1"),
        ("Trip", "IX_Trip_TenantId_State_Id", "100000 100000 14286 1"),
        ("Trip", "IX_Trip_UnitId", "100000 7143"),
        ("Trip", "sqlite_autoindex_Trip_1", "100000 1"),
        ("TripDestination", "IX_TripDestination_CountryCode_TripId", "173443 9129 1"),
        ("TripDestination", "IX_TripDestination_TenantId_CountryCode_TripId", "173443 173443 9129 1"),
        ("TripDestination", "IX_TripDestination_TripId", "173443 2"),
        ("TripDestination", "sqlite_autoindex_TripDestination_1", "173443 1"),
        ("WorkflowCase", "IX_WorkflowCase_ApplicantUserId", "95054 7922"),
        ("WorkflowCase", "IX_WorkflowCase_ChainVersionId", "95054 95054"),
        ("WorkflowCase", "IX_WorkflowCase_State_StepDueUtc", "95054 23764 1"),
        ("WorkflowCase", "IX_WorkflowCase_SubjectId", "95054 1"),
        ("WorkflowCase", "IX_WorkflowCase_Awaiting", "95054 95054 23764 1 1 1 1 1 1"),
        ("WorkflowCase", "sqlite_autoindex_WorkflowCase_1", "95054 1"),
        ("WorkflowStep", "IX_WorkflowStep_ChainVersionId_Position", "6 6 1"),
        ("WorkflowStep", "IX_WorkflowStep_TenantId", "6 6"),
        ("WorkflowStep", "sqlite_autoindex_WorkflowStep_1", "6 1"),
    ];

    [Fact]
    public async Task The_tenant_condition_carries_its_likelihood_on_SQLite_and_is_plain_on_PostgreSQL()
    {
        await using var app = await AppFactory.CreateAsync();
        var cqu = await app.WithDbAsync(db => db.Set<Tenant>().Where(t => t.Code == "CQU").Select(t => t.Id).SingleAsync());
        var all = await app.WithDbAsync(db => db.Set<StaffMember>().CountAsync(s => s.TenantId == cqu));

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(cqu, TenantKind.Institution);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sql = db.Set<StaffMember>().ToQueryString();
        if (db.IsPostgres)
        {
            Assert.DoesNotContain("likelihood", sql, StringComparison.Ordinal);
            Assert.Contains("\"TenantId\" = @", sql, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains($"likelihood(\"s\".\"TenantId\" = @ef_filter__FilterTenantId, {TenantTerm.Share})", sql, StringComparison.Ordinal);
        }
        // Still the tenant's staff, all of them.
        Assert.True(all > 0);
        Assert.Equal(all, await db.Set<StaffMember>().CountAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_trip_list_its_rows_and_awaiting_me_keep_their_plans_with_and_without_statistics(bool analysed)
    {
        if (TestDatabase.IsPostgres)
        {
            // PostgreSQL keeps its own statistics and gets the plain condition (test above).
            return;
        }
        await using var app = await AppFactory.CreateAsync();
        var (cqu, officer) = await app.WithDbAsync(async db =>
        {
            var tenant = await db.Set<Tenant>().Where(t => t.Code == "CQU").Select(t => t.Id).SingleAsync();
            var user = await db.Set<AppUser>().Where(u => u.UserName == "cqu.officer-exit").Select(u => u.Id).SingleAsync();
            // The database as a user's would be: no statistics, or those of a large institution.
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
            await db.Database.ExecuteSqlRawAsync("DELETE FROM sqlite_stat1");
            if (analysed)
            {
                foreach (var (table, index, stat) in LargeInstitution)
                {
                    await db.Database.ExecuteSqlAsync($"INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ({table}, {index}, {stat})");
                }
            }
            return (tenant, user);
        });
        // Statistics are read when a connection opens.
        SqliteConnection.ClearAllPools();

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(cqu, TenantKind.Institution);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(WaishiClaims.Role, Roles.OfficerExit)], "test"));
        var access = new TripAccess(user, officer, null, []);
        var page = Enumerable.Range(0, IndexModel.PageSize).Select(_ => Guid.NewGuid()).ToArray();

        // The list reads the tenant's trips in its order and stops at the page: no sort.
        var list = await SqlitePlan.OfAsync(db, new TripFilter().Apply(db, access).Skip(0).Take(IndexModel.PageSize));
        Assert.True(list.Any(step => step.Contains("USING INDEX IX_Trip_TenantId_DepartureDate_CreatedUtc (TenantId=?)", StringComparison.Ordinal))
            && !list.Any(step => step.Contains("TEMP B-TREE", StringComparison.Ordinal)), string.Join("\n", list));

        // The page's destinations and applicants are looked up by the page's ids, not by the tenant.
        var places = await SqlitePlan.OfAsync(db, db.Set<TripDestination>().Where(d => page.Contains(d.TripId)));
        Assert.Equal(["SEARCH t USING INDEX IX_TripDestination_TripId (TripId=?)"], places);
        var applicants = await SqlitePlan.OfAsync(db, db.Set<StaffMember>().Where(s => page.Contains(s.Id)));
        Assert.Equal(["SEARCH s USING INDEX sqlite_autoindex_StaffMember_1 (Id=?)"], applicants);

        // A filtered count starts from the country's trips.
        var count = await SqlitePlan.OfAsync(db, new TripFilter { State = TripState.Approved, Country = "JP" }.Matching(db, access).Take(10_001));
        Assert.True(count.Any(step => step.Contains("IX_TripDestination_TenantId_CountryCode_TripId (TenantId=? AND CountryCode=?)", StringComparison.Ordinal)), string.Join("\n", count));

        // "Awaiting me" walks the tenant's cases in progress in their order.
        var awaiting = await SqlitePlan.OfAsync(db, WorkflowQueries.Awaiting(db, officer, authority: false).Take(25));
        Assert.True(awaiting.Any(step => step.Contains("IX_WorkflowCase_Awaiting (TenantId=? AND State=?)", StringComparison.Ordinal)),
            string.Join("\n", awaiting));

        // Counting them reads the tenant's cases in progress from that index alone, never the case rows.
        var counted = await SqlitePlan.OfAsync(db, WorkflowQueries.AwaitingToCount(db, officer, authority: false).Select(id => 1));
        Assert.True(counted[0].Contains("COVERING INDEX IX_WorkflowCase_Awaiting (TenantId=? AND State=?)", StringComparison.Ordinal), string.Join("\n", counted));
    }
}
