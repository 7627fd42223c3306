using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.DueDiligence.Reviews;

/// <summary>
/// Screens a trip's inviting organisation (with the first destination's country) when the trip is
/// saved as a draft, submitted or amended; it is a hit while a review of it is open or a true match.
/// The reviews are saved in a scope of their own, so that nothing the caller has pending
/// is saved with them.
/// </summary>
public sealed class TripScreening(IServiceScopeFactory scopes, TenantContext tenant, Actor actor) : ITripScreening
{
    public async Task<bool> ScreenAsync(Trip trip, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<TenantContext>().Set(trip.TenantId, tenant.Kind ?? TenantKind.Institution);
        sp.GetRequiredService<Actor>().Set(actor.UserId, actor.Name);
        var country = trip.Destinations.OrderBy(d => d.SortOrder).Select(d => d.CountryCode).FirstOrDefault();
        await sp.GetRequiredService<Screener>().ScreenAsync(ScreeningSubjects.Trip, trip.Id, [trip.InvitingOrganisation], country, ct);
        var db = sp.GetRequiredService<AppDbContext>();
        return await ScreeningCases.Hits(db, ScreeningSubjects.Trip).AnyAsync(r => r.SubjectId == trip.Id, ct);
    }
}
