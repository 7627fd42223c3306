using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Auditing;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.Audit;

/// <summary>
/// The audit log of the reader's own tenant: filter, page through, see each change field by field,
/// export the filtered entries as CSV and verify the chain.
/// </summary>
public sealed class IndexModel(AppDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 50;

    public sealed class FilterInput
    {
        [Display(Name = "Entity type")]
        [StringLength(100)]
        public string? EntityType { get; set; }
        [Display(Name = "Entity id")]
        [StringLength(200)]
        public string? EntityId { get; set; }
        [Display(Name = "User")]
        [StringLength(256)]
        public string? User { get; set; }
        [Display(Name = "Action")]
        public AuditAction? Action { get; set; }
        [Display(Name = "From")]
        [DataType(DataType.Date)]
        public DateOnly? From { get; set; }
        [Display(Name = "To")]
        [DataType(DataType.Date)]
        public DateOnly? To { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public FilterInput Filter { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public List<AuditEntry> Entries { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<string> EntityTypes { get; private set; } = [];
    public AuditVerification? Verification { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!Validate())
        {
            await LoadAsync(ct);
            return Page();
        }
        var entries = await Query().OrderBy(e => e.Sequence).ToListAsync(ct);
        return File(AuditCsv.Write(entries), "text/csv; charset=utf-8", $"audit-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv");
    }

    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        // The chain is one for the deployment; the rows compared are this tenant's only.
        Verification = await new AuditVerifier(db, tenant).VerifyAsync(tenant.TenantId ?? Guid.Empty, ct);
        await LoadAsync(ct);
    }

    /// <summary>Query string of the current filter, for paging and export links.</summary>
    public Dictionary<string, string> RouteValues(int? page = null)
    {
        var values = new Dictionary<string, string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                values[key] = value;
            }
        }
        Add("Filter.EntityType", Filter.EntityType);
        Add("Filter.EntityId", Filter.EntityId);
        Add("Filter.User", Filter.User);
        Add("Filter.Action", Filter.Action?.ToString());
        Add("Filter.From", Filter.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("Filter.To", Filter.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (page is > 1)
        {
            values["p"] = page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return values;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        EntityTypes = await Own().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
        if (!Validate())
        {
            return;
        }
        var query = Query();
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Entries = await query.OrderByDescending(e => e.Sequence)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    private bool Validate()
    {
        if (Filter.From is { } from && Filter.To is { } to && from > to)
        {
            ModelState.AddModelError("Filter.To", localizer["The end date must not be before the start date; swap them or clear one."]);
        }
        return ModelState.IsValid;
    }

    /// <summary>Entries about the reader's tenant: an institution's auditors see the institution's,
    /// the authority's auditors the authority's.</summary>
    private IQueryable<AuditEntry> Own()
    {
        var id = tenant.TenantId ?? Guid.Empty;
        return db.Set<AuditEntry>().AsNoTracking().Where(e => e.TenantId == id);
    }

    private IQueryable<AuditEntry> Query()
    {
        var query = Own();
        if (!string.IsNullOrWhiteSpace(Filter.EntityType))
        {
            query = query.Where(e => e.EntityType == Filter.EntityType.Trim());
        }
        if (!string.IsNullOrWhiteSpace(Filter.EntityId))
        {
            // Keys are written as lower-case GUIDs; accept one pasted in any case.
            var id = Guid.TryParse(Filter.EntityId.Trim(), out var guid) ? guid.ToString("D") : Filter.EntityId.Trim();
            query = query.Where(e => e.EntityId == id);
        }
        if (!string.IsNullOrWhiteSpace(Filter.User))
        {
            query = query.Where(e => e.UserName != null && e.UserName.Contains(Filter.User.Trim()));
        }
        if (Filter.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }
        if (Filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.AtUtc >= start);
        }
        if (Filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.AtUtc < end);
        }
        return query;
    }
}
