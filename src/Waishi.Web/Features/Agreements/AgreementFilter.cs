using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Agreements;

/// <summary>The filters of the agreement list, shared by the page, its export and the API.</summary>
public sealed class AgreementFilter
{
    /// <summary>Title, number or any name of a party.</summary>
    public string? Q { get; set; }
    public AgreementState? State { get; set; }
    public AgreementType? Type { get; set; }
    public Guid? Partner { get; set; }
    public string? Country { get; set; }
    public Guid? Unit { get; set; }
    public Guid? Officer { get; set; }
    public bool Dormant { get; set; }
    /// <summary>Expiring on or before this date (agreements with an expiry date only).</summary>
    public DateOnly? ExpiresBefore { get; set; }

    public IQueryable<Agreement> Apply(AppDbContext db)
    {
        var query = db.Set<Agreement>().AsNoTracking();
        if (State is { } state)
        {
            query = query.Where(a => a.State == state);
        }
        if (Type is { } type)
        {
            query = query.Where(a => a.Type == type);
        }
        if (Partner is { } partner)
        {
            query = query.Where(a => db.Set<AgreementParty>().Any(p => p.AgreementId == a.Id && p.PartnerId == partner));
        }
        if (!string.IsNullOrWhiteSpace(Country))
        {
            var country = Country.Trim().ToUpperInvariant();
            var inCountry = db.Set<AgreementParty>().Join(db.Set<Partner>(), p => p.PartnerId, p => p.Id, (party, p) => new { party.AgreementId, p.CountryCode })
                .Where(x => x.CountryCode == country).Select(x => x.AgreementId);
            query = query.Where(a => inCountry.Contains(a.Id));
        }
        if (Unit is { } unit)
        {
            query = query.Where(a => a.SigningUnitId == unit);
        }
        if (Officer is { } officer)
        {
            query = query.Where(a => a.OfficerUserId == officer);
        }
        if (Dormant)
        {
            query = query.Where(a => a.Dormant);
        }
        if (ExpiresBefore is { } before)
        {
            query = query.Where(a => a.ExpiresOn != null && a.ExpiresOn <= before);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim().ToLower();
            var name = NameNormaliser.Normalise(Q);
            var named = db.Set<AgreementParty>().Join(db.Set<Partner>(), p => p.PartnerId, p => p.Id, (party, p) => new { party.AgreementId, p.SearchText })
                .Where(x => name.Length > 0 && x.SearchText.Contains(name)).Select(x => x.AgreementId);
            query = query.Where(a => a.Title.ToLower().Contains(text) || (a.Number != null && a.Number.ToLower().Contains(text)) || named.Contains(a.Id));
        }
        return query.OrderBy(a => a.ExpiresOn == null).ThenBy(a => a.ExpiresOn).ThenBy(a => a.Title).ThenBy(a => a.Id);
    }

    public string Query(int? page = null) => Platform.Web.ListQuery.Of(
        ("Q", Q), ("State", State), ("Type", Type), ("Partner", Partner), ("Country", Country), ("Unit", Unit), ("Officer", Officer),
        ("Dormant", Dormant), ("ExpiresBefore", ExpiresBefore), ("PageNo", page));
}
