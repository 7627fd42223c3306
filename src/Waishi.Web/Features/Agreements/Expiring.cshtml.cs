using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Partners;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Localization;
using Waishi.Web.Platform.Web;

namespace Waishi.Web.Features.Agreements;

/// <summary>One agreement on the expiring page.</summary>
public sealed record ExpiringRow(Guid Id, string? Number, string Title, AgreementType Type, AgreementState State, DateOnly ExpiresOn, int DaysLeft,
    bool AutoRenew, bool Dormant, string? Officer, string? Unit, IReadOnlyList<string> Partners);

/// <summary>Agreements in force that expire within the next months (6 by default, 1 to 24), the
/// soonest first, with filters by type, officer and signing unit, paging and export.</summary>
[Authorize(Policy = Policies.Partners)]
public sealed class ExpiringModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 50;
    public const int DefaultMonths = 6;

    [BindProperty(SupportsGet = true)]
    public int? Months { get; set; }

    [BindProperty(SupportsGet = true)]
    public AgreementType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Officer { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public int Within => Months is >= 1 and <= 24 ? Months.Value : DefaultMonths;
    public DateOnly Today { get; private set; }
    public DateOnly Until => Today.AddMonths(Within);
    public List<ExpiringRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<(Guid Id, string Name)> Officers { get; private set; } = [];
    public List<(Guid Id, string Name)> Units { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (Months is not null && Months != Within)
        {
            ModelState.AddModelError(nameof(Months), t["Choose from {0} to {1} months; the list shows {2}.", 1, 24, DefaultMonths]);
        }
        Today = TripsSetup.Today(clock);
        var query = Filtered();
        Total = await query.CountAsync(ct);
        PageNo = Math.Clamp(PageNo, 1, PageCount);
        Rows = await RowsAsync(query.Skip((PageNo - 1) * PageSize).Take(PageSize), ct);
        var chinese = LocalizationSetup.IsChinese;
        var officerIds = await db.Set<Agreement>().Where(a => a.OfficerUserId != null).Select(a => a.OfficerUserId!.Value).Distinct().ToListAsync(ct);
        Officers = [.. (await db.Users.Where(u => officerIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).Select(u => (u.Id, u.DisplayName))];
        var unitIds = await db.Set<Agreement>().Where(a => a.SigningUnitId != null).Select(a => a.SigningUnitId!.Value).Distinct().ToListAsync(ct);
        Units = [.. (await db.Set<OrgUnit>().Where(u => unitIds.Contains(u.Id)).OrderBy(u => u.SortOrder).ThenBy(u => u.Code).ToListAsync(ct))
            .Select(u => (u.Id, u.Name(chinese)))];
    }

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        Today = TripsSetup.Today(clock);
        var rows = await RowsAsync(Filtered(), HttpContext.RequestAborted);
        var table = new ExportTable(
            [t["Number"], t["Title"], t["Type"], t["Partners"], t["Expires on"], t["Days left"], t["Auto-renewal"], t["Responsible officer"], t["Signing unit"], t["State"]],
            [.. rows.Select(r => (IReadOnlyList<string?>)
            [
                r.Number, r.Title, t[AgreementLabels.Of(r.Type)], string.Join("; ", r.Partners), Format.Date(r.ExpiresOn),
                r.DaysLeft.ToString(System.Globalization.CultureInfo.InvariantCulture), r.AutoRenew ? t["Yes"] : t["No"], r.Officer, r.Unit,
                t[AgreementLabels.Of(r.State)],
            ])]);
        return ListExport.File(table, format, "expiring-agreements");
    }

    public string Query(int? page = null) =>
        ListQuery.Of(("Months", Months), ("Type", Type), ("Officer", Officer), ("Unit", Unit), ("Q", Q), ("PageNo", page));

    private IQueryable<Agreement> Filtered()
    {
        var until = Until;
        var today = Today;
        var query = db.Set<Agreement>().AsNoTracking()
            .Where(a => (a.State == AgreementState.Active || a.State == AgreementState.Expiring)
                && a.ExpiresOn != null && a.ExpiresOn >= today && a.ExpiresOn <= until);
        if (Type is { } type)
        {
            query = query.Where(a => a.Type == type);
        }
        if (Officer is { } officer)
        {
            query = query.Where(a => a.OfficerUserId == officer);
        }
        if (Unit is { } unit)
        {
            query = query.Where(a => a.SigningUnitId == unit);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            query = query.Where(a => a.Title.ToLower().Contains(q) || (a.Number != null && a.Number.ToLower().Contains(q))
                || db.Set<AgreementParty>().Any(p => p.AgreementId == a.Id && db.Set<Partner>().Any(x => x.Id == p.PartnerId
                    && (x.NameEn.ToLower().Contains(q) || (x.NameZh != null && x.NameZh.Contains(q))))));
        }
        return query.OrderBy(a => a.ExpiresOn).ThenBy(a => a.Number).ThenBy(a => a.Id);
    }

    private async Task<List<ExpiringRow>> RowsAsync(IQueryable<Agreement> query, CancellationToken ct)
    {
        var agreements = await query.ToListAsync(ct);
        var ids = agreements.Select(a => a.Id).ToList();
        var chinese = LocalizationSetup.IsChinese;
        var parties = (await db.Set<AgreementParty>().AsNoTracking().Where(p => ids.Contains(p.AgreementId))
                .Join(db.Set<Partner>(), p => p.PartnerId, x => x.Id, (p, x) => new { p.AgreementId, p.SortOrder, x.NameEn, x.NameZh })
                .ToListAsync(ct))
            .OrderBy(p => p.SortOrder).ToLookup(p => p.AgreementId, p => chinese && !string.IsNullOrWhiteSpace(p.NameZh) ? p.NameZh! : p.NameEn);
        var officerIds = agreements.Where(a => a.OfficerUserId != null).Select(a => a.OfficerUserId!.Value).Distinct().ToList();
        var officers = await db.Users.AsNoTracking().Where(u => officerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var unitIds = agreements.Where(a => a.SigningUnitId != null).Select(a => a.SigningUnitId!.Value).Distinct().ToList();
        var units = await db.Set<OrgUnit>().AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name(chinese), ct);
        return [.. agreements.Select(a => new ExpiringRow(a.Id, a.Number, a.Title, a.Type, a.State, a.ExpiresOn!.Value,
            a.ExpiresOn.Value.DayNumber - Today.DayNumber, a.AutoRenew, a.Dormant,
            a.OfficerUserId is { } o ? officers.GetValueOrDefault(o) : null, a.SigningUnitId is { } u ? units.GetValueOrDefault(u) : null,
            [.. parties[a.Id]]))];
    }
}
