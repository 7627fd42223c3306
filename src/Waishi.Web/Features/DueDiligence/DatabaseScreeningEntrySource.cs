using Waishi.Web.Features.DueDiligence.Screening;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence;

/// <summary>The current tenant's profiles and current watchlist entries, with the tenant's due-diligence stamp.</summary>
public sealed class DatabaseScreeningEntrySource(AppDbContext db) : IScreeningEntrySource
{
    public async Task<ScreeningEntrySet> LoadAsync(CancellationToken ct)
    {
        // The stamp first: a change landing between the two reads then shows as a newer stamp next time.
        var stamp = await ScreeningEntries.StampAsync(db, ct);
        var entries = await ScreeningEntries.LoadAsync(db, ct);
        return new ScreeningEntrySet(entries, stamp);
    }
}
