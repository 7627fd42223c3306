using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;

namespace Waishi.Tests.Platform;

public sealed class NavigationTests
{
    [Fact]
    public async Task The_outbound_modules_share_one_menu_and_a_user_sees_only_those_the_roles_allow()
    {
        await using var app = await AppFactory.CreateAsync();
        var officer = await (await app.SignInAsync("cqu.officer-exit")).GetStringAsync("/Trips");
        var menu = Regex.Match(officer, "data-nav=\"group-outbound\".*?</ul>", RegexOptions.Singleline).Value;
        foreach (var module in new[] { "trips", "trip-calendar", "outbound-plans", "travel-documents", "visas", "trip-reports" })
        {
            Assert.Contains($"data-nav=\"{module}\"", menu);
        }
        // The current module is marked inside the menu, and the menu itself shows it holds the current page.
        Assert.Matches("dropdown-toggle active[^>]*data-nav=\"group-outbound\"", officer);
        Assert.Matches("dropdown-item active\" href=\"/Trips\"", menu);

        var student = await (await app.SignInAsync("cqu.student")).GetStringAsync("/");
        Assert.DoesNotContain("data-nav=\"group-outbound\"", student);
        Assert.DoesNotContain("data-nav=\"trips\"", student);
    }

    [Fact]
    public async Task The_header_names_the_user_and_the_tenant_as_renamed_in_the_reader_s_language()
    {
        await using var app = await AppFactory.CreateAsync();
        var english = await app.SignInAsync("cqu.officer-exit");
        var chinese = await app.SignInAsync("cqu.officer-exit", culture: "zh-CN");
        await app.WithDbAsync(async db =>
        {
            var tenant = await db.Set<Waishi.Web.Platform.Tenancy.Tenant>().SingleAsync(t => t.Code == "CQU");
            tenant.NameEn = "Chongqing University (renamed)";
            tenant.NameZh = "重庆大学（新名）";
            await db.SaveChangesAsync();
        });

        // Read with the account on the next request, not kept from the sign-in.
        Assert.Matches("data-testid=\"user-name\">[^<]*· Chongqing University \\(renamed\\)<", await english.GetStringAsync("/"));
        Assert.Matches("data-testid=\"user-name\">[^<]*· 重庆大学（新名）<", await chinese.GetStringAsync("/"));
    }
}
