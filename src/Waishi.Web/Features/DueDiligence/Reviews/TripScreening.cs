using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.DueDiligence.Reviews;

/// <summary>
/// Screens a trip's inviting organisation (with the first destination's country) when the trip is
/// submitted. The reviews are saved in a scope of their own, so that nothing the caller has pending
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
        var open = await sp.GetRequiredService<Screener>().ScreenAsync(
            ScreeningSubjects.Trip, trip.Id, [trip.InvitingOrganisation], country, ct);
        return open.Count > 0;
    }
}
