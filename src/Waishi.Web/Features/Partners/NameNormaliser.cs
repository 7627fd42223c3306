using System.Globalization;
using System.Text;

namespace Waishi.Web.Features.Partners;

/// <summary>
/// The one normalisation used to compare institution names: case, diacritics, punctuation and
/// spacing are ignored, "&amp;" reads as "and" and a leading "The" is dropped. Chinese characters
/// are kept as they are.
/// </summary>
public static class NameNormaliser
{
    public static string Normalise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }
        var decomposed = name.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        var space = true;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            if (c == '&')
            {
                Append(sb, "and", ref space);
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (c is '\'' or '\u2019')
            {
                // "King's" and "Kings" are the same name.
            }
            else if (!space)
            {
                sb.Append(' ');
                space = true;
            }
        }
        var result = sb.ToString().Trim();
        if (result.StartsWith("the ", StringComparison.Ordinal))
        {
            result = result[4..];
        }
        return result.Normalize(NormalizationForm.FormC);
    }

    private static void Append(StringBuilder sb, string word, ref bool space)
    {
        if (!space)
        {
            sb.Append(' ');
        }
        sb.Append(word).Append(' ');
        space = true;
    }
}
