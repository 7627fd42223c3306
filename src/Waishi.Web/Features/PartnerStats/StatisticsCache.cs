using Microsoft.Extensions.Caching.Memory;

namespace Waishi.Web.Features.PartnerStats;

/// <summary>
/// Partner statistics already computed by this instance, keyed on the filters and the
/// <see cref="Platform.Data.ChangeStamp"/>s they were computed under: a change to the partners or
/// agreements of a tenant gives it a new stamp, and so a new key. Entries not read for an hour go.
/// </summary>
public sealed class StatisticsCache : IDisposable
{
    // A result is a few hundred small lines; a thousand of them stay well under a few megabytes.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 1000 });

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> compute) where T : class
    {
        if (_cache.TryGetValue(key, out T? kept) && kept is not null)
        {
            return kept;
        }
        var value = await compute();
        _cache.Set(key, value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        return value;
    }

    public void Dispose() => _cache.Dispose();
}
