using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.PartnerStats;

/// <summary>The agreements the partner is a party to: when each was created, signed, ended or expires.</summary>
public sealed class AgreementHistorySource(AppDbContext db) : IPartnerHistorySource
{
    public async Task<IReadOnlyList<PartnerEvent>> EventsAsync(Guid partnerId, CancellationToken ct)
    {
        var agreements = await db.Set<Agreement>().AsNoTracking()
            .Where(a => db.Set<AgreementParty>().Any(p => p.AgreementId == a.Id && p.PartnerId == partnerId))
            .Select(a => new { a.Id, a.Title, a.Number, a.State, a.CreatedUtc, a.SignedOn, a.ExpiresOn, a.TerminatedOn })
            .ToListAsync(ct);
        var events = new List<PartnerEvent>();
        foreach (var a in agreements)
        {
            var title = a.Number is null ? a.Title : $"{a.Number} {a.Title}";
            var href = $"/Agreements/Details/{a.Id}";
            var state = AgreementLabels.Of(a.State);
            events.Add(new(ChinaDate(a.CreatedUtc), "Agreement", "Created", title, href, state));
            if (a.SignedOn is { } signed)
            {
                events.Add(new(signed, "Agreement", "Signed", title, href, state));
            }
            if (a.TerminatedOn is { } terminated)
            {
                events.Add(new(terminated, "Agreement", "Terminated", title, href, state));
            }
            else if (a.ExpiresOn is { } expires && a.State is not (AgreementState.Draft or AgreementState.Returned or AgreementState.Rejected))
            {
                events.Add(new(expires, "Agreement", a.State is AgreementState.Active or AgreementState.Expiring ? "Expires" : "Expiry date", title, href, state));
            }
        }
        return events;
    }

    /// <summary>The office's calendar day of a UTC time (China has one time zone and no daylight saving).</summary>
    public static DateOnly ChinaDate(DateTime utc) => DateOnly.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc).AddHours(8));

}

/// <summary>The trips whose inviting organisation is the partner, dated by departure (or filing, while undated).</summary>
public sealed class TripHistorySource(AppDbContext db) : IPartnerHistorySource
{
    public async Task<IReadOnlyList<PartnerEvent>> EventsAsync(Guid partnerId, CancellationToken ct)
    {
        var trips = await db.Set<Trip>().AsNoTracking().Where(t => t.PartnerId == partnerId)
            .Select(t => new { t.Id, t.Title, t.Number, t.State, t.DepartureDate, t.ReturnDate, t.CreatedUtc })
            .ToListAsync(ct);
        return [.. trips.Select(t => new PartnerEvent(
            t.DepartureDate ?? AgreementHistorySource.ChinaDate(t.CreatedUtc),
            "Trip",
            t.DepartureDate is null ? "Filed" : "Trip dates",
            $"{t.Title}{(t.DepartureDate is { } d ? $" ({d:yyyy-MM-dd} – {t.ReturnDate?.ToString("yyyy-MM-dd") ?? "?"})" : "")}",
            $"/Trips/Details/{t.Id}",
            TripLabels.Of(t.State)))];
    }
}

public static class PartnerStatsSetup
{
    public static IServiceCollection AddWaishiPartnerStats(this IServiceCollection services)
    {
        services.AddScoped<IPartnerHistorySource, AgreementHistorySource>();
        services.AddScoped<IPartnerHistorySource, TripHistorySource>();
        services.AddSingleton<StatisticsCache>();
        return services;
    }
}
