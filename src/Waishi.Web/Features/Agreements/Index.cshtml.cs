using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;

namespace Waishi.Web.Features.Agreements;

/// <summary>The agreements with filters, search, paging and export.</summary>
public sealed class IndexModel(AppDbContext db, AgreementWriter writer, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public AgreementFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public sealed record Row(Agreement Agreement, IReadOnlyList<PartnerChoice> Parties);

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<PartnerChoice> Partners { get; private set; } = [];
    public List<string> Countries { get; private set; } = [];
    public List<OrgUnit> Units { get; private set; } = [];
    public List<UserChoice> Officers { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var query = Filter.Apply(db);
        Total = await query.CountAsync(ct);
        PageNo = Math.Clamp(PageNo, 1, PageCount);
        Rows = await RowsAsync(query.Skip((PageNo - 1) * PageSize).Take(PageSize), ct);
        var partyIds = db.Set<AgreementParty>().Select(p => p.PartnerId);
        Partners = await db.Set<Partner>().Where(p => partyIds.Contains(p.Id)).OrderBy(p => p.NameEn)
            .Select(p => new PartnerChoice(p.Id, p.NameEn, p.NameZh, p.CountryCode, p.Region)).ToListAsync(ct);
        Countries = [.. Partners.Select(p => p.CountryCode).Distinct().Order(StringComparer.Ordinal)];
        Units = await writer.UnitChoicesAsync(ct);
        Officers = await writer.OfficerChoicesAsync(ct);
    }

    private async Task<List<Row>> RowsAsync(IQueryable<Agreement> query, CancellationToken ct)
    {
        var agreements = await query.ToListAsync(ct);
        var ids = agreements.Select(a => a.Id).ToList();
        var parties = await db.Set<AgreementParty>().Where(p => ids.Contains(p.AgreementId))
            .Join(db.Set<Partner>(), party => party.PartnerId, p => p.Id,
                (party, p) => new { party.AgreementId, party.SortOrder, Choice = new PartnerChoice(p.Id, p.NameEn, p.NameZh, p.CountryCode, p.Region) })
            .ToListAsync(ct);
        var byAgreement = parties.GroupBy(p => p.AgreementId).ToDictionary(g => g.Key, g => (IReadOnlyList<PartnerChoice>)[.. g.OrderBy(p => p.SortOrder).Select(p => p.Choice)]);
        return [.. agreements.Select(a => new Row(a, byAgreement.GetValueOrDefault(a.Id) ?? []))];
    }

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var ct = HttpContext.RequestAborted;
        var rows = await RowsAsync(Filter.Apply(db), ct);
        var units = (await writer.UnitChoicesAsync(ct)).ToDictionary(u => u.Id, u => u.NameEn);
        var officers = (await writer.OfficerChoicesAsync(ct)).ToDictionary(u => u.Id, u => u.DisplayName);
        var table = new ExportTable(
            [t["Number"], t["Title"], t["Type"], t["State"], t["Partners"], t["Countries"], t["Signing unit"], t["Responsible officer"],
             t["Signed on"], t["Effective from"], t["Expires on"], t["Auto-renewal"], t["Dormant"]],
            [.. rows.Select(r => (IReadOnlyList<string?>)
            [
                r.Agreement.Number, r.Agreement.Title, t[AgreementLabels.Of(r.Agreement.Type)], t[AgreementLabels.Of(r.Agreement.State)],
                string.Join("; ", r.Parties.Select(p => p.NameEn)), string.Join(", ", r.Parties.Select(p => p.CountryCode).Distinct()),
                r.Agreement.SigningUnitId is { } u ? units.GetValueOrDefault(u) : null,
                r.Agreement.OfficerUserId is { } o ? officers.GetValueOrDefault(o) : null,
                Date(r.Agreement.SignedOn), Date(r.Agreement.EffectiveOn), Date(r.Agreement.ExpiresOn),
                r.Agreement.AutoRenew ? t["Yes"] : t["No"], r.Agreement.Dormant ? t["Yes"] : t["No"],
            ])]);
        return ListExport.File(table, format, "agreements");
    }

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
