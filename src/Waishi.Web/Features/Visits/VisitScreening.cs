using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.DueDiligence.Reviews;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.Visits;

/// <summary>
/// Screens the organisations of a visit's delegation with the due-diligence engine, as subject
/// "visit", when the visit is saved and when it is submitted; an open or true-match hit brings the security
/// officer's step into the chain (<c>CaseFacts.ScreeningHit</c>).
/// </summary>
public interface IVisitScreening
{
    Task<bool> ScreenAsync(Visit visit, CancellationToken ct);
}

/// <summary>
/// The organisations are screened together, with the members' nationality as the country when they
/// all share one (a mixed delegation is screened without a country: no acronym matches, but no
/// name is discounted for a country either). The reviews are saved in a scope of their own, so
/// that nothing the caller has pending is saved with them.
/// </summary>
public sealed class VisitScreening(IServiceScopeFactory scopes, TenantContext tenant, Actor actor) : IVisitScreening
{
    public const string SubjectType = ScreeningSubjects.Visit;

    public async Task<bool> ScreenAsync(Visit visit, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<TenantContext>().Set(visit.TenantId, tenant.Kind ?? TenantKind.Institution);
        sp.GetRequiredService<Actor>().Set(actor.UserId, actor.Name);
        await sp.GetRequiredService<Screener>().ScreenAsync(SubjectType, visit.Id, Names(visit), Country(visit), ct);
        // A true match keeps the security step as an open hit does (ADR 0010).
        var db = sp.GetRequiredService<AppDbContext>();
        return await ScreeningCases.Hits(db, SubjectType).AnyAsync(r => r.SubjectId == visit.Id, ct);
    }

    /// <summary>The organisations of the delegation.</summary>
    public static List<string> Names(Visit visit) =>
        [.. visit.Members.Where(m => !string.IsNullOrWhiteSpace(m.Organisation)).Select(m => m.Organisation)];

    /// <summary>The members' nationality when all the members with an organisation share one.</summary>
    public static string? Country(Visit visit)
    {
        var countries = visit.Members.Where(m => !string.IsNullOrWhiteSpace(m.Organisation))
            .Select(m => m.Nationality).Where(c => c.Length == 2).Distinct().ToList();
        return countries.Count == 1 ? countries[0] : null;
    }
}
