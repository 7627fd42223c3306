using System.Globalization;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Localization;

namespace Waishi.Web.Platform.Documents;

/// <summary>Chinese and English of one text.</summary>
public readonly record struct BiText(string Zh, string En)
{
    /// <summary>"中文 English", or one of them when both are the same.</summary>
    public override string ToString() => Zh == En ? Zh : $"{Zh} {En}";
}

/// <summary>
/// A document is printed in both languages whatever the reader's UI language: an indexer call with the English text
/// gives the English key and its zh-CN translation together.
/// </summary>
public sealed class Bilingual(IStringLocalizer localizer)
{
    private static readonly CultureInfo Chinese = new(LocalizationSetup.Chinese);

    private static readonly CultureInfo English = new(LocalizationSetup.English);

    public IStringLocalizer Localizer => localizer;

    public BiText this[string english, params object[] arguments] =>
        Of(() => LocalizationSetup.IsChinese ? localizer[english, arguments].Value : string.Format(CultureInfo.InvariantCulture, english, arguments));

    /// <summary>What <paramref name="text"/> answers in Chinese and in English (for texts that
    /// depend on the culture in other ways, such as role names and dates).</summary>
    public static BiText Of(Func<string> text)
    {
        var previous = CultureInfo.CurrentUICulture;
        var previousFormat = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = Chinese;
            var zh = text();
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = English;
            return new BiText(zh, text());
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
            CultureInfo.CurrentCulture = previousFormat;
        }
    }
}
