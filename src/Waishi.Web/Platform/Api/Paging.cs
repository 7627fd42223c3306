namespace Waishi.Web.Platform.Api;

/// <summary>
/// Settings of long lists (section <c>Lists</c>). <see cref="CountCap"/>: where the counting of a
/// city-scale list (trips) stops and the list says "more than …"; a larger cap costs a longer count.
/// </summary>
public sealed class ListOptions
{
    public int CountCap { get; set; } = 10_000;
}

/// <summary>One page of a list answer. <paramref name="TotalCapped"/>: more items match than
/// <paramref name="Total"/>, which is then the cap where counting stopped.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize, bool TotalCapped = false);

/// <summary>
/// <c>?page=&amp;pageSize=</c> of a list request: page from 1, page size 1 to 200, 50 by default.
/// Read from the raw query so that "abc" is answered with a message naming the parameter.
/// </summary>
public sealed record PageRequest(int Page, int PageSize)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;
    public const int MaxPage = 1_000_000;

    public int Skip => (Page - 1) * PageSize;

    public static bool TryRead(HttpRequest request, ApiProblems problems, out PageRequest paging, out IResult? error)
    {
        paging = new PageRequest(1, DefaultSize);
        error = null;
        if (!TryInt(request, "page", 1, 1, MaxPage, out var page))
        {
            error = problems.Validation("page", "{0} must be a whole number from {1} to {2}.", "page", 1, MaxPage);
            return false;
        }
        if (!TryInt(request, "pageSize", DefaultSize, 1, MaxSize, out var size))
        {
            error = problems.Validation("pageSize", "{0} must be a whole number from {1} to {2}.", "pageSize", 1, MaxSize);
            return false;
        }
        paging = new PageRequest(page, size);
        return true;
    }

    private static bool TryInt(HttpRequest request, string name, int fallback, int min, int max, out int value)
    {
        var raw = request.Query[name];
        value = fallback;
        if (raw.Count == 0 || string.IsNullOrWhiteSpace(raw[0]))
        {
            return true;
        }
        return raw.Count == 1 && int.TryParse(raw[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value)
            && value >= min && value <= max;
    }
}

public static class PagingExtensions
{
    public static async Task<Paged<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest paging, CancellationToken ct)
    {
        var total = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(query, ct);
        var items = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            query.Skip(paging.Skip).Take(paging.PageSize), ct);
        return new Paged<T>(items, total, paging.Page, paging.PageSize);
    }

    /// <summary>
    /// A page whose total is counted up to <paramref name="cap"/> only, on the unordered query: at
    /// city scale an exact count of a broad filter reads every matching row of the institution on
    /// each request, while "more than 10,000" tells a user as much.
    /// </summary>
    public static async Task<Paged<T>> ToPageAsync<T, TCounted>(this IQueryable<T> ordered, IQueryable<TCounted> unordered, int cap, PageRequest paging,
        CancellationToken ct)
    {
        var (total, capped) = await unordered.CountUpToAsync(cap, ct);
        var items = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            ordered.Skip(paging.Skip).Take(paging.PageSize), ct);
        return new Paged<T>(items, total, paging.Page, paging.PageSize, capped);
    }

    /// <summary>How many rows match, counting no further than <paramref name="cap"/> (then <c>Capped</c>).
    /// Give it the query without its order, so that the database can stop at the cap.</summary>
    public static async Task<(int Count, bool Capped)> CountUpToAsync<T>(this IQueryable<T> query, int cap, CancellationToken ct)
    {
        var count = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(query.Take(cap + 1), ct);
        return count > cap ? (cap, true) : (count, false);
    }
}
