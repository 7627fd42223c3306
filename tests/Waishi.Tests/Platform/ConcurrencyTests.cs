using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Platform;

/// <summary>Two people edit the same record from the same version: one save wins, the other
/// changes nothing and is told so.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Second_of_two_edits_from_the_same_version_is_refused()
    {
        await using var app = await AppFactory.CreateAsync();
        var id = await app.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.StaffNumber == "CQU00010").Select(s => s.Id).SingleAsync());

        await using var first = Scope(app, out var firstDb);
        await using var second = Scope(app, out var secondDb);
        var a = await firstDb.Set<StaffMember>().SingleAsync(s => s.Id == id);
        var b = await secondDb.Set<StaffMember>().SingleAsync(s => s.Id == id);
        Assert.Equal(a.Version, b.Version);
        var version = a.Version;

        a.Title = "Professor (first)";
        b.Title = "Professor (second)";
        await firstDb.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondDb.SaveChangesAsync());

        var saved = await app.WithDbAsync(db => db.Set<StaffMember>().AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal("Professor (first)", saved.Title);
        Assert.Equal(version + 1, saved.Version);
        var entries = await app.WithDbAsync(db => db.Set<Waishi.Web.Platform.Auditing.AuditEntry>()
            .CountAsync(e => e.EntityType == nameof(StaffMember) && e.EntityId == id.ToString() && e.Action == Waishi.Web.Platform.Auditing.AuditAction.Update));
        Assert.Equal(1, entries);
    }

    [Fact]
    public async Task Edit_declared_from_an_old_version_gets_the_stale_edit_message_and_changes_nothing()
    {
        await using var app = await AppFactory.CreateAsync();
        var (id, version) = await app.WithDbAsync(async db =>
        {
            var s = await db.Set<StaffMember>().FirstAsync(x => x.StaffNumber == "CQU00011");
            return (s.Id, s.Version);
        });
        await app.WithDbAsync(async db =>
        {
            var s = await db.Set<StaffMember>().SingleAsync(x => x.Id == id);
            s.Phone = "+86 23 60000001";
            await db.SaveChangesAsync();
        });

        await using var scope = Scope(app, out var db);
        var member = await db.Set<StaffMember>().SingleAsync(s => s.Id == id);
        db.ExpectVersion(member, version); // the form was filled in from the old version
        member.Phone = "+86 23 69999999";
        var error = await db.TrySaveAsync();

        Assert.NotNull(error);
        Assert.Equal("This record was changed by someone else. Reload it to see their changes, then make yours again.", error.Message);
        var saved = await app.WithDbAsync(d => d.Set<StaffMember>().AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal("+86 23 60000001", saved.Phone);
        Assert.Equal(version + 1, saved.Version);
        Assert.Null(await db.TrySaveAsync()); // nothing of the refused edit is left to save
    }

    private static AsyncServiceScope Scope(AppFactory app, out AppDbContext db)
    {
        var scope = app.Services.CreateAsyncScope();
        var cqu = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        using (tenant.AsSystem())
        {
            var id = cqu.Set<Tenant>().Where(t => t.Code == "CQU").Select(t => t.Id).Single();
            tenant.Set(id, TenantKind.Institution);
        }
        db = cqu;
        return scope;
    }
}
