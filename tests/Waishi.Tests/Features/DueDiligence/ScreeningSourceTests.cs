using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Features.DueDiligence.Profiles;
using Waishi.Web.Features.DueDiligence.Screening;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Features.DueDiligence;

/// <summary>The screening of subjects reads the tenant's own profiles, and a new stamp when they change.</summary>
public sealed class ScreeningSourceTests
{
    private static async Task<ScreeningEntrySet> LoadAsAsync(AppFactory app, string code)
    {
        var tenant = await app.WithDbAsync(db => db.Set<Tenant>().Where(t => t.Code == code).SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant.Id, tenant.Kind);
        return await scope.ServiceProvider.GetRequiredService<IScreeningEntrySource>().LoadAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_source_gives_the_tenants_imported_profiles_and_a_new_stamp_after_a_change_and_nothing_to_another_tenant()
    {
        await using var app = await AppFactory.CreateAsync();
        var before = await LoadAsAsync(app, "CQU");
        Assert.Empty(before.Entries);

        await ProfileData.ImportAsync(app, await ProfileData.TenantAsync(app));
        var after = await LoadAsAsync(app, "CQU");
        var other = await LoadAsAsync(app, "CQUPT");

        Assert.Equal(159, after.Entries.Count(e => e.Kind == ScreeningSourceKind.Profile));
        Assert.NotEqual(before.Stamp, after.Stamp);
        Assert.Empty(other.Entries);
        var index = ScreeningIndex.Build(after.Entries);
        var hit = Assert.Single(index.Screen("哈爾濱工業大學", "CN", new DateOnly(2026, 12, 1)), c => c.IsHit);
        Assert.Contains("Harbin Institute of Technology", hit.Entry.PrimaryName);
    }
}
