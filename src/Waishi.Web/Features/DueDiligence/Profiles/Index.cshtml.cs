using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;

namespace Waishi.Web.Features.DueDiligence.Profiles;

/// <summary>The institution risk profiles with filters (any name, risk, category, country, linked, reviewed before), paging and export.</summary>
public sealed class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public ProfileFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public List<InstitutionProfile> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<string> Countries { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var query = Filter.Apply(db);
        Total = await query.CountAsync(ct);
        PageNo = Math.Clamp(PageNo, 1, PageCount);
        Rows = await query.Skip((PageNo - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Countries = await db.Set<InstitutionProfile>().Where(p => p.CountryCode != null).Select(p => p.CountryCode!).Distinct().OrderBy(c => c).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var rows = await Filter.Apply(db).ToListAsync(HttpContext.RequestAborted);
        var table = new ExportTable(
            [t["English name"], t["Chinese name"], t["Other names"], t["Country"], t["City"], t["Risk level"], t["Rationale"], t["Categories"],
             t["Last reviewed"], t["Reviewer"], t["Linked partner"]],
            [.. rows.Select(p => (IReadOnlyList<string?>)
            [
                p.NameEn, p.NameZh, string.Join("; ", InstitutionProfile.Lines(p.Aliases)), p.CountryCode, p.City, t[ProfileLabels.Of(p.RiskLevel)],
                p.RiskRationale, string.Join(", ", ProfileLabels.In(p.Categories).Select(c => t[ProfileLabels.Of(c)].Value)),
                p.LastReviewedOn?.ToString("yyyy-MM-dd"), p.ReviewerName, p.PartnerId is null ? t["No"] : t["Yes"],
            ])]);
        return ListExport.File(table, format, "risk-profiles");
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
        Add("Risk", Filter.Risk?.ToString());
        Add("Category", Filter.Category?.ToString());
        Add("Country", Filter.Country);
        Add("Linked", Filter.Linked?.ToString());
        Add("ReviewedBefore", Filter.ReviewedBefore?.ToString("yyyy-MM-dd"));
        if (page is { } p)
        {
            Add("PageNo", p.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return string.Join("&", parts);
    }
}
