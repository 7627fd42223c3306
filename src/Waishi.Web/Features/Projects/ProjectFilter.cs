using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Projects;

/// <summary>The filters of the project list, shared by the page, its export and the API.</summary>
public sealed class ProjectFilter
{
    /// <summary>Title (English or Chinese) or any name of a partner of the project.</summary>
    public string? Q { get; set; }
    public ProjectKind? Kind { get; set; }
    public ProjectStatus? Status { get; set; }
    public Guid? Partner { get; set; }
    /// <summary>Two-letter code of a partner's country.</summary>
    public string? Country { get; set; }
    public Guid? Unit { get; set; }
    /// <summary>Projects running at some time in this calendar year.</summary>
    public int? Year { get; set; }

    public IQueryable<CooperationProject> Apply(AppDbContext db)
    {
        var query = db.Set<CooperationProject>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim().ToLower();
            var name = NameNormaliser.Normalise(Q);
            query = query.Where(p => p.TitleEn.ToLower().Contains(text)
                || (p.TitleZh != null && p.TitleZh.ToLower().Contains(text))
                || (name.Length > 0 && db.Set<ProjectPartner>().Any(pp => pp.ProjectId == p.Id
                    && db.Set<Partner>().Any(x => x.Id == pp.PartnerId && x.SearchText.Contains(name)))));
        }
        if (Kind is { } kind)
        {
            query = query.Where(p => p.Kind == kind);
        }
        if (Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }
        if (Partner is { } partner)
        {
            query = query.Where(p => db.Set<ProjectPartner>().Any(pp => pp.ProjectId == p.Id && pp.PartnerId == partner));
        }
        if (!string.IsNullOrWhiteSpace(Country))
        {
            var code = Country.Trim().ToUpperInvariant();
            query = query.Where(p => db.Set<ProjectPartner>().Any(pp => pp.ProjectId == p.Id
                && db.Set<Partner>().Any(x => x.Id == pp.PartnerId && x.CountryCode == code)));
        }
        if (Unit is { } unit)
        {
            query = query.Where(p => p.UnitId == unit);
        }
        if (Year is { } year && year is >= 1900 and <= 2200)
        {
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            query = query.Where(p => p.StartOn <= last && (p.EndOn == null || p.EndOn >= first));
        }
        return query.OrderByDescending(p => p.StartOn).ThenBy(p => p.TitleEn).ThenBy(p => p.Id);
    }

    /// <summary>The query string of these filters, with another page if given.</summary>
    public string Query(int? page = null) => Platform.Web.ListQuery.Of(
        (nameof(Q), Q),
        (nameof(Kind), Kind),
        (nameof(Status), Status),
        (nameof(Partner), Partner),
        (nameof(Country), Country),
        (nameof(Unit), Unit),
        (nameof(Year), Year),
        ("PageNo", page));
}
