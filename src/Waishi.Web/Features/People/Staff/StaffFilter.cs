using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.People.Staff;

/// <summary>The filters and sort order of the staff list, shared by the page and its export.</summary>
public sealed class StaffFilter
{
    public string? Q { get; set; }
    /// <summary>The unit and all units below it.</summary>
    public Guid? Unit { get; set; }
    public bool? Classified { get; set; }
    public CadreLevel? Cadre { get; set; }
    public bool? Active { get; set; }
    /// <summary>number, name or unit; a leading '-' sorts descending.</summary>
    public string? Sort { get; set; }

    public async Task<IQueryable<StaffMember>> ApplyAsync(AppDbContext db, CancellationToken ct)
    {
        var query = db.Set<StaffMember>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            query = query.Where(s => s.StaffNumber.ToLower().Contains(q) || s.NameZh.ToLower().Contains(q)
                || (s.NameEn != null && s.NameEn.ToLower().Contains(q)));
        }
        if (Unit is { } unit)
        {
            var units = await db.Set<OrgUnit>().AsNoTracking().ToListAsync(ct);
            var ids = UnitTree.WithDescendants(units, unit).ToList();
            query = query.Where(s => s.UnitId != null && ids.Contains(s.UnitId.Value));
        }
        if (Classified is { } classified)
        {
            query = query.Where(s => s.IsClassified == classified);
        }
        if (Cadre is { } cadre)
        {
            query = query.Where(s => s.CadreLevel == cadre);
        }
        if (Active is { } active)
        {
            query = query.Where(s => s.IsActive == active);
        }
        var descending = Sort?.StartsWith('-') == true;
        return (Sort?.TrimStart('-')) switch
        {
            "name" => descending ? query.OrderByDescending(s => s.NameZh).ThenBy(s => s.StaffNumber) : query.OrderBy(s => s.NameZh).ThenBy(s => s.StaffNumber),
            "unit" => descending
                ? query.OrderByDescending(s => db.Set<OrgUnit>().Where(u => u.Id == s.UnitId).Select(u => u.Code).FirstOrDefault()).ThenBy(s => s.StaffNumber)
                : query.OrderBy(s => db.Set<OrgUnit>().Where(u => u.Id == s.UnitId).Select(u => u.Code).FirstOrDefault()).ThenBy(s => s.StaffNumber),
            _ => descending ? query.OrderByDescending(s => s.StaffNumber) : query.OrderBy(s => s.StaffNumber),
        };
    }

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
        Add(nameof(Classified), Classified);
        Add(nameof(Cadre), Cadre);
        Add(nameof(Active), Active);
        Add(nameof(Sort), sort ?? Sort);
        Add("PageNo", page);
        return string.Join("&", parts);
    }
}
