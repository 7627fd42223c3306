using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.OutboundPlans;

/// <summary>The filters of the plan list, shared by the page, its export and the API.</summary>
public sealed class PlanFilter
{
    public int? Year { get; set; }
    public Guid? Unit { get; set; }
    public PlanState? State { get; set; }
    /// <summary>Words in a line's purpose, or a country code of a line.</summary>
    public string? Q { get; set; }

    public IQueryable<OutboundPlan> Apply(AppDbContext db, PlanAccess access)
    {
        var query = access.Visible(db).AsNoTracking();
        if (Year is { } year)
        {
            query = query.Where(p => p.Year == year);
        }
        if (Unit is { } unit)
        {
            query = query.Where(p => p.UnitId == unit);
        }
        if (State is { } state)
        {
            query = query.Where(p => p.State == state);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            var code = Q.Trim().ToUpperInvariant();
            query = query.Where(p => db.Set<OutboundPlanLine>().Any(l => l.PlanId == p.Id
                && (l.Purpose.ToLower().Contains(q) || (code.Length == 2 && l.Countries.Contains(code)))));
        }
        return query.OrderByDescending(p => p.Year).ThenBy(p => p.UnitId);
    }

    public string Query(int? page = null)
    {
        var parts = new List<string>();
        void Add(string key, object? value)
        {
            if (value?.ToString() is { Length: > 0 } text)
            {
                parts.Add($"{key}={Uri.EscapeDataString(text)}");
            }
        }
        Add(nameof(Year), Year);
        Add(nameof(Unit), Unit);
        Add(nameof(State), State);
        Add(nameof(Q), Q);
        Add("PageNo", page);
        return string.Join("&", parts);
    }
}
