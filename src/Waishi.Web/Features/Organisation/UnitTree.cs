using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Organisation;

public sealed record UnitNode(OrgUnit Unit, int Depth);

/// <summary>The current tenant's units in tree order (parents before their children).</summary>
public static class UnitTree
{
    public static async Task<List<UnitNode>> LoadAsync(AppDbContext db, CancellationToken ct = default)
    {
        var units = await db.Set<OrgUnit>().AsNoTracking().ToListAsync(ct);
        return Order(units);
    }

    public static List<UnitNode> Order(IReadOnlyCollection<OrgUnit> units)
    {
        var ids = units.Select(u => u.Id).ToHashSet();
        var children = units.ToLookup(u => u.ParentId is { } p && ids.Contains(p) ? p : (Guid?)null);
        var result = new List<UnitNode>();
        var seen = new HashSet<Guid>();
        void Walk(Guid? parent, int depth)
        {
            foreach (var unit in children[parent].OrderBy(u => u.SortOrder).ThenBy(u => u.Code, StringComparer.Ordinal))
            {
                if (seen.Add(unit.Id))
                {
                    result.Add(new UnitNode(unit, depth));
                    Walk(unit.Id, depth + 1);
                }
            }
        }
        Walk(null, 0);
        return result;
    }

    /// <summary>The unit and every unit below it.</summary>
    public static HashSet<Guid> WithDescendants(IEnumerable<OrgUnit> units, Guid root)
    {
        var children = units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value, u => u.Id);
        var result = new HashSet<Guid> { root };
        var queue = new Queue<Guid>([root]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var child in children[id])
            {
                if (result.Add(child))
                {
                    queue.Enqueue(child);
                }
            }
        }
        return result;
    }
}
