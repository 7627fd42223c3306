using System.Collections.Concurrent;

namespace Waishi.Web.Features.DueDiligence.Screening;

/// <summary>
/// One screening index per tenant, kept in memory and rebuilt when the tenant's stamp changes (the
/// caller passes a stamp that moves whenever the tenant's profiles or watchlists change, e.g. the
/// latest change time in ticks or a counter). Registered as a singleton.
/// </summary>
public sealed class ScreeningIndexCache
{
    private sealed record Slot(long Stamp, ScreeningIndex Index);

    private readonly ConcurrentDictionary<Guid, Slot> _slots = new();
    private readonly ConcurrentDictionary<Guid, object> _locks = new();

    // The character table is read when the cache is created, so that a missing table fails at once.
    private readonly ChineseScript _script = ChineseScript.Default;

    /// <summary>The tenant's index for this stamp; <paramref name="load"/> runs only when it must be (re)built.</summary>
    public ScreeningIndex Get(Guid tenantId, long stamp, Func<IReadOnlyList<ScreeningEntry>> load)
    {
        if (_slots.TryGetValue(tenantId, out var slot) && slot.Stamp == stamp) return slot.Index;
        lock (_locks.GetOrAdd(tenantId, _ => new object()))
        {
            if (_slots.TryGetValue(tenantId, out slot) && slot.Stamp == stamp) return slot.Index;
            var index = ScreeningIndex.Build(load(), _script);
            _slots[tenantId] = new Slot(stamp, index);
            return index;
        }
    }

    /// <summary>Forgets a tenant's index (the next Get rebuilds it).</summary>
    public void Invalidate(Guid tenantId) => _slots.TryRemove(tenantId, out _);
}
