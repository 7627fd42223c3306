using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.People.Pages;

/// <summary>
/// The filters and sort order of a list of people, shared by the page and its export: a text search,
/// a unit (with the units below it), active or not, and the filters of the kind of person.
/// </summary>
public abstract class PersonFilter<TPerson>
    where TPerson : Entity, IPerson
{
    public string? Q { get; set; }
    /// <summary>The unit and all units below it.</summary>
    public Guid? Unit { get; set; }
    public bool? Active { get; set; }
    /// <summary>number, name or a sort of the kind of person; a leading '-' sorts descending.</summary>
    public string? Sort { get; set; }

    /// <summary>The person's number, the default order and the tie-breaker of the others.</summary>
    protected abstract Expression<Func<TPerson, string>> Number { get; }

    /// <summary>Whether the number or a name contains the lower-case text.</summary>
    protected abstract Expression<Func<TPerson, bool>> Matches(string q);

    /// <summary>Applies the filters of the kind of person.</summary>
    protected abstract IQueryable<TPerson> Narrow(IQueryable<TPerson> query);

    /// <summary>Adds the filters of the kind of person to the query string.</summary>
    protected abstract void AddQuery(Action<string, object?> add);

    /// <summary>A sort of the kind of person by its key (without '-'), or null for number order.</summary>
    protected virtual IOrderedQueryable<TPerson>? SortBy(AppDbContext db, IQueryable<TPerson> query, string? key, bool descending) => null;

    public async Task<IQueryable<TPerson>> ApplyAsync(AppDbContext db, CancellationToken ct)
    {
        var query = db.Set<TPerson>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            query = query.Where(Matches(Q.Trim().ToLower()));
        }
        if (Unit is { } unit)
        {
            var units = await db.Set<OrgUnit>().AsNoTracking().ToListAsync(ct);
            var ids = UnitTree.WithDescendants(units, unit).ToList();
            query = query.Where(s => s.UnitId != null && ids.Contains(s.UnitId.Value));
        }
        query = Narrow(query);
        if (Active is { } active)
        {
            query = query.Where(s => s.IsActive == active);
        }
        var descending = Sort?.StartsWith('-') == true;
        var key = Sort?.TrimStart('-');
        if (key == "name")
        {
            return Ordered(query, s => s.NameZh, descending);
        }
        return SortBy(db, query, key, descending) ?? (descending ? query.OrderByDescending(Number) : query.OrderBy(Number));
    }

    /// <summary>Ordered by the key, then by number.</summary>
    protected IOrderedQueryable<TPerson> Ordered<TKey>(IQueryable<TPerson> query, Expression<Func<TPerson, TKey>> key, bool descending) =>
        (descending ? query.OrderByDescending(key) : query.OrderBy(key)).ThenBy(Number);

    /// <summary>The query string of these filters, with a different sort or page if given.</summary>
    public string Query(string? sort = null, int? page = null)
    {
        var parts = new List<string>();
        void Add(string key, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } text)
            {
                parts.Add($"{key}={Uri.EscapeDataString(text)}");
            }
        }
        Add(nameof(Q), Q);
        Add(nameof(Unit), Unit);
        AddQuery(Add);
        Add(nameof(Active), Active);
        Add(nameof(Sort), sort ?? Sort);
        Add("PageNo", page);
        return string.Join("&", parts);
    }
}
