using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.PartnerStats;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Visits;

/// <summary>The visits from the partner (as the visiting institution or a member's organisation), dated by arrival (or filing, while undated).</summary>
public sealed class VisitHistorySource(AppDbContext db) : IPartnerHistorySource
{
    public async Task<IReadOnlyList<PartnerEvent>> EventsAsync(Guid partnerId, CancellationToken ct)
    {
        var visits = await db.Set<Visit>().AsNoTracking()
            .Where(v => v.PartnerId == partnerId || db.Set<VisitMember>().Any(m => m.VisitId == v.Id && m.PartnerId == partnerId))
            .Select(v => new { v.Id, v.Title, v.State, v.ArrivalDate, v.DepartureDate, v.CreatedUtc })
            .ToListAsync(ct);
        return [.. visits.Select(v => new PartnerEvent(
            v.ArrivalDate ?? AgreementHistorySource.ChinaDate(v.CreatedUtc),
            "Inbound visit",
            v.ArrivalDate is null ? "Filed" : "Visit dates",
            $"{v.Title}{(v.ArrivalDate is { } a ? $" ({a:yyyy-MM-dd} – {v.DepartureDate?.ToString("yyyy-MM-dd") ?? "?"})" : "")}",
            $"/Visits/Details/{v.Id}",
            VisitLabels.Of(v.State)))];
    }
}
