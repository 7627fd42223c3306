using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.TripCalendar;

/// <summary>
/// The user's private iCalendar feed address: create it, rotate it (a new address, the old one
/// stops working at once) or revoke it. The address is shown once, when it is made; only the
/// token's hash is stored. One live token per user serves every feed; a derived page only says
/// which feed's address it shows.
/// </summary>
public class FeedPage(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t, string feedRoute) : PageModel
{
    public CalendarFeedToken? Current { get; private set; }

    /// <summary>The feed address just made; never stored, never shown again.</summary>
    public string? NewUrl { get; private set; }

    private Guid UserId => User.GetUserId()!.Value;

    public async Task OnGetAsync() => Current = await CurrentAsync();

    /// <summary>Makes a new address; an existing one is revoked in the same save (rotation).</summary>
    public async Task<IActionResult> OnPostCreateAsync(long? version)
    {
        var ct = HttpContext.RequestAborted;
        var now = clock.GetUtcNow().UtcDateTime;
        var current = await db.Set<CalendarFeedToken>().FirstOrDefaultAsync(x => x.UserId == UserId && x.RevokedUtc == null, ct);
        if (current is not null)
        {
            if (current.Version != version)
            {
                return await StaleAsync();
            }
            current.RevokedUtc = now;
            db.ExpectVersion(current, current.Version);
        }
        var secret = CalendarFeedToken.NewSecret();
        db.Add(new CalendarFeedToken { UserId = UserId, Prefix = secret[..12], SecretHash = CalendarFeedToken.Hash(secret), CreatedUtc = now });
        if (await db.TrySaveAsync(ct) is not null)
        {
            return await StaleAsync();
        }
        NewUrl = $"{Request.Scheme}://{Request.Host}{feedRoute.Replace("{token}", secret, StringComparison.Ordinal)}";
        Current = await CurrentAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, long version)
    {
        var ct = HttpContext.RequestAborted;
        var token = await db.Set<CalendarFeedToken>().FirstOrDefaultAsync(x => x.Id == id && x.UserId == UserId, ct);
        if (token is null)
        {
            return NotFound();
        }
        if (token.RevokedUtc is null)
        {
            if (token.Version != version)
            {
                return await StaleAsync();
            }
            token.RevokedUtc = clock.GetUtcNow().UtcDateTime;
            db.ExpectVersion(token, version);
            if (await db.TrySaveAsync(ct) is not null)
            {
                return await StaleAsync();
            }
        }
        TempData["Status"] = t["The calendar feed address was revoked; calendars using it get nothing more."].Value;
        return RedirectToPage();
    }

    private async Task<IActionResult> StaleAsync()
    {
        db.ChangeTracker.Clear();
        ModelState.AddModelError("", t[FormErrors.StaleEdit]);
        Current = await CurrentAsync();
        return Page();
    }

    private Task<CalendarFeedToken?> CurrentAsync() =>
        db.Set<CalendarFeedToken>().AsNoTracking().Where(x => x.UserId == UserId && x.RevokedUtc == null)
            .OrderByDescending(x => x.CreatedUtc).FirstOrDefaultAsync(HttpContext.RequestAborted);
}

/// <summary>The feed address of the trip calendar.</summary>
public sealed class FeedModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t)
    : FeedPage(db, clock, t, CalendarFeed.Route);
