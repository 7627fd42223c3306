using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Localization;

namespace Waishi.Tests.Platform;

public sealed class LocalizationTests
{
    [Fact]
    public void Every_string_handed_to_a_localizer_has_a_Chinese_translation()
    {
        var chinese = LocalizationKeys.Chinese();
        var keys = LocalizationKeys.All();
        // The scan must find the strings it is meant to find, or an empty result would pass.
        Assert.Contains("Sign in", keys.Keys);
        Assert.Contains("Enter your user name.", keys.Keys);
        Assert.Contains("Users and roles", keys.Keys);
        Assert.Contains("Choose a degree level from the list.", keys.Keys);

        var missing = keys.Where(k => !chinese.TryGetValue(k.Key, out var zh) || string.IsNullOrWhiteSpace(zh))
            .Select(k => $"{k.Key}\t(used in {string.Join(", ", k.Value)})")
            .ToList();
        Assert.True(missing.Count == 0,
            $"{missing.Count} UI strings have no zh-CN translation; add them with scripts/resx-add.py:\n" + string.Join("\n", missing));
    }

    [Theory]
    [InlineData("cqu.tenant-admin")]
    [InlineData("cqu.applicant")]
    [InlineData("cqfao.fao-officer")]
    public async Task The_home_page_in_Chinese_shows_none_of_its_English_labels(string user)
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync(user, culture: "zh-CN");
        var html = await client.GetStringAsync("/");
        AssertNoEnglishLabels(html, "Features/Home/Index.cshtml", "Features/Home/Index.cshtml.cs", "Features/Home/HomeCards.cs", "Features/Shared/_Layout.cshtml");
    }

    [Fact]
    public async Task The_sign_in_page_in_Chinese_shows_none_of_its_English_labels_even_with_errors()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = app.NewClient("zh-CN");
        var response = await client.PostFormAsync("/Account/SignIn", "/Account/SignIn",
            new() { ["Form.UserName"] = "cqu.applicant", ["Form.Password"] = "wrong" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("用户名或密码不正确", html);
        AssertNoEnglishLabels(html, "Features/Account/SignIn.cshtml", "Features/Account/SignIn.cshtml.cs", "Features/Shared/_Layout.cshtml");
    }

    [Fact]
    public async Task The_language_switch_remembers_the_choice_on_the_account_and_in_a_cookie()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqupt.unit-head");
        var response = await client.PostFormAsync("/", "/Account/Culture", new() { ["culture"] = "zh-CN", ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal) && c.Contains("zh-CN", StringComparison.Ordinal));
        var saved = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "cqupt.unit-head").Select(u => u.PreferredCulture).SingleAsync());
        Assert.Equal("zh-CN", saved);

        // Another browser that asks for English still gets the account's choice once signed in.
        var other = await app.SignInAsync("cqupt.unit-head", culture: "en");
        Assert.Contains("<html lang=\"zh-CN\">", await other.GetStringAsync("/"));
    }

    [Fact]
    public void Dates_and_numbers_follow_the_culture()
    {
        var before = CultureInfo.CurrentUICulture;
        var beforeCulture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
            Assert.Equal("2026年11月23日", Format.Date(new DateOnly(2026, 11, 23)));
            // 20:30 UTC is 04:30 the next morning in Chongqing.
            Assert.Equal("2026年11月24日 04:30", Format.DateTime(new DateTime(2026, 11, 23, 20, 30, 0, DateTimeKind.Utc)));
            Assert.Equal("12,345", Format.Number(12345));

            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en");
            Assert.Equal("2026-11-23", Format.Date(new DateOnly(2026, 11, 23)));
            Assert.Equal("2026-11-24 04:30", Format.DateTime(new DateTime(2026, 11, 23, 20, 30, 0, DateTimeKind.Utc)));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
            CultureInfo.CurrentCulture = beforeCulture;
        }
    }

    [Fact]
    public async Task Messages_of_model_binding_are_in_the_readers_language()
    {
        await using var app = await AppFactory.CreateAsync();
        var messages = app.Services.GetRequiredService<IOptions<MvcOptions>>().Value.ModelBindingMessageProvider;
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            Assert.Equal("工号必须是数字：请只填写数字。", messages.ValueMustBeANumberAccessor("工号"));
            Assert.Equal("“abc”不是工号的有效值。", messages.AttemptedValueIsInvalidAccessor("abc", "工号"));
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("Staff number must be a number: write digits only.", messages.ValueMustBeANumberAccessor("Staff number"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>
    /// The visible text and the labels read out to screen readers contain none of the English keys
    /// used by the given source files (keys whose translation is the same text, such as names, excepted).
    /// </summary>
    private static void AssertNoEnglishLabels(string html, params string[] sources)
    {
        var chinese = LocalizationKeys.Chinese();
        var document = new HtmlParser().ParseDocument(html);
        foreach (var script in document.QuerySelectorAll("script, style").ToList())
        {
            script.Remove();
        }
        var shown = document.Body!.TextContent + "\n" + string.Join("\n",
            document.All.SelectMany(e => new[] { "aria-label", "title", "placeholder", "alt" }.Select(e.GetAttribute)).OfType<string>())
            + "\n" + document.Title;
        var keys = sources.SelectMany(s => LocalizationKeys.InFile(Path.Combine(LocalizationKeys.WebProject, s)))
            .Distinct()
            .Where(k => k.Any(char.IsAsciiLetter) && !(chinese.TryGetValue(k, out var zh) && zh == k))
            .ToList();
        Assert.NotEmpty(keys);
        var untranslated = keys.Where(k => shown.Contains(k, StringComparison.Ordinal)).ToList();
        Assert.True(untranslated.Count == 0, "English shown on a Chinese page: " + string.Join(" | ", untranslated));
    }
}
