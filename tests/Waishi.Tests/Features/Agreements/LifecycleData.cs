using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Ewp;
using Waishi.Web.Platform.Jobs;
using Waishi.Web.Platform.Notifications;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Features.Agreements;

/// <summary>Agreements, partners, quotas and mobilities written straight into the database, and
/// runs of the lifecycle job on a given day.</summary>
public static class LifecycleData
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public static Task<Guid> TenantAsync(AppFactory app, string code = CrossTenant.TenantA) =>
        app.WithDbAsync(db => CrossTenant.TenantIdAsync(db, code));

    public static Task<Guid> UserIdAsync(AppFactory app, string userName) =>
        app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    public static Task<Partner> PartnerAsync(AppFactory app, Guid tenant, string name = "University of Lifecycle", string? nameZh = null) =>
        app.WithDbAsync(async db =>
        {
            var partner = new Partner { TenantId = tenant, NameEn = name, NameZh = nameZh, CountryCode = "GB", CreatedUtc = DateTime.UtcNow };
            partner.Index();
            db.Add(partner);
            await db.SaveChangesAsync();
            return partner;
        });

    /// <summary>An active agreement with the partners as parties, expiring on <paramref name="expiresOn"/>
    /// (in a year by default), in force since last year; <paramref name="change"/> adjusts it before it is saved.</summary>
    public static Task<Agreement> AgreementAsync(AppFactory app, Guid tenant, IEnumerable<Partner> partners, DateOnly? expiresOn = null,
        Action<Agreement>? change = null, string title = "Student exchange agreement") => app.WithDbAsync(async db =>
    {
        var agreement = new Agreement
        {
            TenantId = tenant, Title = title, Type = AgreementType.StudentExchange, State = AgreementState.Active,
            Number = "AGR-T-" + Guid.NewGuid().ToString("N")[..8], SignedOn = Today.AddYears(-1), EffectiveOn = Today.AddYears(-1),
            ExpiresOn = expiresOn ?? Today.AddYears(1), CreatedUtc = DateTime.UtcNow,
        };
        var order = 0;
        foreach (var p in partners)
        {
            agreement.Parties.Add(new AgreementParty { TenantId = tenant, PartnerId = p.Id, SortOrder = order++ });
        }
        change?.Invoke(agreement);
        db.Add(agreement);
        await db.SaveChangesAsync();
        return agreement;
    });

    public static Task<AgreementQuota> QuotaAsync(AppFactory app, Agreement agreement, Partner partner, MobilityDirection direction, MobilityKind kind,
        int firstYear, int lastYear, int places) => app.WithDbAsync(async db =>
    {
        var quota = new AgreementQuota
        {
            TenantId = agreement.TenantId, AgreementId = agreement.Id, PartnerId = partner.Id, Direction = direction, Kind = kind,
            FirstYear = firstYear, LastYear = lastYear, PlacesPerYear = places,
        };
        db.Add(quota);
        await db.SaveChangesAsync();
        return quota;
    });

    public static Task<AgreementMobility> MobilityAsync(AppFactory app, Agreement agreement, Partner partner, MobilityDirection direction,
        MobilityKind kind, int year, DateOnly? startOn = null, DateTime? recordedUtc = null, string name = "Li Lei") => app.WithDbAsync(async db =>
    {
        var mobility = new AgreementMobility
        {
            TenantId = agreement.TenantId, AgreementId = agreement.Id, PartnerId = partner.Id, Direction = direction, Kind = kind, Year = year,
            PersonName = name, StartOn = startOn, RecordedUtc = recordedUtc ?? DateTime.UtcNow,
        };
        db.Add(mobility);
        await db.SaveChangesAsync();
        return mobility;
    });

    public static Task SetPolicyAsync(AppFactory app, Guid tenant, Action<AgreementPolicy> change) => app.WithDbAsync(async db =>
    {
        var policy = await db.Set<AgreementPolicy>().SingleOrDefaultAsync(p => p.TenantId == tenant);
        if (policy is null)
        {
            policy = new AgreementPolicy { TenantId = tenant };
            db.Add(policy);
        }
        change(policy);
        await db.SaveChangesAsync();
    });

    public static Task<Agreement> ReloadAsync(AppFactory app, Guid id) =>
        app.WithDbAsync(db => db.Set<Agreement>().AsNoTracking().SingleAsync(a => a.Id == id));

    /// <summary>Runs the lifecycle job as if it were 07:00 in China on <paramref name="day"/>.</summary>
    public static async Task RunAsync(AppFactory app, DateOnly day)
    {
        var job = app.Services.GetRequiredService<JobScheduler>().Jobs.Single(j => j.Name == "agreement-lifecycle");
        await using var scope = app.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
        var dueUtc = new DateTime(day.Year, day.Month, day.Day, 0, 0, 0, DateTimeKind.Utc).AddDays(-1).AddHours(23);
        await job.RunAsync(new JobRun(job.Name, dueUtc, scope.ServiceProvider), CancellationToken.None);
    }

    /// <summary>The notifications about one agreement in the outbox.</summary>
    public static Task<List<OutboxMessage>> MessagesAsync(AppFactory app, Guid agreementId) =>
        app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.DeduplicationKey!.Contains(agreementId.ToString("N"))).OrderBy(m => m.Id).ToListAsync());
}
