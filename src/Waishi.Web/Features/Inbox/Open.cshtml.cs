using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Notifications;

namespace Waishi.Web.Features.Inbox;

/// <summary>One message of the user's inbox; opening it marks it read.</summary>
public sealed class OpenModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public InboxItem Item { get; private set; } = null!;

    public string? Link => InboxQueries.SafeLink(Item.Link);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var item = await InboxQueries.MarkReadAsync(db, clock, User.GetUserId()!.Value, id, HttpContext.RequestAborted);
        if (item is null)
        {
            return NotFound();
        }
        Item = item;
        return Page();
    }
}
