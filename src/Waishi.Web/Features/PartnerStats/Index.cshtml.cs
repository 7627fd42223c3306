using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Localization;
using Waishi.Web.Platform.Tenancy;
using Waishi.Web.Platform.Web;

namespace Waishi.Web.Features.PartnerStats;

/// <summary>
/// Partners and agreements in force by country and continent, as tables (the page works without
/// scripts) and a world map. An institution sees its own; the authority sees the city as counts per
/// institution and per country.
/// </summary>
public sealed class IndexModel(AppDbContext db, TenantContext tenant, StatisticsCache cache, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public StatsFilter Filter { get; set; } = new();

    public StatsResult Result { get; private set; } = null!;

    public bool City => tenant.IsAuthority;

    /// <summary>Institution names by tenant id (the authority's view only).</summary>
    public Dictionary<string, string> Institutions { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (City)
        {
            Result = await PartnerStatistics.ForCityAsync(db, tenant, Filter, ct, cache);
            using var _ = tenant.AsSystem();
            var chinese = LocalizationSetup.IsChinese;
            Institutions = (await db.Set<Tenant>().AsNoTracking().Where(x => x.Kind == TenantKind.Institution)
                .Select(x => new { x.Id, x.NameEn, x.NameZh }).ToListAsync(ct))
                .ToDictionary(x => x.Id.ToString(), x => chinese ? x.NameZh : x.NameEn);
        }
        else
        {
            Result = await PartnerStatistics.ForTenantAsync(db, Filter, ct, cache);
        }
    }

    public string CountryName(string code) => Countries.Name(code, LocalizationSetup.IsChinese);

    public string ContinentName(string key) =>
        Enum.TryParse<Continent>(key, out var continent) ? t[Countries.Label(continent)] : t[Countries.UnknownContinent];

    public string InstitutionName(string key) => Institutions.GetValueOrDefault(key, key);

    /// <summary>Every country's name in the reader's language, for the map's tooltips.</summary>
    public static Dictionary<string, string> MapNames() =>
        Countries.All.ToDictionary(c => c.Code, c => c.Name(LocalizationSetup.IsChinese));

    /// <summary>Partners per country code, for the map.</summary>
    public Dictionary<string, int> MapValues => Result.ByCountry.ToDictionary(l => l.Key, l => l.Partners);

    /// <summary>The table named by <paramref name="by"/> ("country", "continent" or, for the city, "institution") as CSV or Excel.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, string? by)
    {
        await LoadAsync();
        var (title, lines, name) = by switch
        {
            "continent" => (t["Continent"].Value, Result.ByContinent, (Func<string, string>)ContinentName),
            "institution" when City => (t["Institution"].Value, Result.ByInstitution, InstitutionName),
            _ => (t["Country or region"].Value, Result.ByCountry, CountryName),
        };
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        var code = by is null or "country";
        var headers = new List<string>();
        if (code)
        {
            headers.Add(t["Code"]);
        }
        headers.AddRange([title, t["Partners"], t["Countries"], t["Agreements in force"], t["Share of partners (%)"]]);
        var rows = lines.Select(l => (IReadOnlyList<string?>)[.. code ? [l.Key] : Array.Empty<string?>(), name(l.Key), N(l.Partners), N(l.Countries),
            N(l.Agreements), l.Share.ToString("0.0", CultureInfo.InvariantCulture)]).ToList();
        rows.Add([.. code ? [""] : Array.Empty<string?>(), t["Total"], N(Result.Partners), N(Result.Countries), N(Result.Agreements), Result.Partners == 0 ? "0.0" : "100.0"]);
        return ListExport.File(new ExportTable(headers, rows), format, "partner-statistics-" + (by is "continent" or "institution" ? by : "country"));
    }

    public string Query(params (string Key, object? Value)[] extra) =>
        ListQuery.Of([("Region", Filter.Region), ("PartnerType", Filter.PartnerType), ("AgreementType", Filter.AgreementType), .. extra]);
}
