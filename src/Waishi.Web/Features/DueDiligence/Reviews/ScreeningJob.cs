using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.DueDiligence.Screening;
using Waishi.Web.Features.Partners;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Jobs;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.DueDiligence.Reviews;

/// <summary>
/// Hourly: screens again every partner and every trip (drafts too) of a tenant whose entries changed
/// (a new stamp of its profiles and watchlists) since its subjects were last screened, so that a new
/// list entry finds existing partners and a removed one closes their hits.
/// </summary>
public sealed class ScreeningJob : IRecurringJob
{
    public string Name => "screening";

    public JobSchedule Schedule => JobSchedule.Every(TimeSpan.FromHours(1));

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var tenants = await run.Services.GetRequiredService<AppDbContext>().Set<Tenant>().AsNoTracking()
            .Where(t => t.Kind == TenantKind.Institution).Select(t => t.Id).ToListAsync(ct);
        var scopes = run.Services.GetRequiredService<IServiceScopeFactory>();
        foreach (var tenantId in tenants)
        {
            await using var scope = scopes.CreateAsyncScope();
            await RescreenAsync(scope.ServiceProvider, tenantId, ct);
        }
    }

    /// <summary>Screens the tenant's subjects again if its stamp moved; true if it did.</summary>
    public static async Task<bool> RescreenAsync(IServiceProvider services, Guid tenantId, CancellationToken ct)
    {
        services.GetRequiredService<TenantContext>().Set(tenantId, TenantKind.Institution);
        services.GetRequiredService<Actor>().Set(null, Screener.ScreeningActor);
        var db = services.GetRequiredService<AppDbContext>();
        var screener = services.GetRequiredService<Screener>();
        var stamp = (await services.GetRequiredService<IScreeningEntrySource>().LoadAsync(ct)).Stamp;
        var last = await db.Set<ScreeningRun>().SingleOrDefaultAsync(ct);
        if (last is not null && last.Stamp == stamp)
        {
            return false;
        }
        var partners = await db.Set<Partner>().AsNoTracking().ToListAsync(ct);
        foreach (var partner in partners)
        {
            await screener.ScreenAsync(ScreeningSubjects.Partner, partner.Id, partner.AllNames(), partner.CountryCode, ct);
        }
        var trips = await db.Set<Trip>().AsNoTracking().Include(t => t.Destinations)
            .Where(t => t.InvitingOrganisation != null).ToListAsync(ct);
        foreach (var trip in trips)
        {
            var country = trip.Destinations.OrderBy(d => d.SortOrder).Select(d => d.CountryCode).FirstOrDefault();
            await screener.ScreenAsync(ScreeningSubjects.Trip, trip.Id, [trip.InvitingOrganisation], country, ct);
        }
        // Visits: the organisations of the delegation, drafts too (they are screened when saved).
        var visits = await db.Set<Visits.Visit>().AsNoTracking().Include(v => v.Members).ToListAsync(ct);
        foreach (var visit in visits)
        {
            await screener.ScreenAsync(ScreeningSubjects.Visit, visit.Id, Visits.VisitScreening.Names(visit), Visits.VisitScreening.Country(visit), ct);
        }
        // Conferences: their foreign co-organisers, drafts too.
        var conferences = await db.Set<Conferences.Conference>().AsNoTracking().Include(c => c.CoOrganisers).ToListAsync(ct);
        foreach (var conference in conferences)
        {
            var (names, country) = await Conferences.ConferenceScreening.SubjectAsync(db, conference, ct);
            await screener.ScreenAsync(ScreeningSubjects.Conference, conference.Id, names, country, ct);
        }
        last ??= db.Add(new ScreeningRun()).Entity;
        last.Stamp = stamp;
        last.ScreenedUtc = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
