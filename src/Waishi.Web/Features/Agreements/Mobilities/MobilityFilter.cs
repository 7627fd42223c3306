using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Ewp;

namespace Waishi.Web.Features.Agreements.Mobilities;

/// <summary>The filters of the mobility list (page, export and API).</summary>
public sealed class MobilityFilter
{
    public Guid? AgreementId { get; set; }
    public Guid? PartnerId { get; set; }
    public MobilityDirection? Direction { get; set; }
    public MobilityKind? Kind { get; set; }
    public int? Year { get; set; }
    /// <summary>Part of the person's name.</summary>
    public string? Q { get; set; }

    public IQueryable<AgreementMobility> Apply(IQueryable<AgreementMobility> query)
    {
        if (AgreementId is { } agreement)
        {
            query = query.Where(m => m.AgreementId == agreement);
        }
        if (PartnerId is { } partner)
        {
            query = query.Where(m => m.PartnerId == partner);
        }
        if (Direction is { } direction)
        {
            query = query.Where(m => m.Direction == direction);
        }
        if (Kind is { } kind)
        {
            query = query.Where(m => m.Kind == kind);
        }
        if (Year is { } year)
        {
            query = query.Where(m => m.Year == year);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            query = query.Where(m => m.PersonName.ToLower().Contains(q));
        }
        return query.OrderByDescending(m => m.Year).ThenBy(m => m.PersonName).ThenBy(m => m.Id);
    }

    /// <summary>The list rows: the mobility with its agreement's number and title and the partner's names.</summary>
    public async Task<List<MobilityRow>> RowsAsync(AppDbContext db, int skip, int take, CancellationToken ct) =>
        await Apply(db.Set<AgreementMobility>().AsNoTracking())
            .Join(db.Set<Agreement>(), m => m.AgreementId, a => a.Id, (m, a) => new { m, a.Number, a.Title })
            .Join(db.Set<Partner>(), x => x.m.PartnerId, p => p.Id, (x, p) => new { x.m, x.Number, x.Title, p.NameEn, p.NameZh })
            .OrderByDescending(x => x.m.Year).ThenBy(x => x.m.PersonName).ThenBy(x => x.m.Id)
            .Skip(skip).Take(take)
            .Select(x => new MobilityRow(x.m, x.Number, x.Title, x.NameEn, x.NameZh))
            .ToListAsync(ct);
}

public sealed record MobilityRow(AgreementMobility Mobility, string? AgreementNumber, string AgreementTitle, string PartnerNameEn, string? PartnerNameZh)
{
    public string PartnerName(bool chinese) => chinese && !string.IsNullOrWhiteSpace(PartnerNameZh) ? PartnerNameZh! : PartnerNameEn;
}
