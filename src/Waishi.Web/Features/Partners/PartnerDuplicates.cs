using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Partners;

/// <summary>A partner that may be the same institution, and why.</summary>
public sealed record PossibleDuplicate(Guid Id, string NameEn, string? NameZh, string CountryCode, string Reason, string? MatchedName);

/// <summary>
/// Finds partners of the tenant that may be the one being entered: the same ROR id or EWP HEI id, or a name
/// (any of English, Chinese, local, acronyms, former names) equal after <see cref="NameNormaliser"/>.
/// </summary>
public static class PartnerDuplicates
{
    public const string SameRorId = "same ROR id";
    public const string SameName = "same name";
    public const string SameHeiId = "same HEI id";

    public static async Task<List<PossibleDuplicate>> FindAsync(AppDbContext db, Partner candidate, CancellationToken ct)
    {
        candidate.Index();
        var names = candidate.SearchText.Split('|', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        // A tenant has a few hundred partners: comparing their name keys in memory is simpler than LIKE per name.
        var others = await db.Set<Partner>().AsNoTracking().Where(p => p.Id != candidate.Id)
            .Select(p => new { p.Id, p.NameEn, p.NameZh, p.CountryCode, p.RorId, p.EwpHeiId, p.SearchText }).ToListAsync(ct);
        var result = new List<PossibleDuplicate>();
        foreach (var o in others)
        {
            if (candidate.RorId is not null && o.RorId == candidate.RorId)
            {
                result.Add(new PossibleDuplicate(o.Id, o.NameEn, o.NameZh, o.CountryCode, SameRorId, candidate.RorId));
                continue;
            }
            if (candidate.EwpHeiId is not null && string.Equals(o.EwpHeiId, candidate.EwpHeiId, StringComparison.OrdinalIgnoreCase))
            {
                result.Add(new PossibleDuplicate(o.Id, o.NameEn, o.NameZh, o.CountryCode, SameHeiId, candidate.EwpHeiId));
                continue;
            }
            var match = o.SearchText.Split('|', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(names.Contains);
            if (match is not null)
            {
                result.Add(new PossibleDuplicate(o.Id, o.NameEn, o.NameZh, o.CountryCode, SameName, match));
            }
        }
        return result;
    }
}
