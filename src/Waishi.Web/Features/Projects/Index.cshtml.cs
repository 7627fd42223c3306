using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Localization;

namespace Waishi.Web.Features.Projects;

/// <summary>The cooperation projects with filters (kind, status, partner, country, unit, year), search, paging and export.</summary>
public sealed class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(CooperationProject Project, string Partners, string Unit);

    [BindProperty(SupportsGet = true)]
    public ProjectFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<UnitNode> Units { get; private set; } = [];
    public List<(Guid Id, string Name)> PartnerChoices { get; private set; } = [];
    public List<string> Countries { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var query = Filter.Apply(db);
        Total = await query.CountAsync(ct);
        PageNo = Math.Clamp(PageNo, 1, PageCount);
        Rows = await RowsAsync(query.Skip((PageNo - 1) * PageSize).Take(PageSize), ct);
        Units = await UnitTree.LoadAsync(db, ct);
        // Only partners that have projects are worth offering as a filter.
        var chinese = LocalizationSetup.IsChinese;
        var partners = await db.Set<Partner>().AsNoTracking()
            .Where(p => db.Set<ProjectPartner>().Any(pp => pp.PartnerId == p.Id))
            .OrderBy(p => p.NameEn).ToListAsync(ct);
        PartnerChoices = [.. partners.Select(p => (p.Id, p.DisplayName(chinese)))];
        Countries = [.. partners.Select(p => p.CountryCode).Distinct().Order(StringComparer.Ordinal)];
    }

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var rows = await RowsAsync(Filter.Apply(db), HttpContext.RequestAborted);
        var table = new ExportTable(
            [t["Title"], t["Chinese title"], t["Kind"], t["Status"], t["Partners"], t["Our unit"], t["Start date"], t["End date"],
             t["Funding source"], t["Amount"], t["Currency"]],
            [.. rows.Select(r => (IReadOnlyList<string?>)
            [
                r.Project.TitleEn, r.Project.TitleZh, t[ProjectLabels.Of(r.Project.Kind)], t[ProjectLabels.Of(r.Project.Status)], r.Partners, r.Unit,
                r.Project.StartOn.ToString("yyyy-MM-dd"), r.Project.EndOn?.ToString("yyyy-MM-dd"), r.Project.FundingSource,
                r.Project.Amount?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), r.Project.Currency,
            ])]);
        return ListExport.File(table, format, "projects");
    }

    private async Task<List<Row>> RowsAsync(IQueryable<CooperationProject> query, CancellationToken ct)
    {
        var chinese = LocalizationSetup.IsChinese;
        var projects = await query.Include(p => p.Partners).ToListAsync(ct);
        var partnerIds = projects.SelectMany(p => p.Partners.Select(x => x.PartnerId)).Distinct().ToList();
        var partners = await db.Set<Partner>().AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var units = await db.Set<OrgUnit>().AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        return [.. projects.Select(p => new Row(p,
            string.Join("; ", p.PartnerIds().Select(id => partners.GetValueOrDefault(id)?.DisplayName(chinese)).OfType<string>()),
            p.UnitId is { } unit ? units.GetValueOrDefault(unit)?.Name(chinese) ?? "" : ""))];
    }
}
