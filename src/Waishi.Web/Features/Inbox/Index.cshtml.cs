using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Inbox;

/// <summary>The user's messages: unread first, filter unread/all, paging, mark all read.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "filter")]
    public string? Filter { get; set; }

    // "page" is taken by Razor Pages routing, hence "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public bool UnreadOnly => string.Equals(Filter, "unread", StringComparison.OrdinalIgnoreCase);

    public InboxQueries.Page Result { get; private set; } = new([], 1, InboxQueries.PageSize, 0, 0);

    public async Task OnGetAsync()
    {
        Result = await InboxQueries.PageAsync(db, User.GetUserId()!.Value, UnreadOnly, PageNumber, InboxQueries.PageSize, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostMarkAllReadAsync()
    {
        await InboxQueries.MarkAllReadAsync(db, clock, User.GetUserId()!.Value, HttpContext.RequestAborted);
        return RedirectToPage(new { filter = Filter });
    }
}
