using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Agreements;

/// <summary>
/// Who keeps which agreements. Directors keep all of them; global relations officers keep those
/// with a foreign partner, HMT officers those with a partner in Hong Kong, Macao or Taiwan (an
/// agreement with both kinds of party is kept by both; one without parties yet by either). Every
/// office role and auditors read them (the folder's policy).
/// </summary>
public static class AgreementAccess
{
    public static readonly string[] Managers = [Roles.OfficerGlobal, Roles.OfficerHmt, Roles.Director];

    public const string NotYoursMessage =
        "Agreements with partners in Hong Kong, Macao and Taiwan are kept by the HMT officers, the others by the global relations officers: ask a colleague of that section or the director.";

    public static bool MayManageAny(ClaimsPrincipal user) => user.HasAnyRole(Managers);

    public static bool MayManage(ClaimsPrincipal user, IReadOnlyCollection<PartnerRegion> regions)
    {
        if (user.HasAnyRole(Roles.Director))
        {
            return true;
        }
        if (regions.Count == 0)
        {
            return MayManageAny(user);
        }
        return (user.HasAnyRole(Roles.OfficerGlobal) && regions.Any(r => r == PartnerRegion.Foreign))
            || (user.HasAnyRole(Roles.OfficerHmt) && regions.Any(r => r != PartnerRegion.Foreign));
    }

    public static async Task<bool> MayManageAsync(AppDbContext db, ClaimsPrincipal user, Guid agreementId, CancellationToken ct)
    {
        if (!MayManageAny(user))
        {
            return false;
        }
        return MayManage(user, await RegionsAsync(db, agreementId, ct));
    }

    public static Task<List<PartnerRegion>> RegionsAsync(AppDbContext db, Guid agreementId, CancellationToken ct) =>
        db.Set<AgreementParty>().Where(p => p.AgreementId == agreementId)
            .Join(db.Set<Partner>(), p => p.PartnerId, p => p.Id, (_, p) => p.Region).Distinct().ToListAsync(ct);
}
