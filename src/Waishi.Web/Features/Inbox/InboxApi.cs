using System.Security.Claims;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Inbox;

/// <summary>GET /api/v1/inbox and POST /api/v1/inbox/{id}/read for the signed-in user.</summary>
public static class InboxApi
{
    public sealed record Item(Guid Id, string Subject, string Body, string? Link, DateTime CreatedUtc, DateTime? ReadUtc, long Version);

    public sealed record ItemPage(IReadOnlyList<Item> Items, int Page, int PageSize, int Total, int Unread);

    public static void Map(RouteGroupBuilder api)
    {
        var inbox = api.MapGroup("/inbox").WithTags("Inbox");

        inbox.MapGet("/", async (ClaimsPrincipal user, AppDbContext db, string? filter, int? page, int? pageSize, CancellationToken ct) =>
            {
                var unreadOnly = string.Equals(filter, "unread", StringComparison.OrdinalIgnoreCase);
                var result = await InboxQueries.PageAsync(db, user.GetUserId()!.Value, unreadOnly, page ?? 1, pageSize ?? InboxQueries.PageSize, ct);
                return new ItemPage([.. result.Items.Select(ToItem)], result.PageNumber, result.PageSize, result.Total, result.Unread);
            })
            .WithName("ListInbox")
            .WithSummary("The signed-in user's messages, unread first; filter=unread|all, page, pageSize (1-100).");

        inbox.MapPost("/{id:guid}/read", async (Guid id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                await InboxQueries.MarkReadAsync(db, clock, user.GetUserId()!.Value, id, ct) is { } item
                    ? Results.Ok(ToItem(item))
                    : Results.NotFound())
            .WithName("MarkInboxItemRead")
            .WithSummary("Marks one of the signed-in user's messages read (404 for anyone else's).");
    }

    private static Item ToItem(Platform.Notifications.InboxItem i) =>
        new(i.Id, i.Subject, i.Body, i.Link, i.CreatedUtc, i.ReadUtc, i.Version);
}
