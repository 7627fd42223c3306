using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Notifications;

namespace Waishi.Tests.Platform.Notifications;

public sealed partial class InboxTests
{
    private sealed record ApiItem(Guid Id, string Subject, string Body, string? Link, DateTime CreatedUtc, DateTime? ReadUtc, long Version);

    private sealed record ApiPage(List<ApiItem> Items, int Page, int PageSize, int Total, int Unread);

    [GeneratedRegex("data-inbox-item=\"([0-9a-f-]{36})\" data-read=\"(true|false)\"")]
    private static partial Regex ListedItem();

    /// <summary>Gives <paramref name="userName"/> <paramref name="count"/> messages "Message 1..n"
    /// (newer with higher numbers); the first <paramref name="read"/> of them read.</summary>
    private static async Task<List<Guid>> GiveMessagesAsync(AppFactory app, string userName, int count, int read = 0, string prefix = "Message")
    {
        var user = await OutboxScenario.UserAsync(app, userName);
        var start = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
        var items = Enumerable.Range(1, count).Select(n => new InboxItem
        {
            TenantId = user.TenantId,
            UserId = user.Id,
            MessageId = Guid.NewGuid(),
            Subject = $"{prefix} {n}",
            Body = $"Body of {prefix.ToLowerInvariant()} {n}",
            Link = "/People/Staff",
            CreatedUtc = start.AddMinutes(n),
            ReadUtc = n <= read ? start.AddDays(1) : null,
        }).ToList();
        await app.WithDbAsync(async db =>
        {
            db.AddRange(items);
            await db.SaveChangesAsync();
        });
        return [.. items.Select(i => i.Id)];
    }

    private static List<(Guid Id, bool Read)> Listed(string html) =>
        [.. ListedItem().Matches(html).Select(m => (Guid.Parse(m.Groups[1].Value), m.Groups[2].Value == "true"))];

    [Fact]
    public async Task Inbox_lists_unread_first_filters_and_pages()
    {
        await using var app = await AppFactory.CreateAsync();
        var mine = await GiveMessagesAsync(app, "cqu.applicant", 25, read: 10);
        await GiveMessagesAsync(app, "cqu.director", 3, prefix: "Director note");
        var client = await app.SignInAsync("cqu.applicant");

        var first = await client.GetStringAsync("/Inbox");
        var page1 = Listed(first);
        Assert.Equal(20, page1.Count);
        // 15 unread, newest first, then the newest read ones.
        Assert.Equal(mine[10..].AsEnumerable().Reverse(), page1.Take(15).Select(i => i.Id));
        Assert.All(page1.Take(15), i => Assert.False(i.Read));
        Assert.All(page1.Skip(15), i => Assert.True(i.Read));
        Assert.DoesNotContain("Director note", first);
        Assert.Contains("data-page=\"2\"", first);

        var page2 = Listed(await client.GetStringAsync("/Inbox?filter=all&p=2"));
        Assert.Equal(5, page2.Count);
        Assert.Equal(25, page1.Concat(page2).Select(i => i.Id).Distinct().Count());

        var unread = Listed(await client.GetStringAsync("/Inbox?filter=unread"));
        Assert.Equal(15, unread.Count);
        Assert.All(unread, i => Assert.False(i.Read));
    }

    [Fact]
    public async Task Opening_a_message_marks_it_read_and_links_to_the_record()
    {
        await using var app = await AppFactory.CreateAsync();
        var ids = await GiveMessagesAsync(app, "cqu.applicant", 2);
        var client = await app.SignInAsync("cqu.applicant");
        Assert.Contains("data-testid=\"unread\">2<", await client.GetStringAsync("/Inbox"));

        var html = await client.GetStringAsync($"/Inbox/Open/{ids[0]}");
        Assert.Contains("Message 1", html);
        Assert.Contains("Body of message 1", html);
        Assert.Contains("href=\"/People/Staff\" data-testid=\"inbox-link\"", html);
        Assert.Contains("data-testid=\"unread\">1<", html);
        Assert.NotNull(await app.WithDbAsync(db => db.Set<InboxItem>().Where(i => i.Id == ids[0]).Select(i => i.ReadUtc).SingleAsync()));
        Assert.Null(await app.WithDbAsync(db => db.Set<InboxItem>().Where(i => i.Id == ids[1]).Select(i => i.ReadUtc).SingleAsync()));
    }

    [Fact]
    public async Task Inbox_speaks_chinese()
    {
        await using var app = await AppFactory.CreateAsync();
        await GiveMessagesAsync(app, "cqu.applicant", 1);
        var client = await app.SignInAsync("cqu.applicant", culture: "zh-CN");
        var html = await client.GetStringAsync("/Inbox");
        Assert.Contains("全部标为已读", html);
        Assert.Contains("未读", html);
        Assert.Contains("没有未读消息。", await (await app.SignInAsync("cqu.director", culture: "zh-CN")).GetStringAsync("/Inbox?filter=unread"));
    }

    [Fact]
    public async Task Mark_all_read_reads_only_the_users_own_messages()
    {
        await using var app = await AppFactory.CreateAsync();
        await GiveMessagesAsync(app, "cqu.applicant", 3);
        var others = await GiveMessagesAsync(app, "cqu.director", 2);
        var client = await app.SignInAsync("cqu.applicant");

        var response = await client.PostFormAsync("/Inbox", "/Inbox?handler=MarkAllRead", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var applicant = await OutboxScenario.UserAsync(app, "cqu.applicant");
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<InboxItem>().CountAsync(i => i.UserId == applicant.Id && i.ReadUtc == null)));
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<InboxItem>().CountAsync(i => others.Contains(i.Id) && i.ReadUtc == null)));
        Assert.Contains("data-testid=\"inbox-empty\"", await client.GetStringAsync("/Inbox?filter=unread"));
    }

    [Fact]
    public async Task Another_users_message_is_not_found_on_the_page_or_the_api()
    {
        await using var app = await AppFactory.CreateAsync();
        var sameTenant = await GiveMessagesAsync(app, "cqu.director", 1);
        var otherTenant = await GiveMessagesAsync(app, "cqupt.applicant", 1);
        var client = await app.SignInAsync("cqu.applicant");

        foreach (var id in sameTenant.Concat(otherTenant))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Inbox/Open/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/inbox/{id}/read", null)).StatusCode);
        }
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<InboxItem>().CountAsync(i => (sameTenant.Contains(i.Id) || otherTenant.Contains(i.Id)) && i.ReadUtc == null)));
        var list = await client.GetFromJsonAsync<ApiPage>("/api/v1/inbox");
        Assert.Equal(0, list!.Total);
    }

    [Fact]
    public async Task Api_pages_the_inbox_and_marks_a_message_read()
    {
        await using var app = await AppFactory.CreateAsync();
        var ids = await GiveMessagesAsync(app, "cqu.applicant", 5, read: 2);
        var client = await app.SignInAsync("cqu.applicant");

        var page = await client.GetFromJsonAsync<ApiPage>("/api/v1/inbox?pageSize=2&page=2");
        Assert.Equal(5, page!.Total);
        Assert.Equal(3, page.Unread);
        Assert.Equal(2, page.Page);
        Assert.Equal([ids[2], ids[1]], page.Items.Select(i => i.Id));

        var unread = await client.GetFromJsonAsync<ApiPage>("/api/v1/inbox?filter=unread");
        Assert.Equal([ids[4], ids[3], ids[2]], unread!.Items.Select(i => i.Id));

        var response = await client.PostAsync($"/api/v1/inbox/{ids[4]}/read", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = await response.Content.ReadFromJsonAsync<ApiItem>();
        Assert.NotNull(item!.ReadUtc);
        Assert.Equal(2, (await client.GetFromJsonAsync<ApiPage>("/api/v1/inbox"))!.Unread);

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/inbox/{Guid.NewGuid()}/read", null)).StatusCode);
    }
}
