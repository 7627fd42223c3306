using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Features.DueDiligence.Reviews;
using Waishi.Web.Features.DueDiligence.Screening;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Features.DueDiligence;

/// <summary>A few listed entries for every tenant; tests may add entries and move the stamp.</summary>
public sealed class FakeEntries
{
    public static readonly Guid Harbin = Guid.Parse("0195f000-0000-7000-8000-000000000001");
    public static readonly Guid Nudt = Guid.Parse("0195f000-0000-7000-8000-000000000002");
    public static readonly Guid Tokyo = Guid.Parse("0195f000-0000-7000-8000-000000000003");

    public List<ScreeningEntry> Entries { get; } =
    [
        new(ScreeningSourceKind.WatchlistEntry, Harbin, "Harbin Institute of Technology",
            [new("Harbin Institute of Technology"), new("哈尔滨工业大学", "zh"), new("HIT", IsAcronym: true)], "CN", ListName: "ASPI Unitracker"),
        new(ScreeningSourceKind.Profile, Nudt, "National University of Defense Technology",
            [new("National University of Defense Technology"), new("国防科技大学", "zh"), new("NUDT", IsAcronym: true)], "CN"),
        new(ScreeningSourceKind.WatchlistEntry, Tokyo, "Tokyo Defense Materials Laboratory", [new("Tokyo Defense Materials Laboratory")], "JP"),
    ];

    public long Stamp { get; set; } = 1;
}

public sealed class FakeEntrySource(FakeEntries entries) : IScreeningEntrySource
{
    public Task<ScreeningEntrySet> LoadAsync(CancellationToken ct) =>
        Task.FromResult(new ScreeningEntrySet(entries.Entries.ToList(), entries.Stamp));
}

/// <summary>The demo city with <see cref="FakeEntries"/> as every tenant's screening entries.</summary>
public sealed class ReviewApp : AppFactory
{
    private ReviewApp(string connectionString) : base(connectionString, null, seed: false) { }

    public FakeEntries Entries => Services.GetRequiredService<FakeEntries>();

    public static async Task<ReviewApp> CreateReviewAppAsync()
    {
        var app = new ReviewApp(await NewDemoDatabaseAsync());
        _ = app.Server;
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<FakeEntries>();
            s.AddScoped<IScreeningEntrySource, FakeEntrySource>();
        });
    }

    public Task<List<ScreeningReview>> ReviewsAsync(Guid subjectId) =>
        WithDbAsync(db => db.Set<ScreeningReview>().AsNoTracking().Where(r => r.SubjectId == subjectId).OrderBy(r => r.CreatedUtc).ToListAsync());

    /// <summary>Runs <paramref name="work"/> in a scope acting for a tenant and a user.</summary>
    public async Task<T> AsAsync<T>(string tenantCode, string userName, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var tenant = sp.GetRequiredService<TenantContext>();
        Guid tenantId;
        Guid userId;
        using (tenant.AsSystem())
        {
            var db = sp.GetRequiredService<AppDbContext>();
            tenantId = await CrossTenant.TenantIdAsync(db, tenantCode);
            userId = await db.Set<Waishi.Web.Platform.Identity.AppUser>().IgnoreQueryFilters().Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        }
        tenant.Set(tenantId, TenantKind.Institution);
        sp.GetRequiredService<Actor>().Set(userId, userName);
        return await work(sp);
    }
}
