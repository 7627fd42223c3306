using System.Globalization;
using System.Text.RegularExpressions;
using Waishi.Web.Platform.Documents;

namespace Waishi.Web.Features.Visits.Letters;

/// <summary>The values of a letter's placeholders, in both languages.</summary>
public sealed record LetterValues(IReadOnlyDictionary<string, BiText> Values);

/// <summary>
/// Fills a template's placeholders ("{name}", "{passport}" …). An unknown placeholder stays as
/// typed, so that a mistake in the template shows in the preview instead of vanishing.
/// </summary>
public static partial class LetterText
{
    /// <summary>The placeholders a template may use, with the English key of their meaning.</summary>
    public static readonly IReadOnlyList<(string Name, string Meaning)> Placeholders =
    [
        ("name", "The visitor's name (for a delegation letter: every member's name)"),
        ("nationality", "Nationality"),
        ("passport", "Passport number"),
        ("birth_date", "Date of birth"),
        ("title", "Position or title"),
        ("organisation", "Organisation"),
        ("purpose", "Purpose of the visit"),
        ("visit_title", "Title of the visit"),
        ("arrival", "Arrival date"),
        ("departure", "Departure date"),
        ("unit", "Inviting unit"),
        ("institution", "Inviting institution"),
        ("date", "Date of issue"),
    ];

    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value.ToLowerInvariant(), out var value) ? value : m.Value);

    public static (string Zh, string En) Fill(InvitationLetterTemplate template, LetterValues values, out string titleZh, out string titleEn)
    {
        var zh = values.Values.ToDictionary(v => v.Key, v => v.Value.Zh);
        var en = values.Values.ToDictionary(v => v.Key, v => v.Value.En);
        titleZh = Fill(template.TitleZh, zh);
        titleEn = Fill(template.TitleEn, en);
        return (Fill(template.BodyZh, zh), Fill(template.BodyEn, en));
    }

    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    [GeneratedRegex(@"\{([a-zA-Z_]+)\}")]
    private static partial Regex Placeholder();
}
