using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Agreements.Ewp;

/// <summary>The responsible officer as the IIA names our contact.</summary>
public sealed record IiaOfficer(string Name, string? Email);

/// <summary>Everything an agreement's IIA is made of: the agreement with its parties, signatories
/// and quotas, the partners with their contacts, our HEI id and the responsible officer.</summary>
public sealed record AgreementIiaSource(Agreement Agreement, IReadOnlyList<Partner> Partners, string? OurHeiId, IiaOfficer? Officer)
{
    /// <summary>Loads the agreement of the current tenant (null if there is none with this id).</summary>
    public static async Task<AgreementIiaSource?> LoadAsync(AppDbContext db, Guid agreementId, CancellationToken ct)
    {
        var agreement = await db.Set<Agreement>().AsNoTracking().AsSplitQuery()
            .Include(a => a.Parties).Include(a => a.Signatories).Include(a => a.Quotas)
            .SingleOrDefaultAsync(a => a.Id == agreementId, ct);
        if (agreement is null)
        {
            return null;
        }
        var partnerIds = agreement.Parties.Select(p => p.PartnerId).ToList();
        var partners = await db.Set<Partner>().AsNoTracking().Include(p => p.Contacts)
            .Where(p => partnerIds.Contains(p.Id)).ToListAsync(ct);
        var ordered = agreement.Parties.OrderBy(p => p.SortOrder)
            .Select(party => partners.FirstOrDefault(p => p.Id == party.PartnerId)).OfType<Partner>().ToList();
        var policy = await AgreementPolicy.LoadAsync(db, ct);
        IiaOfficer? officer = null;
        if (agreement.OfficerUserId is { } officerId)
        {
            officer = await db.Users.AsNoTracking().Where(u => u.Id == officerId)
                .Select(u => new IiaOfficer(u.DisplayName, u.Email)).FirstOrDefaultAsync(ct);
        }
        return new AgreementIiaSource(agreement, ordered, string.IsNullOrWhiteSpace(policy.EwpHeiId) ? null : policy.EwpHeiId.Trim(), officer);
    }
}
