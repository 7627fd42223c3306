using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;

namespace Waishi.Web.Features.Partners;

/// <summary>The partner institutions with filters (country, type, region, any name), paging and export.</summary>
public sealed class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public PartnerFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public List<Partner> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<string> Countries { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var query = Filter.Apply(db);
        Total = await Filter.Matching(db).CountAsync(ct);
        PageNo = Math.Clamp(PageNo, 1, PageCount);
        Rows = await query.Skip((PageNo - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Countries = await db.Set<Partner>().Select(p => p.CountryCode).Distinct().OrderBy(c => c).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var rows = await Filter.Apply(db).ToListAsync(HttpContext.RequestAborted);
        var table = new ExportTable(
            [t["English name"], t["Chinese name"], t["Local name"], t["Acronyms"], t["Country"], t["City"], t["Type"], t["Region"], t["ROR id"], t["Website"]],
            [.. rows.Select(p => (IReadOnlyList<string?>)
            [
                p.NameEn, p.NameZh, p.NameLocal, string.Join("; ", Partner.Lines(p.Acronyms)), p.CountryCode, p.City,
                t[PartnerLabels.Of(p.Type)], t[PartnerLabels.Of(p.Region)], p.RorId, p.Website,
            ])]);
        return ListExport.File(table, format, "partners");
    }

    public string Query(int? page = null)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }
        Add("Q", Filter.Q);
        Add("Country", Filter.Country);
        Add("Type", Filter.Type?.ToString());
        Add("Region", Filter.Region?.ToString());
        if (page is { } p)
        {
            Add("PageNo", p.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return string.Join("&", parts);
    }
}
