using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.People.Students;

/// <summary>The filters and sort order of the student list, shared by the page and its export.</summary>
public sealed class StudentFilter
{
    public string? Q { get; set; }
    public Guid? Unit { get; set; }
    public DegreeLevel? Degree { get; set; }
    public string? Nationality { get; set; }
    public bool? Active { get; set; }
    /// <summary>number, name or nationality; a leading '-' sorts descending.</summary>
    public string? Sort { get; set; }

    public async Task<IQueryable<Student>> ApplyAsync(AppDbContext db, CancellationToken ct)
    {
        var query = db.Set<Student>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            query = query.Where(s => s.StudentNumber.ToLower().Contains(q) || s.NameZh.ToLower().Contains(q)
                || (s.NameEn != null && s.NameEn.ToLower().Contains(q)));
        }
        if (Unit is { } unit)
        {
            var units = await db.Set<OrgUnit>().AsNoTracking().ToListAsync(ct);
            var ids = UnitTree.WithDescendants(units, unit).ToList();
            query = query.Where(s => s.UnitId != null && ids.Contains(s.UnitId.Value));
        }
        if (Degree is { } degree)
        {
            query = query.Where(s => s.DegreeLevel == degree);
        }
        if (!string.IsNullOrWhiteSpace(Nationality))
        {
            var code = Nationality.Trim().ToUpperInvariant();
            query = query.Where(s => s.Nationality == code);
        }
        if (Active is { } active)
        {
            query = query.Where(s => s.IsActive == active);
        }
        var descending = Sort?.StartsWith('-') == true;
        return (Sort?.TrimStart('-')) switch
        {
            "name" => descending ? query.OrderByDescending(s => s.NameZh).ThenBy(s => s.StudentNumber) : query.OrderBy(s => s.NameZh).ThenBy(s => s.StudentNumber),
            "nationality" => descending ? query.OrderByDescending(s => s.Nationality).ThenBy(s => s.StudentNumber) : query.OrderBy(s => s.Nationality).ThenBy(s => s.StudentNumber),
            _ => descending ? query.OrderByDescending(s => s.StudentNumber) : query.OrderBy(s => s.StudentNumber),
        };
    }

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
        Add(nameof(Degree), Degree);
        Add(nameof(Nationality), Nationality);
        Add(nameof(Active), Active);
        Add(nameof(Sort), sort ?? Sort);
        Add("PageNo", page);
        return string.Join("&", parts);
    }
}
