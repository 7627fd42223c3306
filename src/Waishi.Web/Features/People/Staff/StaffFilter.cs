using System.Linq.Expressions;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People.Pages;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.People.Staff;

/// <summary>The filters and sort order of the staff list; sorts: number, name or unit.</summary>
public sealed class StaffFilter : PersonFilter<StaffMember>
{
    public bool? Classified { get; set; }
    public CadreLevel? Cadre { get; set; }

    protected override Expression<Func<StaffMember, string>> Number => s => s.StaffNumber;

    protected override Expression<Func<StaffMember, bool>> Matches(string q) =>
        s => s.StaffNumber.ToLower().Contains(q) || s.NameZh.ToLower().Contains(q) || (s.NameEn != null && s.NameEn.ToLower().Contains(q));

    protected override IQueryable<StaffMember> Narrow(IQueryable<StaffMember> query)
    {
        if (Classified is { } classified)
        {
            query = query.Where(s => s.IsClassified == classified);
        }
        return Cadre is { } cadre ? query.Where(s => s.CadreLevel == cadre) : query;
    }

    protected override void AddQuery(Action<string, object?> add)
    {
        add(nameof(Classified), Classified);
        add(nameof(Cadre), Cadre);
    }

    protected override IOrderedQueryable<StaffMember>? SortBy(AppDbContext db, IQueryable<StaffMember> query, string? key, bool descending) =>
        key == "unit" ? Ordered(query, s => db.Set<OrgUnit>().Where(u => u.Id == s.UnitId).Select(u => u.Code).FirstOrDefault(), descending) : null;
}
