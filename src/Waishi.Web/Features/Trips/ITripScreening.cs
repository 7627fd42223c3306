namespace Waishi.Web.Features.Trips;

/// <summary>
/// The seam of due diligence for trips: screens the trip's inviting organisation (destinations
/// loaded) when the trip is saved, submitted or amended, and says whether it has a hit, which brings
/// the security officer's step into the chain (<c>CaseFacts.ScreeningHit</c>).
/// </summary>
public interface ITripScreening
{
    Task<bool> ScreenAsync(Trip trip, CancellationToken ct);
}

public static class TripScreenings
{
    /// <summary>Screens a trip saved without being submitted, so that a hit of its inviting
    /// organisation is open for review before the trip is filed.</summary>
    public static async Task ScreenSavedAsync(IServiceProvider services, Trip trip, CancellationToken ct)
    {
        foreach (var screening in services.GetServices<ITripScreening>())
        {
            await screening.ScreenAsync(trip, ct);
        }
    }
}
