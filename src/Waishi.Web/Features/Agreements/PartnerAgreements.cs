using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Agreements;

/// <summary>The agreements a partner is a party to, for its page: newest expiry first.</summary>
public static class PartnerAgreements
{
    public sealed record Row(Guid Id, string? Number, string Title, AgreementType Type, AgreementState State, DateOnly? ExpiresOn);

    public static Task<List<Row>> ForAsync(AppDbContext db, Guid partnerId, CancellationToken ct) =>
        db.Set<Agreement>().AsNoTracking()
            .Where(a => db.Set<AgreementParty>().Any(p => p.AgreementId == a.Id && p.PartnerId == partnerId))
            .OrderByDescending(a => a.ExpiresOn).ThenBy(a => a.Title)
            .Select(a => new Row(a.Id, a.Number, a.Title, a.Type, a.State, a.ExpiresOn))
            .ToListAsync(ct);
}
