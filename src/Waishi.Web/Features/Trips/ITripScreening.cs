namespace Waishi.Web.Features.Trips;

/// <summary>
/// The seam of due diligence for trips: screens the trip's inviting organisation when the trip is
/// submitted and says whether it has an open hit, which brings the security officer's step into the
/// chain (<c>CaseFacts.ScreeningHit</c>).
/// </summary>
public interface ITripScreening
{
    Task<bool> ScreenAsync(Trip trip, CancellationToken ct);
}
