using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.DueDiligence.Reviews;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.Conferences;

/// <summary>
/// Screens the foreign co-organisers of a conference with the due-diligence engine, as subject
/// "conference", when the application is saved and when it is submitted; an open or true-match hit
/// brings the security officer's step into the chain (<c>CaseFacts.ScreeningHit</c>).
/// </summary>
public interface IConferenceScreening
{
    Task<bool> ScreenAsync(Conference conference, CancellationToken ct);
}

/// <summary>
/// A co-organiser linked to a partner is screened under all the partner's names, one typed in under
/// its name. The co-organisers are screened together, with the partners' country when every
/// co-organiser is a partner of one and the same country (a typed name or mixed countries are
/// screened without one: no acronym matches, but no name is discounted for a country either). The
/// reviews are saved in a scope of their own, so that nothing the caller has pending is saved with them.
/// </summary>
public sealed class ConferenceScreening(IServiceScopeFactory scopes, TenantContext tenant, Actor actor) : IConferenceScreening
{
    public const string SubjectType = ScreeningSubjects.Conference;

    public async Task<bool> ScreenAsync(Conference conference, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<TenantContext>().Set(conference.TenantId, tenant.Kind ?? TenantKind.Institution);
        sp.GetRequiredService<Actor>().Set(actor.UserId, actor.Name);
        var db = sp.GetRequiredService<AppDbContext>();
        var (names, country) = await SubjectAsync(db, conference, ct);
        await sp.GetRequiredService<Screener>().ScreenAsync(SubjectType, conference.Id, names, country, ct);
        // A true match keeps the security step as an open hit does (ADR 0010).
        return await ScreeningCases.Hits(db, SubjectType).AnyAsync(r => r.SubjectId == conference.Id, ct);
    }

    /// <summary>The names to screen (the linked partners' names, or the typed names) and the country
    /// when all the co-organisers are partners of one country.</summary>
    public static async Task<(List<string> Names, string? Country)> SubjectAsync(AppDbContext db, Conference conference, CancellationToken ct)
    {
        var rows = conference.CoOrganisers.Where(o => o.PartnerId is not null || !string.IsNullOrWhiteSpace(o.Name)).ToList();
        var ids = rows.Where(o => o.PartnerId is not null).Select(o => o.PartnerId!.Value).Distinct().ToList();
        var partners = ids.Count == 0 ? [] : await db.Set<Partner>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        var names = new List<string>();
        var countries = new List<string?>();
        foreach (var row in rows)
        {
            var partner = partners.FirstOrDefault(p => p.Id == row.PartnerId);
            if (partner is not null)
            {
                names.AddRange(partner.AllNames());
                countries.Add(partner.CountryCode.Length == 2 ? partner.CountryCode : null);
            }
            else if (!string.IsNullOrWhiteSpace(row.Name))
            {
                names.Add(row.Name.Trim());
                countries.Add(null);
            }
        }
        var distinct = countries.Distinct().ToList();
        return ([.. names.Distinct()], distinct.Count == 1 ? distinct[0] : null);
    }
}
