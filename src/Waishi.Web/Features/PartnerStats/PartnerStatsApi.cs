using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.PartnerStats;

/// <summary>/api/v1/partner-statistics: the statistics page's figures; the authority gets the city's.</summary>
public static class PartnerStatsApi
{
    public sealed record LineDto(string Key, string NameEn, string NameZh, int Partners, int Countries, int AgreementsInForce, decimal Share);

    public sealed record StatisticsDto(int Partners, int Countries, int AgreementsInForce, IReadOnlyList<LineDto> ByCountry,
        IReadOnlyList<LineDto> ByContinent, IReadOnlyList<LineDto> ByInstitution);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGroup("/partner-statistics").WithTags("Partners").RequireAuthorization(Policies.PartnerStatistics)
            .MapGet("/", GetAsync).WithName("GetPartnerStatistics").Produces<StatisticsDto>().ProducesValidationProblem()
            .WithSummary("Partners and agreements in force by country, continent and (for the authority) institution; filters region, partnerType, agreementType.");

    private static async Task<IResult> GetAsync(HttpRequest request, AppDbContext db, TenantContext tenant, StatisticsCache cache, ApiProblems problems,
        CancellationToken ct)
    {
        var query = new ApiQuery(request);
        var filter = new StatsFilter
        {
            Region = query.Choice<PartnerRegion>("region"), PartnerType = query.Choice<PartnerType>("partnerType"),
            AgreementType = query.Choice<AgreementType>("agreementType"),
        };
        if (query.Errors.Count > 0)
        {
            return problems.Validation(query.Errors);
        }
        var result = tenant.IsAuthority
            ? await PartnerStatistics.ForCityAsync(db, tenant, filter, ct, cache)
            : await PartnerStatistics.ForTenantAsync(db, filter, ct, cache);
        var institutions = new Dictionary<string, (string En, string Zh)>();
        if (tenant.IsAuthority)
        {
            using var _ = tenant.AsSystem();
            institutions = (await db.Set<Tenant>().AsNoTracking().Where(t => t.Kind == TenantKind.Institution)
                .Select(t => new { t.Id, t.NameEn, t.NameZh }).ToListAsync(ct)).ToDictionary(t => t.Id.ToString(), t => (t.NameEn, t.NameZh));
        }
        LineDto Line(StatsLine l, string en, string zh) => new(l.Key, en, zh, l.Partners, l.Countries, l.Agreements, l.Share);
        return TypedResults.Ok(new StatisticsDto(result.Partners, result.Countries, result.Agreements,
            [.. result.ByCountry.Select(l => Line(l, Countries.Name(l.Key, false), Countries.Name(l.Key, true)))],
            [.. result.ByContinent.Select(l => Enum.TryParse<Continent>(l.Key, out var c)
                ? Line(l, Countries.Label(c), ContinentZh(c)) : Line(l, Countries.UnknownContinent, "未知大洲"))],
            [.. result.ByInstitution.Select(l => institutions.TryGetValue(l.Key, out var n) ? Line(l, n.En, n.Zh) : Line(l, l.Key, l.Key))]));
    }

    /// <summary>The Chinese continent names, for API clients that show both languages.</summary>
    private static string ContinentZh(Continent c) => c switch
    {
        Continent.Africa => "非洲",
        Continent.Antarctica => "南极洲",
        Continent.Asia => "亚洲",
        Continent.Europe => "欧洲",
        Continent.NorthAmerica => "北美洲",
        Continent.Oceania => "大洋洲",
        Continent.SouthAmerica => "南美洲",
        _ => c.ToString(),
    };
}
