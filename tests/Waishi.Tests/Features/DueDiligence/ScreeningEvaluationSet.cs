using System.Text;
using Waishi.Web.Features.DueDiligence.Screening;

namespace Waishi.Tests.Features.DueDiligence;

/// <summary>A name to screen, its country, and the entry it must match (null: it must not be a hit).</summary>
public sealed record EvaluationCase(string Name, string? Country, string? Expected, string Rule);

/// <summary>
/// The evaluation set: variants generated from the ASPI names and aliases (typos, abbreviations,
/// word order, dropped words and case, traditional characters, campus suffixes, acronyms with the
/// country), the hand-written realistic variants, and real institutions that are not listed.
/// Deterministic: the same set on every run.
/// </summary>
public static class ScreeningEvaluationSet
{
    private static string DataPath(string file) => Path.Combine(AppContext.BaseDirectory, "Features", "DueDiligence", "Data", file);

    public static List<EvaluationCase> HandWrittenPositives() => ReadTsv("screening-positives.tsv")
        .Select(f => new EvaluationCase(f[0], Empty(f[1]), f[2], "hand-written")).ToList();

    public static List<EvaluationCase> Negatives() => ReadTsv("screening-negatives.tsv")
        .Select(f => new EvaluationCase(f[0], Empty(f[1]), null, "unlisted")).ToList();

    private static string? Empty(string s) => s.Length == 0 ? null : s;

    private static IEnumerable<string[]> ReadTsv(string file) =>
        File.ReadLines(DataPath(file), Encoding.UTF8)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(f => f.Length >= 3 ? f : [.. f, .. Enumerable.Repeat("", 3 - f.Length)]);

    private static readonly (string Long, string Short)[] Abbreviations =
    [
        ("University", "Univ."), ("Technology", "Tech."), ("Institute", "Inst."), ("Science", "Sci."),
        ("National", "Natl."), ("Academy", "Acad."), (" and ", " & "), ("Engineering", "Eng."),
        ("International", "Intl."), ("Corporation", "Corp."), ("Telecommunications", "Telecom."),
    ];

    private static readonly string[] Places = ["Shenzhen", "Weihai", "Zhuhai", "Suzhou", "Ningbo", "Qingdao"];
    private static readonly string[] ChinesePlaces = ["深圳", "威海", "珠海", "苏州"];

    /// <summary>Variants of every ASPI entry, each with the English name of the entry it must match.</summary>
    public static List<EvaluationCase> GeneratedPositives(IReadOnlyList<ScreeningEntry> entries)
    {
        var toTraditional = LoadSimplifiedToTraditional();
        var cases = new List<EvaluationCase>();
        var acronymOwners = entries.SelectMany(e => e.Names.Where(n => n.IsAcronym).Select(n => (n.Text, e.PrimaryName)))
            .GroupBy(a => a.Text).ToDictionary(g => g.Key, g => g.Select(a => a.PrimaryName).Distinct().Count());
        var derived = entries.Select(e => (Derived(e.PrimaryName), e.PrimaryName)).Where(d => d.Item1 is not null)
            .Concat(entries.SelectMany(e => e.Names.Where(n => n.IsAcronym).Select(n => ((string?)n.Text.ToUpperInvariant(), e.PrimaryName))))
            .GroupBy(d => d.Item1!).ToDictionary(g => g.Key, g => g.Select(d => d.PrimaryName).Distinct().Count());
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var random = new Random(1000 + i);
            var name = entry.PrimaryName;
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var expected = entry.PrimaryName;

            // Typo: one edit inside the longest word of six letters or more.
            var longest = words.Select(w => w.Trim('(', ')', ',')).Where(w => w.Length >= 6 && w.All(char.IsLetter))
                .OrderByDescending(w => w.Length).FirstOrDefault();
            if (longest is not null)
            {
                var p = 1 + random.Next(longest.Length - 3);
                var typo = (i % 3) switch
                {
                    0 => longest[..p] + longest[p + 1] + longest[p] + longest[(p + 2)..],  // swapped letters
                    1 => longest.Remove(p, 1),                                             // a letter left out
                    _ => longest[..p] + (longest[p] == 'e' ? 'a' : 'e') + longest[(p + 1)..], // a wrong letter
                };
                cases.Add(new(ReplaceWord(name, longest, typo), null, expected, "typo"));
            }

            // Abbreviations.
            var abbreviated = name;
            foreach (var (l, s) in Abbreviations) abbreviated = abbreviated.Replace(l, s);
            if (abbreviated != name) cases.Add(new(abbreviated, null, expected, "abbreviation"));

            // Word order: the first word moved to the end.
            var content = words.Where(w => w is not ("of" or "the" or "and" or "for")).ToList();
            if (content.Count >= 2)
                cases.Add(new(string.Join(' ', content.Skip(1).Append(content[0])), null, expected, "word order"));

            // Dropped and added filler words, case and punctuation.
            cases.Add(new("The " + name.Replace(" of ", " ").Replace(" the ", " ").ToUpperInvariant() + ".", null, expected, "dropped words"));
            cases.Add(new("  " + name.ToLowerInvariant().Replace(" ", "  ").Replace("'", "") + " ", null, expected, "case and spacing"));

            // Campus suffixes, in English and in Chinese.
            var place = Places[i % Places.Length];
            cases.Add(new((i % 2 == 0) ? $"{name}, {place}" : $"{name} ({place})", null, expected, "campus"));
            var chinese = entry.Names.FirstOrDefault(n => n.Language == "zh")?.Text;
            if (chinese is not null)
            {
                cases.Add(new($"{chinese}（{ChinesePlaces[i % ChinesePlaces.Length]}）", null, expected, "campus (Chinese)"));
                cases.Add(new(chinese, null, expected, "Chinese name"));
            }

            // Traditional characters of every Chinese name.
            foreach (var zh in entry.Names.Where(n => n.Language == "zh").Select(n => n.Text).Distinct().Take(3))
            {
                var traditional = string.Concat(zh.EnumerateRunes().Select(r => toTraditional.TryGetValue(r.ToString(), out var t) ? t : r.ToString()));
                if (traditional != zh) cases.Add(new(traditional, null, expected, "traditional"));
            }

            // Acronyms with the country: given ones that belong to this entry alone.
            foreach (var acronym in entry.Names.Where(n => n.IsAcronym && acronymOwners[n.Text] == 1).Take(2))
                cases.Add(new(acronym.Text, entry.CountryCode, expected, "acronym"));

            // Acronyms made of the initials of the name, with the country, when no other entry has them.
            if (Derived(name) is { } initials && derived[initials] == 1 && !entry.Names.Any(n => n.IsAcronym && n.Text == initials))
                cases.Add(new(initials, entry.CountryCode, expected, "derived acronym"));

            // English aliases as they are, and with one typo in lower case.
            foreach (var alias in entry.Names.Where(n => n.Language == "en" && !n.IsAcronym && n.Text.Split(' ').Length is >= 2 and <= 8).Take(2))
                cases.Add(new(alias.Text.ToLowerInvariant(), null, expected, "alias"));
        }
        return cases;
    }

    private static readonly HashSet<string> Fillers = ["of", "the", "and", "for", "at", "in", "pla"];

    /// <summary>"NUDT" for "National University of Defense Technology": three to eight words.</summary>
    private static string? Derived(string name)
    {
        var words = System.Text.RegularExpressions.Regex.Split(name.Replace("'", "").Replace("’", ""), "[^A-Za-z0-9]+")
            .Where(w => w.Length > 0 && !Fillers.Contains(w.ToLowerInvariant())).ToList();
        return words.Count is >= 3 and <= 8 ? string.Concat(words.Select(w => char.ToUpperInvariant(w[0]))) : null;
    }

    private static string ReplaceWord(string name, string word, string with)
    {
        var at = name.IndexOf(word, StringComparison.Ordinal);
        return name[..at] + with + name[(at + word.Length)..];
    }

    /// <summary>Simplified → traditional (OpenCC STCharacters.txt, the first choice of each line).</summary>
    private static Dictionary<string, string> LoadSimplifiedToTraditional()
    {
        var map = new Dictionary<string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "opencc", "STCharacters.txt")))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts.Length == 2) map[parts[0]] = parts[1].Split(' ')[0];
        }
        return map;
    }
}
