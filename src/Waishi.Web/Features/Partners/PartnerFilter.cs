using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Partners;

/// <summary>The filters of the partner list, shared by the page, its export and the API.</summary>
public sealed class PartnerFilter
{
    public string? Q { get; set; }
    public string? Country { get; set; }
    public PartnerType? Type { get; set; }
    public PartnerRegion? Region { get; set; }

    /// <summary>The partners that pass the filters, in the list's order (English name).</summary>
    public IQueryable<Partner> Apply(AppDbContext db) => Matching(db).OrderBy(p => p.NameEn).ThenBy(p => p.Id);

    /// <summary>The partners that pass the filters, in no order: for counting.</summary>
    public IQueryable<Partner> Matching(AppDbContext db)
    {
        var query = db.Set<Partner>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Country))
        {
            var country = Country.Trim().ToUpperInvariant();
            query = query.Where(p => p.CountryCode == country);
        }
        if (Type is { } type)
        {
            query = query.Where(p => p.Type == type);
        }
        if (Region is { } region)
        {
            query = query.Where(p => p.Region == region);
        }
        var q = NameNormaliser.Normalise(Q);
        if (q.Length > 0)
        {
            // Search over every name (English, Chinese, local, acronyms, former names), normalised.
            query = query.Where(p => p.SearchText.Contains(q) || (p.City != null && p.City.Contains(Q!.Trim())));
        }
        return query;
    }
}
