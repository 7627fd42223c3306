using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Admin.Users;

public sealed class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Guid Id, string UserName, string DisplayName, string? Email, bool IsDisabled, bool IsLockedOut, List<string> Roles);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Disabled { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync()
    {
        var query = Filtered();
        Total = await query.CountAsync();
        PageNo = Math.Clamp(PageNo, 1, PageCount);
        Rows = await ToRowsAsync(query.Skip((PageNo - 1) * PageSize).Take(PageSize));
    }

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var rows = await ToRowsAsync(Filtered());
        var table = new ExportTable(
            [t["User name"], t["Display name"], t["E-mail"], t["Roles"], t["Disabled"], t["Locked out"]],
            [.. rows.Select(r => (IReadOnlyList<string?>)
            [
                r.UserName, r.DisplayName, r.Email, string.Join(", ", r.Roles.Select(x => t["role:" + x].Value)),
                r.IsDisabled ? t["Yes"] : t["No"], r.IsLockedOut ? t["Yes"] : t["No"],
            ])]);
        return ListExport.File(table, format, "users");
    }

    public string Query(int? page = null)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(Q)) parts.Add("Q=" + Uri.EscapeDataString(Q));
        if (!string.IsNullOrEmpty(Role)) parts.Add("Role=" + Uri.EscapeDataString(Role));
        if (Disabled is { } d) parts.Add("Disabled=" + (d ? "true" : "false"));
        if (page is { } p) parts.Add("PageNo=" + p);
        return string.Join("&", parts);
    }

    private IQueryable<AppUser> Filtered()
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            query = query.Where(u => u.UserName!.ToLower().Contains(q) || u.DisplayName.ToLower().Contains(q) || (u.Email != null && u.Email.ToLower().Contains(q)));
        }
        if (!string.IsNullOrWhiteSpace(Role))
        {
            query = query.Where(u => db.Set<RoleAssignment>().Any(r => r.UserId == u.Id && r.Role == Role));
        }
        if (Disabled is { } disabled)
        {
            query = query.Where(u => u.IsDisabled == disabled);
        }
        return query.OrderBy(u => u.UserName);
    }

    private async Task<List<Row>> ToRowsAsync(IQueryable<AppUser> query)
    {
        var users = await query.ToListAsync();
        var ids = users.Select(u => u.Id).ToList();
        var roles = (await db.Set<RoleAssignment>().AsNoTracking().Where(r => ids.Contains(r.UserId)).Select(r => new { r.UserId, r.Role }).ToListAsync())
            .ToLookup(r => r.UserId, r => r.Role);
        var now = DateTimeOffset.UtcNow;
        return [.. users.Select(u => new Row(u.Id, u.UserName ?? "", u.DisplayName, u.Email, u.IsDisabled,
            u.LockoutEnd is { } end && end > now, [.. roles[u.Id].Distinct().Order()]))];
    }
}
