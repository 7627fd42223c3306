using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Notifications;
using Waishi.Web.Platform.Web;

namespace Waishi.Web.Features.Home;

/// <summary>The home page: what waits for the signed-in user, by role.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock, Navigation navigation) : PageModel
{
    public sealed record Card(string Key, string Title, string Text, string Href, int? Count);

    public List<Card> Cards { get; } = [];
    public List<string> RoleNames { get; private set; } = [];
    public List<InboxItem> Latest { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var userId = User.GetUserId()!.Value;
        RoleNames = [.. User.FindAll(WaishiClaims.Role).Select(c => c.Value).Order()];
        var unread = await navigation.UnreadAsync(userId);
        Latest = await db.Set<InboxItem>().AsNoTracking().Where(i => i.UserId == userId)
            .OrderByDescending(i => i.CreatedUtc).Take(5).ToListAsync();
        Cards.Add(new Card("inbox", "Inbox", "Unread messages", "/Inbox", unread));
        Cards.Add(new Card("awaiting", "Awaiting me", "Cases waiting for your decision", "/Workflow/Awaiting", await Platform.Workflow.WorkflowQueries.AwaitingToCount(db, userId, User.HasClaim(WaishiClaims.TenantKind, "Authority")).CountAsync()));
        if (User.HasRole(Roles.TenantAdmin))
        {
            Cards.Add(new Card("locked-users", "Locked accounts", "Accounts locked after failed sign-ins", "/Admin/Users", await LockedOutAsync()));
        }
        foreach (var card in HomeCards.For(User))
        {
            Cards.Add(card);
        }
    }

    /// <summary>Accounts of this tenant (the query filter) whose lockout has not yet run out. The
    /// few lockout ends are compared here: SQLite cannot compare DateTimeOffset in a query.</summary>
    private async Task<int> LockedOutAsync()
    {
        var ends = await db.Users.AsNoTracking().Where(u => u.LockoutEnd != null).Select(u => u.LockoutEnd!.Value).ToListAsync();
        var now = clock.GetUtcNow();
        return ends.Count(end => end > now);
    }
}
