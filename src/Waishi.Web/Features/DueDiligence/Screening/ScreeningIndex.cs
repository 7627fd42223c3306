using System.Text;
using System.Text.RegularExpressions;

namespace Waishi.Web.Features.DueDiligence.Screening;

/// <summary>
/// The screening engine: an in-memory index of a tenant's profiles and watchlist entries, built once,
/// that scores a name against every entry and explains each candidate. No database access; safe to
/// share between threads once built.
/// </summary>
/// <remarks>
/// Scoring. Latin names are compared word by word after <see cref="NameText"/> normalisation; each
/// word weighs 1 to 1.5 (rarer words of the index weigh more) and a screened word may stand for a
/// listed word within a small edit distance (none up to 5 letters, 1 up to 8, 2 from 9; never for a
/// real word or a place name, so "Hubei" is not a typo of "Hebei"). The score is the matched weight
/// divided by the larger of the two names' weights: a missing or an extra word costs a lot, so
/// "Hebei University of Technology" is not "Hebei University". An equal name scores 1, the same words
/// in another order 0.98, a Chinese name without its "中国人民解放军" prefix 0.97, an acronym given as
/// such 0.93 and one derived from the initials 0.90 (both only when the countries agree), a campus
/// or branch 0.95 times the score of its parent.
/// </remarks>
public sealed partial class ScreeningIndex
{
    /// <summary>
    /// Candidates at or above this score are hits. 0.85 lets one typo through in any name and one
    /// missing word only in names of seven words or more; the evaluation set in the tests measures
    /// precision and recall at it.
    /// </summary>
    public const double HitThreshold = 0.85;

    /// <summary>Candidates below this score are not returned at all.</summary>
    public const double CandidateFloor = 0.6;

    /// <summary>
    /// A name screened with a country that differs from the entry's keeps this share of its score: a
    /// full-name match stays a candidate to look at but falls below the hit threshold
    /// ("Northeastern University" in the US is not 东北大学 in Shenyang).
    /// </summary>
    public const double CountryMismatchFactor = 0.8;

    private const double WordOrderScore = 0.98, PrefixDroppedScore = 0.97, AcronymScore = 0.93,
        DerivedAcronymScore = 0.90, CampusFactor = 0.95, CampusParentMinimum = 0.9, UnknownWordWeight = 1.5;

    private static readonly string[] ChinesePrefixes = ["中国人民解放军", "中国人民武装警察部队", "解放军", "武警"];
    private static readonly string[] ChineseBranchSuffixes = ["校区", "分校", "研究生院", "分院", "学院", "医学部", "医学院", "校", "研究所", "研究院", "分公司", "研究中心"];
    private static readonly string[] ChineseInstitutionEndings = ["大学", "学院", "学校", "研究院", "研究所", "大", "院"];

    private sealed record LatinName(int Entry, string Text, int[] Tokens, bool Expanded, double Weight);
    private sealed record OtherName(int Entry, string Text, bool Flag);

    private readonly ScreeningEntry[] _entries;
    private readonly ChineseScript _script;
    private readonly List<LatinName> _latin = [];
    private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);
    private readonly List<string> _words = [];
    private double[] _weights = [];
    private int[][] _postings = [];
    private readonly Dictionary<string, List<int>> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _sorted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _deletions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OtherName>> _chinese = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OtherName>> _acronyms = new(StringComparer.Ordinal);

    private ScreeningIndex(ScreeningEntry[] entries, ChineseScript script)
    {
        _entries = entries;
        _script = script;
    }

    /// <summary>Number of entries in the index.</summary>
    public int Count => _entries.Length;

    /// <summary>Builds the index with the character table next to the binaries.</summary>
    public static ScreeningIndex Build(IEnumerable<ScreeningEntry> entries) => Build(entries, ChineseScript.Default);

    public static ScreeningIndex Build(IEnumerable<ScreeningEntry> entries, ChineseScript script)
    {
        var index = new ScreeningIndex(entries.ToArray(), script);
        index.Fill();
        return index;
    }

    private void Fill()
    {
        var postings = new List<List<int>>();
        for (var e = 0; e < _entries.Length; e++)
        {
            var entry = _entries[e];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var names = new List<ScreeningName> { new(entry.PrimaryName) };
            names.AddRange(entry.Names);
            foreach (var name in names)
            {
                if (string.IsNullOrWhiteSpace(name.Text) || !seen.Add(name.Text.Trim())) continue;
                if (name.IsAcronym || LooksLikeAcronym(name.Text, query: false))
                {
                    AddTo(_acronyms, AcronymKey(name.Text), new OtherName(e, name.Text, false));
                    continue;
                }
                var text = name.Text.Trim();
                var bracket = text.Length <= 200 ? Bracketed().Match(text) : Match.Empty;
                if (bracket.Success && LooksLikeAcronym(bracket.Groups["branch"].Value, query: false))
                {
                    // "China Academy of Space Technology (CAST)": the name, and its acronym.
                    AddTo(_acronyms, AcronymKey(bracket.Groups["branch"].Value), new OtherName(e, text, false));
                    text = bracket.Groups["parent"].Value;
                }
                foreach (var form in NameText.Forms(text, _script))
                {
                    if (form.Chinese is { } chinese)
                    {
                        if (chinese.Length < 2) continue;
                        AddTo(_chinese, chinese, new OtherName(e, name.Text, form.Folded));
                        foreach (var stripped in StripChinesePrefix(chinese))
                            AddTo(_chinese, stripped, new OtherName(e, name.Text, form.Folded));
                        continue;
                    }
                    if (form.Tokens.Length == 0) continue;
                    var ids = new int[form.Tokens.Length];
                    for (var i = 0; i < ids.Length; i++)
                    {
                        if (!_vocabulary.TryGetValue(form.Tokens[i], out var id))
                        {
                            id = _words.Count;
                            _vocabulary[form.Tokens[i]] = id;
                            _words.Add(form.Tokens[i]);
                            postings.Add([]);
                        }
                        ids[i] = id;
                        var list = postings[id];
                        if (list.Count == 0 || list[^1] != _latin.Count) list.Add(_latin.Count);
                    }
                    AddTo(_exact, string.Concat(form.Tokens), _latin.Count);
                    AddTo(_sorted, SortedKey(form.Tokens), _latin.Count);
                    _latin.Add(new LatinName(e, name.Text, ids, form.Expanded, 0));
                    if (form.Tokens.Length is >= 3 and <= 8)
                        AddTo(_acronyms, string.Concat(form.Tokens.Select(t => char.ToUpperInvariant(t[0]))), new OtherName(e, name.Text, true));
                }
            }
        }
        _postings = postings.Select(p => p.ToArray()).ToArray();
        var size = _latin.Count;
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(size));
        var n = Math.Max(1, _latin.Count);
        var idf = _postings.Select(p => Math.Log(1.0 + (double)n / p.Length)).ToArray();
        var maxIdf = idf.Length == 0 ? 1 : idf.Max();
        _weights = idf.Select(v => 1.0 + 0.5 * v / maxIdf).ToArray();
        for (var i = 0; i < _latin.Count; i++)
            _latin[i] = _latin[i] with { Weight = _latin[i].Tokens.Sum(t => _weights[t]) };
        for (var id = 0; id < _words.Count; id++)
        {
            var word = _words[id];
            if (NameText.AllowedTypos(word.Length) == 0) continue;
            AddTo(_deletions, word, id);
            for (var i = 0; i < word.Length; i++)
                AddTo(_deletions, word.Remove(i, 1), id);
        }
    }

    /// <summary>
    /// Scores a name against every entry valid on <paramref name="today"/>: candidates at or above
    /// <see cref="CandidateFloor"/>, best first, one per entry. <paramref name="countryCode"/> (ISO
    /// alpha-2, may be null) must agree with the entry's for an acronym to match.
    /// </summary>
    public IReadOnlyList<ScreeningCandidate> Screen(string name, string? countryCode, DateOnly today)
    {
        var best = new Dictionary<int, ScreeningCandidate>();
        if (string.IsNullOrWhiteSpace(name)) return [];
        void Offer(int entry, double score, string matched, ScreeningMatchKind how, int distance = 0, string? branch = null)
        {
            if (score < CandidateFloor) return;
            var e = _entries[entry];
            if (e.ValidTo is { } to && to < today || e.ValidFrom is { } from && from > today) return;
            var differs = countryCode is { Length: > 0 } && e.CountryCode is { Length: > 0 }
                && !string.Equals(e.CountryCode, countryCode, StringComparison.OrdinalIgnoreCase);
            if (differs)
            {
                score *= CountryMismatchFactor;
                if (score < CandidateFloor) return;
            }
            if (best.TryGetValue(entry, out var had) && had.Score >= score) return;
            best[entry] = new ScreeningCandidate(e, Math.Round(score, 4), matched, how, distance, branch, differs);
        }

        var text = name.Normalize(NormalizationForm.FormKC).Trim();
        if (countryCode is { Length: > 0 } && LooksLikeAcronym(text, query: true)
            && _acronyms.TryGetValue(AcronymKey(text), out var acronyms))
        {
            foreach (var a in acronyms)
                if (string.Equals(_entries[a.Entry].CountryCode, countryCode, StringComparison.OrdinalIgnoreCase))
                    Offer(a.Entry, a.Flag ? DerivedAcronymScore : AcronymScore, a.Text, ScreeningMatchKind.Acronym);
        }

        foreach (var form in NameText.Forms(text, _script))
        {
            if (form.Chinese is not null)
            {
                ScreenChinese(form, Offer);
                continue;
            }
            var latin = form;
            var bracket = form.Raw.Length <= 200 ? Bracketed().Match(form.Raw) : Match.Empty;
            if (bracket.Success && LooksLikeAcronym(bracket.Groups["branch"].Value, query: false))
                latin = NameText.Latin(bracket.Groups["parent"].Value); // "… (CAEP)": the acronym adds nothing
            ScreenLatin(latin, CandidateFloor, (e, s, m, h, d) => Offer(e, s, m, h, d));
            foreach (var (parent, branch) in CampusSplits(latin.Raw))
            {
                var parentForm = NameText.Latin(parent);
                ScreenLatin(parentForm, CampusParentMinimum, (e, s, m, h, d) =>
                {
                    if (s >= CampusParentMinimum) Offer(e, s * CampusFactor, m, ScreeningMatchKind.CampusOrBranch, d, branch);
                });
            }
        }
        return best.Values.OrderByDescending(c => c.Score).ThenBy(c => c.Entry.PrimaryName, StringComparer.Ordinal).ToList();
    }

    private delegate void Found(int entry, double score, string matched, ScreeningMatchKind how, int distance = 0, string? branch = null);

    private void ScreenChinese(NameForm form, Found offer)
    {
        var key = form.Chinese!;
        if (key.Length < 2) return;
        if (_chinese.TryGetValue(key, out var names))
            foreach (var n in names)
                offer(n.Entry, 1.0, n.Text, form.Folded || n.Flag ? ScreeningMatchKind.TraditionalSimplified : ScreeningMatchKind.Exact);
        foreach (var stripped in StripChinesePrefix(key))
            if (_chinese.TryGetValue(stripped, out var s))
                foreach (var n in s)
                    offer(n.Entry, PrefixDroppedScore, n.Text, form.Folded || n.Flag ? ScreeningMatchKind.TraditionalSimplified : ScreeningMatchKind.Exact);
        // A campus or branch: the longest listed name the screened one starts with, followed by a
        // bracket, a place or a school ("哈尔滨工业大学（深圳）", "山东大学威海分校").
        var bracketed = form.Raw.IndexOfAny(['(', '（', '[', '【']) > 0;
        for (var length = key.Length - 1; length >= 4; length--)
        {
            if (!_chinese.TryGetValue(key[..length], out var parents)) continue;
            var rest = key[length..];
            // A bare place ("哈尔滨工业大学深圳") only after the name of a school or an institute:
            // "中国电子" + "学会" is another body, not a branch.
            var ok = bracketed || ChineseBranchSuffixes.Any(rest.EndsWith)
                || rest.Length <= 3 && ChineseInstitutionEndings.Any(key[..length].EndsWith);
            if (!ok) break;
            foreach (var n in parents)
                offer(n.Entry, CampusFactor, n.Text, ScreeningMatchKind.CampusOrBranch, 0, rest);
            break;
        }
    }

    private readonly record struct Reading(int Word, double Similarity, int Distance);

    private sealed class Scratch(int size)
    {
        public readonly int[] Marks = new int[size];
        public int Counter;
        public readonly List<int> Found = [];
    }

    private ThreadLocal<Scratch> _scratch = null!;

    private void ScreenLatin(NameForm form, double minimum, Action<int, double, string, ScreeningMatchKind, int> offer)
    {
        var tokens = form.Tokens;
        if (tokens.Length == 0) return;
        if (_exact.TryGetValue(string.Concat(tokens), out var exact))
            foreach (var i in exact)
                offer(_latin[i].Entry, 1.0, _latin[i].Text,
                    form.Expanded && !_latin[i].Expanded ? ScreeningMatchKind.AbbreviationExpanded : ScreeningMatchKind.Exact, 0);
        if (_sorted.TryGetValue(SortedKey(tokens), out var sorted))
            foreach (var i in sorted)
                offer(_latin[i].Entry, WordOrderScore, _latin[i].Text, ScreeningMatchKind.WordOrder, 0);

        // Each screened word read as listed words: itself, or typos of listed words.
        var readings = new Reading[tokens.Length][];
        for (var q = 0; q < tokens.Length; q++)
        {
            var t = tokens[q];
            if (_vocabulary.TryGetValue(t, out var id)) { readings[q] = [new Reading(id, 1, 0)]; continue; }
            if (NameText.KnownWords.Contains(t) || NameText.AllowedTypos(t.Length) == 0 || t.Any(char.IsDigit)) { readings[q] = []; continue; }
            var found = new Dictionary<int, Reading>();
            void Try(string key)
            {
                if (!_deletions.TryGetValue(key, out var ids)) return;
                foreach (var w in ids)
                {
                    if (found.ContainsKey(w)) continue;
                    var word = _words[w];
                    var max = NameText.AllowedTypos(Math.Min(word.Length, t.Length));
                    if (max == 0) continue;
                    var d = NameText.Distance(t, word, max);
                    if (d <= max) found[w] = new Reading(w, 1 - 0.5 * d / Math.Max(word.Length, t.Length), d);
                }
            }
            Try(t);
            for (var i = 0; i < t.Length; i++) Try(t.Remove(i, 1));
            readings[q] = found.Values.ToArray();
        }

        // Candidates: a name can reach the minimum only if it holds one of the rarest screened words,
        // taken until the words left over weigh less than the minimum share.
        var screened = 0.0;
        var rarity = new (int Query, int Postings, double Weight)[tokens.Length];
        var readable = 0;
        for (var q = 0; q < tokens.Length; q++)
        {
            if (readings[q].Length == 0) { screened += UnknownWordWeight; continue; }
            var postings = 0; var weight = 0.0;
            foreach (var r in readings[q]) { postings += _postings[r.Word].Length; weight = Math.Max(weight, _weights[r.Word]); }
            rarity[readable++] = (q, postings, weight);
            screened += weight;
        }
        if (readable == 0) return;
        Array.Sort(rarity, 0, readable, Comparer<(int Query, int Postings, double Weight)>.Create((a, b) => a.Postings.CompareTo(b.Postings)));
        var left = 0.0;
        for (var k = 0; k < readable; k++) left += rarity[k].Weight;
        var scratch = _scratch.Value!;
        var stamp = ++scratch.Counter;
        if (stamp == int.MaxValue) { Array.Clear(scratch.Marks); scratch.Counter = stamp = 1; }
        var marks = scratch.Marks;
        var pool = scratch.Found;
        pool.Clear();
        for (var k = 0; k < readable && left >= minimum * screened; k++)
        {
            left -= rarity[k].Weight;
            foreach (var r in readings[rarity[k].Query])
                foreach (var c in _postings[r.Word])
                    if (marks[c] != stamp) { marks[c] = stamp; pool.Add(c); }
        }

        Span<bool> used = stackalloc bool[64];
        foreach (var c in pool)
        {
            var name = _latin[c];
            if (name.Tokens.Length > 64) continue;
            // The score is at most the lighter name's weight over the heavier one's.
            if (name.Weight < minimum * screened * 0.95 || screened < minimum * name.Weight * 0.95) continue;
            used[..name.Tokens.Length].Clear();
            double matched = 0, screenedWeight = 0;
            int distance = 0, matchedCount = 0, dropped = 0;
            var chinese = string.Equals(_entries[name.Entry].CountryCode, "CN", StringComparison.OrdinalIgnoreCase);
            var inOrder = true;
            var last = -1;
            for (var q = 0; q < tokens.Length; q++)
            {
                double bestGain = 0; var bestJ = -1; var bestDistance = 0;
                var weight = readings[q].Length == 0 ? UnknownWordWeight : _weights[readings[q][0].Word];
                foreach (var r in readings[q])
                    for (var j = 0; j < name.Tokens.Length; j++)
                        if (!used[j] && name.Tokens[j] == r.Word && r.Similarity * _weights[r.Word] > bestGain)
                        {
                            bestGain = r.Similarity * _weights[r.Word];
                            bestJ = j; bestDistance = r.Distance; weight = _weights[r.Word];
                        }
                if (bestJ < 0)
                {
                    // "Renmin University of China" is the Chinese entry "Renmin University".
                    if (tokens[q] == "china" && chinese) { dropped++; continue; }
                    screenedWeight += weight;
                    continue;
                }
                screenedWeight += weight;
                used[bestJ] = true;
                matched += bestGain;
                distance += bestDistance;
                matchedCount++;
                if (bestJ < last) inOrder = false;
                last = bestJ;
            }
            var score = matched / Math.Max(screenedWeight, name.Weight);
            ScreeningMatchKind how;
            if (matchedCount + dropped == tokens.Length && matchedCount == name.Tokens.Length)
            {
                how = distance > 0 ? ScreeningMatchKind.Typo
                    : !inOrder ? ScreeningMatchKind.WordOrder
                    : form.Expanded && !name.Expanded ? ScreeningMatchKind.AbbreviationExpanded : ScreeningMatchKind.Exact;
                if (how == ScreeningMatchKind.WordOrder) score = Math.Min(score, WordOrderScore);
            }
            else how = ScreeningMatchKind.Partial;
            offer(name.Entry, score, name.Text, how, distance);
        }
    }

    [GeneratedRegex(@"^(?<parent>.+?)\s*[\(（\[]\s*(?<branch>[^\)）\]]+?)\s*[\)）\]]\s*$")]
    private static partial Regex Bracketed();
    [GeneratedRegex(@"^(?<parent>.+?)\s*(?:,|\s[-–—]\s|\sat\s)\s*(?<branch>[^,]+?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Separated();
    [GeneratedRegex(@"^(?<branch>.+?)\s+(?:branch\s+campus|campus|branch|graduate\s+school|branch\s+school)\s+of\s+(?<parent>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex CampusOf();
    [GeneratedRegex(@"^(?<parent>.+?)\s+(?<branch>\S+(?:\s+(?:branch\s+campus|campus|branch|graduate\s+school|branch\s+school))?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Trailing();

    /// <summary>Ways a Latin name may be "parent + campus or branch".</summary>
    private static IEnumerable<(string Parent, string Branch)> CampusSplits(string text)
    {
        if (text.Length > 200) yield break; // no institution name is that long; keeps the patterns cheap
        var bracket = text.IndexOfAny(['(', '（', '[']) > 0;
        var separated = text.IndexOf(',') > 0 || text.Contains(" - ") || text.Contains(" – ") || text.Contains(" — ")
            || text.Contains(" at ", StringComparison.OrdinalIgnoreCase);
        var campusOf = text.Contains(" of ", StringComparison.OrdinalIgnoreCase)
            && (text.Contains("campus", StringComparison.OrdinalIgnoreCase) || text.Contains("branch", StringComparison.OrdinalIgnoreCase)
                || text.Contains("school", StringComparison.OrdinalIgnoreCase));
        foreach (var (regex, applies) in new[] { (Bracketed(), bracket), (Separated(), separated), (CampusOf(), campusOf) })
        {
            if (!applies) continue;
            var m = regex.Match(text);
            if (m.Success && NameText.RawWords(m.Groups["branch"].Value).Count is > 0 and <= 4)
                yield return (m.Groups["parent"].Value, m.Groups["branch"].Value);
        }
        // "… Weihai", "… Weihai Campus", "… Shenzhen Graduate School": a trailing place.
        var lastSpace = text.TrimEnd().LastIndexOf(' ');
        if (lastSpace < 0) yield break;
        var lastWord = NameText.RawWords(text[lastSpace..]);
        if (lastWord.Count != 1 || !(IsPlace(lastWord[0]) || lastWord[0] is "campus" or "branch" or "school")) yield break;
        var t = Trailing().Match(text);
        if (t.Success)
        {
            var words = NameText.RawWords(t.Groups["branch"].Value);
            var marked = words.Count > 1;
            if (words.Count > 0 && (marked || IsPlace(words[0])) && NameText.RawWords(t.Groups["parent"].Value).Count >= 2)
                yield return (t.Groups["parent"].Value, t.Groups["branch"].Value);
        }
    }

    private static readonly HashSet<string> GenericWords = new(StringComparer.Ordinal)
    {
        "university", "institute", "college", "academy", "school", "technology", "science", "engineering",
        "china", "chinese", "national", "center", "research", "polytechnic", "company", "corporation", "group",
    };

    private static bool IsPlace(string word) =>
        NameText.KnownWords.Contains(word) && !GenericWords.Contains(word) && PlaceWords.Contains(word);

    private static readonly HashSet<string> PlaceWords = new(NameText.KnownWords.TakeWhile(w => w != "university"), StringComparer.Ordinal);

    private static bool LooksLikeAcronym(string text, bool query)
    {
        text = text.Trim();
        if (text.Length < 2 || text.Length > 12) return false;
        var letters = 0; var upper = 0;
        foreach (var c in text)
        {
            if (c is '.' or '/' or '-' or '&') continue;
            if (c > 127 || !char.IsLetterOrDigit(c)) return false;
            if (char.IsLetter(c)) { letters++; if (char.IsUpper(c)) upper++; }
        }
        if (letters < 2) return false;
        return query ? upper >= 2 || upper == letters : upper == letters;
    }

    private static string AcronymKey(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            if (c < 128 && char.IsLetterOrDigit(c)) sb.Append(char.ToUpperInvariant(c));
        return sb.ToString();
    }

    private static IEnumerable<string> StripChinesePrefix(string key)
    {
        foreach (var p in ChinesePrefixes)
            if (key.StartsWith(p, StringComparison.Ordinal) && key.Length - p.Length >= 4)
            {
                yield return key[p.Length..];
                yield break;
            }
    }

    private static string SortedKey(string[] tokens)
    {
        var copy = (string[])tokens.Clone();
        Array.Sort(copy, StringComparer.Ordinal);
        return string.Join(' ', copy);
    }

    private static void AddTo<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (key.Length == 0) return;
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }
}
