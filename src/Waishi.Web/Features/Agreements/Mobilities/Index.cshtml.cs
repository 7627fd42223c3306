using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Localization;
using Waishi.Web.Platform.Web;

namespace Waishi.Web.Features.Agreements.Mobilities;

/// <summary>The mobilities recorded against agreements: all of them, or one agreement's with its
/// quota use; filters, search by name, paging and export.</summary>
[Authorize(Policy = Policies.Partners)]
public sealed class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public MobilityFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    /// <summary>The agreement the list is limited to, if any.</summary>
    public Agreement? Agreement { get; private set; }
    public List<MobilityRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool CanRecord => User.HasAnyRole(Roles.OfficerGlobal, Roles.OfficerHmt, Roles.Director);

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (Filter.AgreementId is { } id && (Agreement = await db.Set<Agreement>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct)) is null)
        {
            return NotFound();
        }
        Total = await Filter.Apply(db.Set<AgreementMobility>()).CountAsync(ct);
        PageNo = Math.Clamp(PageNo, 1, PageCount);
        Rows = await Filter.RowsAsync(db, (PageNo - 1) * PageSize, PageSize, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var rows = await Filter.RowsAsync(db, 0, int.MaxValue, HttpContext.RequestAborted);
        var chinese = LocalizationSetup.IsChinese;
        var table = new ExportTable(
            [t["Agreement"], t["Partner"], t["Direction"], t["Kind of mobility"], t["Academic year"], t["Name"], t["Start date"], t["End date"], t["Notes"]],
            [.. rows.Select(r => (IReadOnlyList<string?>)
            [
                r.AgreementNumber is null ? r.AgreementTitle : $"{r.AgreementNumber} {r.AgreementTitle}", r.PartnerName(chinese),
                t[AgreementLabels.Of(r.Mobility.Direction)], t[AgreementLabels.Of(r.Mobility.Kind)], AgreementQuota.AcademicYear(r.Mobility.Year),
                r.Mobility.PersonName, r.Mobility.StartOn is { } s ? Format.Date(s) : null, r.Mobility.EndOn is { } e ? Format.Date(e) : null, r.Mobility.Notes,
            ])]);
        return ListExport.File(table, format, "agreement-mobilities");
    }

    public string Query(int? page = null) =>
        ListQuery.Of(("Filter.AgreementId", Filter.AgreementId), ("Filter.Direction", Filter.Direction), ("Filter.Kind", Filter.Kind),
            ("Filter.Year", Filter.Year), ("Filter.Q", Filter.Q), ("PageNo", page));
}
