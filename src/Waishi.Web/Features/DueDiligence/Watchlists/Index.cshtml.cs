using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence.Watchlists;

/// <summary>The tenant's watchlists with their current version, and (for editors) a new list.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock, IAuthorizationService authorization, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Row(Watchlist List, WatchlistVersion? Current);

    public List<Row> Rows { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var lists = await db.Set<Watchlist>().AsNoTracking().OrderBy(w => w.Name).ToListAsync(ct);
        var ids = lists.Where(l => l.CurrentVersionId != null).Select(l => l.CurrentVersionId!.Value).ToList();
        var versions = await db.Set<WatchlistVersion>().AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        Rows = [.. lists.Select(l => new Row(l, l.CurrentVersionId is { } v ? versions.GetValueOrDefault(v) : null))];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (!(await authorization.AuthorizeAsync(User, DueDiligenceSetup.EditorPolicy)).Succeeded)
        {
            return Forbid();
        }
        ModelState.Clear();
        var errors = WatchlistRules.Validate(Name, Description, Source);
        if (errors.Count == 0 && await WatchlistRules.NameTakenAsync(db, Name!, null, ct))
        {
            errors.Add(WatchlistRules.NameTaken);
        }
        if (errors.Count > 0)
        {
            foreach (var e in errors)
            {
                ModelState.AddModelError(e.Field, FormErrors.Localize(e, t));
            }
            await OnGetAsync();
            return Page();
        }
        var list = new Watchlist { Name = Name!.Trim(), Description = Description?.Trim(), Source = Source?.Trim(), CreatedUtc = clock.GetUtcNow().UtcDateTime };
        db.Add(list);
        await db.SaveChangesAsync(ct);
        return Redirect($"/DueDiligence/Watchlists/Import/{list.Id}");
    }
}
