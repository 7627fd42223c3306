using Waishi.Web.Features.PartnerStats;

namespace Waishi.Web.Features.DueDiligence.Profiles;

/// <summary>
/// One record involving a partner (an agreement, a trip, a visit …) as the profile page lists it beside
/// the risk: its latest event. Built from the partner history sources, so that a module that reports
/// its records to the partner's relationship history shows up here without a line of its own.
/// </summary>
public sealed record PartnerRecord(string Kind, string Title, string? Href, string? State, DateOnly Date, string Event)
{
    public const int PerKind = 50;

    public static List<PartnerRecord> Of(IEnumerable<PartnerEvent> events) =>
    [
        .. events.GroupBy(e => (e.Kind, Key: e.Href ?? e.Title))
            .Select(g => g.OrderByDescending(e => e.Date).First())
            .GroupBy(e => e.Kind)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.OrderByDescending(e => e.Date).Take(PerKind))
            .Select(e => new PartnerRecord(e.Kind, e.Title, e.Href, e.State, e.Date, e.Event)),
    ];
}
