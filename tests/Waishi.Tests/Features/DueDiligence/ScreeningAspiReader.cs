using System.Text.Json;
using Waishi.Web.Features.DueDiligence.Screening;

namespace Waishi.Tests.Features.DueDiligence;

/// <summary>
/// Reads the ASPI China Defence Universities file (MISP galaxy format: values[].value, meta.aliases,
/// meta.synonyms, meta.country) into screening entries, for the tests and the benchmark. Every
/// institution of the tracker is Chinese: the country is CN unless the file says otherwise.
/// </summary>
public static class ScreeningAspiReader
{
    public static List<ScreeningEntry> Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var entries = new List<ScreeningEntry>();
        foreach (var value in doc.RootElement.GetProperty("values").EnumerateArray())
        {
            var full = value.GetProperty("value").GetString()!.Trim();
            var meta = value.TryGetProperty("meta", out var m) ? m : default;
            // "Tsinghua University (清华大学)": the English name, and the Chinese one as a name.
            var english = full;
            var names = new List<ScreeningName>();
            var open = full.LastIndexOf(" (", StringComparison.Ordinal);
            if (open > 0 && full.EndsWith(')') && full[(open + 2)..^1].Any(c => c >= 0x3400))
            {
                english = full[..open].Trim();
                names.Add(new ScreeningName(full[(open + 2)..^1].Trim(), "zh"));
            }
            foreach (var field in new[] { "aliases", "synonyms" })
                if (meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty(field, out var list))
                    foreach (var alias in list.EnumerateArray())
                    {
                        var text = alias.GetString()?.Trim();
                        if (string.IsNullOrEmpty(text) || names.Any(n => n.Text == text) || text == english) continue;
                        var chinese = text.Any(c => c >= 0x3400 && c <= 0x9FFF);
                        var acronym = !chinese && !text.Contains(' ') && text.Length <= 10 && text.Where(char.IsLetter).All(char.IsUpper);
                        names.Add(new ScreeningName(text, chinese ? "zh" : "en", acronym));
                    }
            var country = meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("country", out var c)
                ? c.GetString() : "CN";
            entries.Add(new ScreeningEntry(ScreeningSourceKind.Profile,
                Guid.Parse(value.GetProperty("uuid").GetString()!), english, names, country));
        }
        return entries;
    }

    /// <summary>The copy of the file that the tests carry.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Features", "DueDiligence", "Data", "china-defence-universities.json");
}
