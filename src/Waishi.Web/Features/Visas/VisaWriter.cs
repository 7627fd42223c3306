using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Visas;

/// <summary>What the visa pages and the API share: the trips and visas a user may see, and
/// applying an input to a visa with its checks. The caller saves.</summary>
public sealed class VisaWriter(AppDbContext db, TimeProvider clock)
{
    /// <summary>A trip the user may see, with its delegation and destinations.</summary>
    public async Task<Trip?> TripAsync(TripAccess access, Guid tripId, CancellationToken ct) =>
        await access.Visible(db).AsNoTracking().Include(t => t.Members).Include(t => t.Destinations).AsSplitQuery()
            .FirstOrDefaultAsync(t => t.Id == tripId, ct);

    /// <summary>The visas of the trips the user may see.</summary>
    public IQueryable<Visa> Visible(TripAccess access)
    {
        var trips = access.Visible(db);
        return db.Set<Visa>().Where(v => trips.Any(t => t.Id == v.TripId));
    }

    public async Task<List<FieldError>> ApplyAsync(Trip trip, Visa visa, VisaInput input, CancellationToken ct)
    {
        input.ApplyTo(visa);
        visa.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        return await VisaRules.ValidateAsync(db, trip, visa, ct);
    }
}
