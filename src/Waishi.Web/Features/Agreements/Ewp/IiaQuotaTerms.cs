using System.Globalization;
using System.Text.RegularExpressions;
using Waishi.Web.Platform.Ewp;

namespace Waishi.Web.Features.Agreements.Ewp;

/// <summary>
/// The quota's text fields in EWP terms and back: subject areas ("0613 Software development", one
/// per line), EQF levels ("6, 7") and language skills ("en B2" or "de B1 0613", one per line).
/// A parse returns the values it understood and the lines it did not.
/// </summary>
public static partial class IiaQuotaTerms
{
    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex IscedPattern();

    [GeneratedRegex("^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex("^([ABC][12]|NS)$")]
    private static partial Regex CefrPattern();

    [GeneratedRegex("^[^@]+@[^.]+\\..+$")]
    private static partial Regex EmailPattern();

    public static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>An e-mail address the EWP schema accepts (its pattern is looser than a real check).</summary>
    public static bool IsEwpEmail(string? email) => email is not null && EmailPattern().IsMatch(email);

    public static (List<SubjectArea> Areas, List<string> Bad) SubjectAreas(string? text)
    {
        var areas = new List<SubjectArea>();
        var bad = new List<string>();
        foreach (var line in Lines(text))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (IscedPattern().IsMatch(parts[0]))
            {
                areas.Add(new SubjectArea(parts[0], parts.Length > 1 ? parts[1] : null));
            }
            else
            {
                bad.Add(line);
            }
        }
        return (areas, bad);
    }

    public static (List<int> Levels, List<string> Bad) EqfLevels(string? text)
    {
        var levels = new List<int>();
        var bad = new List<string>();
        foreach (var item in (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= 1 and <= 8)
            {
                if (!levels.Contains(level))
                {
                    levels.Add(level);
                }
            }
            else
            {
                bad.Add(item);
            }
        }
        return (levels, bad);
    }

    public static (List<LanguageSkill> Skills, List<string> Bad) LanguageSkills(string? text)
    {
        var skills = new List<LanguageSkill>();
        var bad = new List<string>();
        foreach (var line in Lines(text))
        {
            var parts = line.Split(' ', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            string? cefr = null;
            SubjectArea? area = null;
            var ok = parts.Length is >= 1 and <= 3 && LanguagePattern().IsMatch(parts[0]);
            foreach (var part in parts.Skip(1))
            {
                if (cefr is null && area is null && CefrPattern().IsMatch(part.ToUpperInvariant()))
                {
                    cefr = part.ToUpperInvariant();
                }
                else if (area is null && IscedPattern().IsMatch(part))
                {
                    area = new SubjectArea(part);
                }
                else
                {
                    ok = false;
                }
            }
            if (ok)
            {
                skills.Add(new LanguageSkill(parts[0], cefr, area));
            }
            else
            {
                bad.Add(line);
            }
        }
        return (skills, bad);
    }

    public static string? Format(IEnumerable<SubjectArea> areas) =>
        Join(areas.Select(a => a.Clarification is null ? a.IscedFCode : $"{a.IscedFCode} {a.Clarification}"));

    public static string? Format(IEnumerable<int> levels) =>
        levels.Any() ? string.Join(", ", levels.Select(l => l.ToString(CultureInfo.InvariantCulture))) : null;

    public static string? Format(IEnumerable<LanguageSkill> skills) =>
        Join(skills.Select(s => string.Join(' ', new[] { s.Language, s.CefrLevel, s.SubjectArea?.IscedFCode }.OfType<string>())));

    private static string? Join(IEnumerable<string> lines)
    {
        var text = string.Join('\n', lines);
        return text.Length == 0 ? null : text;
    }
}
