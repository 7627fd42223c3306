using System.Linq.Expressions;
using Waishi.Web.Features.People.Pages;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.People.Students;

/// <summary>The filters and sort order of the student list; sorts: number, name or nationality.</summary>
public sealed class StudentFilter : PersonFilter<Student>
{
    public DegreeLevel? Degree { get; set; }
    public string? Nationality { get; set; }

    protected override Expression<Func<Student, string>> Number => s => s.StudentNumber;

    protected override Expression<Func<Student, bool>> Matches(string q) =>
        s => s.StudentNumber.ToLower().Contains(q) || s.NameZh.ToLower().Contains(q) || (s.NameEn != null && s.NameEn.ToLower().Contains(q));

    protected override IQueryable<Student> Narrow(IQueryable<Student> query)
    {
        if (Degree is { } degree)
        {
            query = query.Where(s => s.DegreeLevel == degree);
        }
        if (!string.IsNullOrWhiteSpace(Nationality))
        {
            var code = Nationality.Trim().ToUpperInvariant();
            query = query.Where(s => s.Nationality == code);
        }
        return query;
    }

    protected override void AddQuery(Action<string, object?> add)
    {
        add(nameof(Degree), Degree);
        add(nameof(Nationality), Nationality);
    }

    protected override IOrderedQueryable<Student>? SortBy(AppDbContext db, IQueryable<Student> query, string? key, bool descending) =>
        key == "nationality" ? Ordered(query, s => s.Nationality, descending) : null;
}
