using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Waishi.Web.Features.PartnerStats;

/// <summary>
/// One dated entry of a partner's relationship history: what happened (<see cref="Event"/>, a
/// localisation key), to which record (<see cref="Kind"/> and <see cref="Title"/>, linked by
/// <see cref="Href"/>) and, where it says something, the record's state (a localisation key).
/// </summary>
public sealed record PartnerEvent(DateOnly Date, string Kind, string Event, string Title, string? Href, string? State = null);

/// <summary>
/// A module that has records involving a partner. Each module registers one
/// (<c>services.AddScoped&lt;IPartnerHistorySource, ...&gt;()</c>) and the partner page lists what
/// all of them return, newest first. Sources read through the tenant's query filters.
/// </summary>
public interface IPartnerHistorySource
{
    Task<IReadOnlyList<PartnerEvent>> EventsAsync(Guid partnerId, CancellationToken ct);
}

/// <summary>The "Relationship history" section of the partner page.</summary>
public sealed class PartnerHistoryViewComponent(IEnumerable<IPartnerHistorySource> sources) : ViewComponent
{
    public sealed record Model(IReadOnlyList<PartnerEvent> Events);

    public async Task<IViewComponentResult> InvokeAsync(Guid partnerId) =>
        View("/Features/PartnerStats/_PartnerHistory.cshtml", new Model(await LoadAsync(sources, partnerId, HttpContext.RequestAborted)));

    public static async Task<IReadOnlyList<PartnerEvent>> LoadAsync(IEnumerable<IPartnerHistorySource> sources, Guid partnerId, CancellationToken ct)
    {
        var events = new List<PartnerEvent>();
        // One after the other: the sources share the request's DbContext.
        foreach (var source in sources)
        {
            events.AddRange(await source.EventsAsync(partnerId, ct));
        }
        return [.. events.OrderByDescending(e => e.Date).ThenBy(e => e.Kind, StringComparer.Ordinal).ThenBy(e => e.Title, StringComparer.Ordinal)];
    }
}
