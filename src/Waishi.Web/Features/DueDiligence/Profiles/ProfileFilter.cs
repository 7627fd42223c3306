using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence.Profiles;

/// <summary>The filters of the profile list, shared by the page, its export and the API.</summary>
public sealed class ProfileFilter
{
    public string? Q { get; set; }
    public RiskLevel? Risk { get; set; }
    public InstitutionCategory? Category { get; set; }
    public string? Country { get; set; }
    /// <summary>true: linked to a partner; false: not linked.</summary>
    public bool? Linked { get; set; }
    /// <summary>Profiles last reviewed before this date, or never reviewed.</summary>
    public DateOnly? ReviewedBefore { get; set; }

    public IQueryable<InstitutionProfile> Apply(AppDbContext db)
    {
        var query = db.Set<InstitutionProfile>().AsNoTracking();
        if (Risk is { } risk)
        {
            query = query.Where(p => p.RiskLevel == risk);
        }
        if (Category is { } category && category != InstitutionCategory.None)
        {
            query = query.Where(p => (p.Categories & category) == category);
        }
        if (!string.IsNullOrWhiteSpace(Country))
        {
            var country = Country.Trim().ToUpperInvariant();
            query = query.Where(p => p.CountryCode == country);
        }
        if (Linked is { } linked)
        {
            query = linked ? query.Where(p => p.PartnerId != null) : query.Where(p => p.PartnerId == null);
        }
        if (ReviewedBefore is { } before)
        {
            query = query.Where(p => p.LastReviewedOn == null || p.LastReviewedOn < before);
        }
        var q = NameNormaliser.Normalise(Q);
        if (q.Length > 0)
        {
            query = query.Where(p => p.SearchText.Contains(q));
        }
        return query.OrderBy(p => p.NameEn).ThenBy(p => p.Id);
    }
}
