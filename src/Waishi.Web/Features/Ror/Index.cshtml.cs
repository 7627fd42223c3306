using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Ror;

/// <summary>Search of the city's ROR registry; the sections add a result as a partner.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNo { get; set; } = 1;

    public List<RorOrganisation> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    /// <summary>ROR ids the tenant already has as partners.</summary>
    public HashSet<string> Partners { get; private set; } = [];
    public bool AddsPartners => User.HasAnyRole(Roles.OfficerGlobal, Roles.OfficerHmt, Roles.Director);

    public static readonly string[] Types = ["education", "facility", "funder", "healthcare", "company", "government", "nonprofit", "archive", "other"];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var query = RorApi.Search(db, Q, Country, Type, null);
        // Counting a large registry for an empty search is not worth it: the first pages are enough.
        Total = await query.Take(PageSize * 40).CountAsync(ct);
        PageNo = Math.Clamp(PageNo, 1, PageCount);
        Rows = await query.Skip((PageNo - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var ids = Rows.Select(r => r.RorId).ToList();
        Partners = [.. await db.Set<Partner>().Where(p => p.RorId != null && ids.Contains(p.RorId)).Select(p => p.RorId!).ToListAsync(ct)];
    }

    public string Query(int page) =>
        string.Join("&", new[] { ("Q", Q), ("Country", Country), ("Type", Type), ("PageNo", page.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
            .Where(x => !string.IsNullOrEmpty(x.Item2)).Select(x => $"{x.Item1}={Uri.EscapeDataString(x.Item2!)}"));
}
