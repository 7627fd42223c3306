using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Features.Visas;

namespace Waishi.Tests.Features.Visas;

public static class VisaData
{
    /// <summary>A submitted trip of the applicant to Tokyo and Berlin departing in <paramref name="days"/> days.</summary>
    public static async Task<Trip> TripAsync(AppFactory app, TripPeople people, int days, string title = "Visa trip", params StaffMember[] others)
    {
        var builder = new TripBuilder(people, TripForms.Today).To("DE", "Berlin").Departing(TripForms.Today.AddDays(days), 5)
            .Change(t => t.Title = title).Submitted();
        foreach (var other in others)
        {
            builder.With(other);
        }
        var trip = builder.Build();
        await app.WithDbAsync(async db =>
        {
            db.Add(trip);
            await db.SaveChangesAsync();
        });
        return trip;
    }

    public static async Task<Visa> VisaAsync(AppFactory app, Trip trip, Guid person, string country, VisaStatus status, string? type = "Business")
    {
        var visa = new Visa
        {
            TenantId = trip.TenantId, TripId = trip.Id, StaffMemberId = person, CountryCode = country, Status = status, VisaType = type,
            AppliedOn = status is VisaStatus.Applied or VisaStatus.Granted or VisaStatus.Refused ? TripForms.Today.AddDays(-10) : null,
            DecidedOn = status is VisaStatus.Granted or VisaStatus.Refused ? TripForms.Today.AddDays(-2) : null,
        };
        await app.WithDbAsync(async db =>
        {
            db.Add(visa);
            await db.SaveChangesAsync();
        });
        return visa;
    }
}
