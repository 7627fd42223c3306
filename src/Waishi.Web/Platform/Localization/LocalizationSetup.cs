using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Platform.Localization;

public static class LocalizationSetup
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public static readonly string[] Cultures = [Chinese, English];

    public static IServiceCollection AddWaishiLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddLocalizedModelBindingMessages();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var supported = Cultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(Chinese);
            o.SupportedCultures = supported;
            o.SupportedUICultures = supported;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // The signed-in user's saved choice first, then the cookie set by the switch for
            // anonymous pages, then the browser.
            o.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(ctx =>
                {
                    var culture = ctx.User.FindFirst(WaishiClaims.Culture)?.Value;
                    return Task.FromResult(culture is null ? null : new ProviderCultureResult(culture));
                }),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    public static string Normalize(string? culture) =>
        culture is not null && culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;
}
