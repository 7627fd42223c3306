using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.DueDiligence.Profiles;
using Waishi.Web.Features.DueDiligence.Screening;
using Waishi.Web.Features.DueDiligence.Watchlists;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence;

/// <summary>
/// What the current tenant screens against: every profile (all its names, Chinese ones tagged "zh")
/// and every entry of the current version of each watchlist, with its validity dates.
/// </summary>
public static class ScreeningEntries
{
    public static async Task<IReadOnlyList<ScreeningEntry>> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var result = new List<ScreeningEntry>();
        var profiles = await db.Set<InstitutionProfile>().AsNoTracking()
            .Select(p => new { p.Id, p.NameEn, p.NameZh, p.Aliases, p.CountryCode }).ToListAsync(ct);
        foreach (var p in profiles)
        {
            var names = new[] { p.NameEn, p.NameZh }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim())
                .Concat(InstitutionProfile.Lines(p.Aliases))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(Name).ToList();
            result.Add(new ScreeningEntry(ScreeningSourceKind.Profile, p.Id, p.NameEn, names, p.CountryCode));
        }

        var lists = await db.Set<Watchlist>().AsNoTracking().Where(w => w.CurrentVersionId != null)
            .Select(w => new { w.CurrentVersionId, w.Name }).ToListAsync(ct);
        foreach (var list in lists)
        {
            var entries = await db.Set<WatchlistEntry>().AsNoTracking().Where(e => e.VersionId == list.CurrentVersionId)
                .Select(e => new { e.Id, e.Name, e.Aliases, e.CountryCode, e.StartOn, e.EndOn }).ToListAsync(ct);
            foreach (var e in entries)
            {
                var names = new[] { e.Name }.Concat(InstitutionProfile.Lines(e.Aliases))
                    .Distinct(StringComparer.OrdinalIgnoreCase).Select(Name).ToList();
                result.Add(new ScreeningEntry(ScreeningSourceKind.WatchlistEntry, e.Id, e.Name, names, e.CountryCode, e.StartOn, e.EndOn, list.Name));
            }
        }
        return result;
    }

    /// <summary>The stamp the loaded entries belong to; an index built at an older stamp is stale.</summary>
    public static Task<long> StampAsync(AppDbContext db, CancellationToken ct) => DueDiligenceStamps.CurrentAsync(db, ct);

    private static ScreeningName Name(string text) => new(text, HasCjk(text) ? "zh" : null, IsAcronym(text));

    public static bool HasCjk(string text) => text.Any(c => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff');

    private static bool IsAcronym(string text) =>
        text.Length is >= 2 and <= 10 && !text.Contains(' ') && text.Count(char.IsUpper) >= 2 && text.All(c => char.IsUpper(c) || char.IsDigit(c) || c is '-' or '&');
}
