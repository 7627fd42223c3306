using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.TravelDocuments;

/// <summary>When an amendment moves an approved trip's return date, the documents checked out for
/// it are due back on the new date plus the policy's days.</summary>
public sealed class TripTermsChangedDocuments(AppDbContext db) : ITripTermsChanged
{
    public async Task OnTermsChangedAsync(Trip trip, CancellationToken ct)
    {
        if (trip.ReturnDate is null)
        {
            return;
        }
        var documents = await db.Set<TravelDocument>().IgnoreQueryFilters()
            .Where(d => d.TenantId == trip.TenantId && d.TripId == trip.Id && d.Status == TravelDocumentStatus.CheckedOut).ToListAsync(ct);
        if (documents.Count == 0)
        {
            return;
        }
        var policy = await db.Set<TripPolicy>().IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(p => p.TenantId == trip.TenantId, ct) ?? TripPolicy.Defaults();
        foreach (var document in documents)
        {
            document.ReturnDue = TravelDocumentRules.ReturnDue(trip, policy);
        }
    }
}
