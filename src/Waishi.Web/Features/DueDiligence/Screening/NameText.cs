using System.Globalization;
using System.Text;

namespace Waishi.Web.Features.DueDiligence.Screening;

/// <summary>A name split into its Latin words (normalised) or its Chinese characters (folded).</summary>
internal sealed record NameForm(string[] Tokens, bool Expanded, string? Chinese, bool Folded, string Raw);

/// <summary>
/// Normalisation of institution names for screening: case, accents, punctuation and spacing;
/// abbreviations expanded ("Univ." → university); British spellings and plurals folded; filler words
/// ("the", "of", "and", "PLA") dropped; Chinese folded to simplified characters with punctuation and
/// spacing removed.
/// </summary>
internal static class NameText
{
    private static readonly Dictionary<string, string> Abbreviations = new()
    {
        ["univ"] = "university", ["uni"] = "university", ["u"] = "university", ["universitat"] = "university",
        ["universite"] = "university", ["universidad"] = "university", ["universita"] = "university",
        ["tech"] = "technology", ["techn"] = "technology", ["technol"] = "technology",
        ["inst"] = "institute", ["instit"] = "institute", ["sci"] = "science", ["scis"] = "science",
        ["natl"] = "national", ["nat"] = "national", ["nationl"] = "national",
        ["acad"] = "academy", ["coll"] = "college", ["eng"] = "engineering", ["engg"] = "engineering",
        ["engr"] = "engineering", ["engin"] = "engineering", ["intl"] = "international",
        ["med"] = "medical", ["ctr"] = "center", ["cntr"] = "center", ["centre"] = "center",
        ["defence"] = "defense", ["armoured"] = "armored", ["corp"] = "corporation", ["grp"] = "group", ["res"] = "research", ["lab"] = "laboratory",
        ["labs"] = "laboratory", ["mil"] = "military", ["chem"] = "chemical", ["elec"] = "electronic",
        ["telecom"] = "telecommunication", ["telecoms"] = "telecommunication",
        ["telecomm"] = "telecommunication", ["dept"] = "department", ["poly"] = "polytechnic",
        ["polytech"] = "polytechnic", ["aeronaut"] = "aeronautic", ["astronaut"] = "astronautic",
        ["mgmt"] = "management", ["admin"] = "administration", ["hosp"] = "hospital",
        ["assoc"] = "association", ["sch"] = "school", ["govt"] = "government", ["info"] = "information",
        ["sys"] = "system", ["aero"] = "aeronautic", ["aerosp"] = "aerospace", ["phys"] = "physic",
        ["math"] = "mathematic", ["tele"] = "telecommunication", ["comm"] = "communication",
        ["commun"] = "communication", ["elect"] = "electronic", ["electr"] = "electronic",
        ["mech"] = "mechanical", ["ind"] = "industry", ["indus"] = "industry", ["cent"] = "central",
        ["sw"] = "southwest", ["nw"] = "northwest", ["ne"] = "northeast", ["se"] = "southeast",
        ["ncos"] = "nco", ["programme"] = "program", ["labour"] = "labor",
    };

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "the", "of", "for", "and", "at", "in", "on", "a", "an", "de", "del", "della", "di", "du", "des",
        "la", "le", "les", "der", "die", "das", "fur", "zu", "y", "e", "et", "pla", "prc",
        // Company forms: "Co., Ltd." says nothing about which company.
        "co", "ltd", "limited", "inc", "llc", "plc", "gmbh",
    };

    /// <summary>Words that are real words of institution names or places: never read as a typo of another.</summary>
    internal static readonly HashSet<string> KnownWords = new(StringComparer.Ordinal)
    {
        // Chinese provinces, regions and cities (pinyin) and some places with a campus.
        "beijing", "shanghai", "tianjin", "chongqing", "harbin", "shenzhen", "weihai", "zhuhai", "suzhou",
        "wuhan", "nanjing", "hangzhou", "ningbo", "xian", "chengdu", "changsha", "guangzhou", "dalian",
        "qingdao", "jinan", "shenyang", "changchun", "hefei", "fuzhou", "xiamen", "kunming", "lanzhou",
        "taiyuan", "shijiazhuang", "zhengzhou", "nanchang", "guiyang", "nanning", "haikou", "hohhot",
        "urumqi", "lhasa", "xining", "yinchuan", "luoyang", "mianyang", "baoding", "qinhuangdao",
        "yantai", "zibo", "wuxi", "changzhou", "xuzhou", "yangzhou", "zhenjiang", "nantong", "wenzhou",
        "shaoxing", "jinhua", "taizhou", "guilin", "liuzhou", "zhanjiang", "shantou", "foshan",
        "dongguan", "huizhou", "sanya", "kaifeng", "anyang", "yichang", "xiangtan", "zhuzhou", "hengyang",
        "ganzhou", "jiujiang", "bengbu", "wuhu", "maanshan", "huainan", "tangshan", "handan", "langfang",
        "zhangjiakou", "datong", "baotou", "anshan", "fushun", "yanbian", "daqing", "qiqihar",
        "mudanjiang", "jiamusi", "hebei", "shanxi", "shaanxi", "henan", "hunan", "hubei", "anhui",
        "jiangsu", "jiangxi", "zhejiang", "fujian", "guangdong", "guangxi", "hainan", "sichuan",
        "guizhou", "yunnan", "gansu", "qinghai", "ningxia", "xinjiang", "tibet", "xizang",
        "heilongjiang", "liaoning", "jilin", "shandong", "mongolia", "hongkong", "hong", "kong", "macau",
        "macao", "taiwan", "taipei", "hsinchu", "kowloon", "tainan", "taichung", "kaohsiung", "yangling",
        "jiaozuo", "xiangyang", "huangshan", "yueyang", "changde", "chenzhou", "shaoguan", "jiangmen",
        "jingdezhen", "pingdingshan", "xinxiang", "jinzhou", "dandong", "yingkou", "tongji", "fudan",
        // Words of institution names.
        "university", "institute", "college", "academy", "school", "normal", "agricultural",
        "agriculture", "forestry", "medical", "medicine", "pharmaceutical", "finance", "economic",
        "economics", "law", "politic", "political", "foreign", "language", "studie", "sport", "art",
        "music", "conservatory", "fine", "teacher", "petroleum", "mining", "geoscience", "ocean",
        "maritime", "marine", "traffic", "transportation", "jiaotong", "communication", "post",
        "telecommunication", "electric", "electrical", "electronic", "power", "energy", "chemical",
        "chemistry", "physic", "mathematic", "textile", "light", "industry", "industrial", "commerce",
        "commercial", "business", "management", "international", "national", "central", "southern",
        "northern", "eastern", "western", "north", "south", "east", "west", "northeast", "northwest",
        "southeast", "southwest", "northeastern", "northwestern", "southwestern", "southeastern",
        "technology", "technological", "science", "engineering", "polytechnic", "polytechnical",
        "research", "health", "nursing", "traditional", "chinese", "veterinary", "aviation",
        "aeronautic", "astronautic", "aerospace", "civil", "architecture", "construction", "water",
        "resource", "hydraulic", "environment", "information", "computer", "software", "design", "media",
        "film", "drama", "dance", "opera", "police", "security", "public", "defense", "military", "naval",
        "navy", "army", "force", "air", "rocket", "armed", "people", "minzu", "nationalitie", "ethnic",
        "open", "radio", "television", "capital", "city", "metropolitan", "state", "federal", "royal",
        "imperial", "free", "catholic", "christian", "technical", "applied", "higher", "advanced",
        "graduate", "distance", "accounting", "tourism", "affair", "diplomacy", "petrochemical", "steel",
        "iron", "metallurgy", "nuclear", "optic", "optical", "mechanic", "mechanical", "automation",
        "instrument", "precision", "material", "biology", "biological", "life", "food", "grain",
        "mineral", "campus", "branch", "center", "hospital", "group", "company", "corporation",
        "limited", "china", "university", "normal", "ocean", "medical", "union", "peking", "tsinghua",
    };

    /// <summary>Splits a name into its forms: "Tsinghua University (清华大学)" gives the Latin and the Chinese.</summary>
    public static List<NameForm> Forms(string text, ChineseScript script)
    {
        var forms = new List<NameForm>(2);
        text = text.Normalize(NormalizationForm.FormKC).Trim();
        if (text.Length == 0) return forms;
        if (!HasIdeograph(text))
        {
            forms.Add(Latin(text));
            return forms;
        }
        // "English (中文)": the bracket holds the Chinese name, the rest is the Latin one.
        var open = text.IndexOf('(');
        if (open > 0 && text.EndsWith(')') && HasIdeograph(text[open..]) && !HasIdeograph(text[..open]))
        {
            var latin = text[..open].Trim();
            var chinese = text[(open + 1)..^1].Trim();
            if (latin.Length > 0) forms.Add(Latin(latin));
            if (chinese.Length > 0) forms.Add(Chinese(chinese, script));
            return forms;
        }
        forms.Add(Chinese(text, script));
        return forms;
    }

    public static bool HasIdeograph(string text)
    {
        foreach (var r in text.EnumerateRunes())
            if (ChineseScript.IsIdeograph(r)) return true;
        return false;
    }

    /// <summary>Lower case, no accents, no apostrophes; every other mark separates words.</summary>
    public static List<string> RawWords(string text)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat == UnicodeCategory.NonSpacingMark) continue;
            if (c is '\'' or '’' or '‘' or '`' or 'ʼ') continue;
            if (char.IsLetterOrDigit(c)) { sb.Append(char.ToLowerInvariant(c)); continue; }
            if (sb.Length > 0) { words.Add(sb.ToString()); sb.Clear(); }
            if (c == '&') words.Add("and");
        }
        if (sb.Length > 0) words.Add(sb.ToString());
        return words;
    }

    /// <summary>One word in its compared form: abbreviation expanded, plural folded.</summary>
    public static string Word(string raw, out bool expanded)
    {
        expanded = false;
        if (Abbreviations.TryGetValue(raw, out var full)) { expanded = true; raw = full; }
        if (raw.Length > 4 && raw[^1] == 's' && raw[^2] != 's' && raw[^2] != 'u' && raw[^2] != 'i')
            raw = raw[..^1];
        return raw;
    }

    public static bool IsFiller(string word) => Fillers.Contains(word);

    public static NameForm Latin(string text)
    {
        var tokens = new List<string>();
        var expanded = false;
        foreach (var raw in RawWords(text))
        {
            if (Fillers.Contains(raw)) continue;
            var word = Word(raw, out var e);
            if (Fillers.Contains(word)) continue;
            expanded |= e;
            tokens.Add(word);
        }
        // "(Chinese) People's Liberation Army" is the "PLA" that is dropped as a filler.
        for (var i = 0; i + 2 < tokens.Count; i++)
            if (tokens[i] == "people" && tokens[i + 1] == "liberation" && tokens[i + 2] == "army")
            {
                var start = i > 0 && tokens[i - 1] == "chinese" ? i - 1 : i;
                tokens.RemoveRange(start, i + 3 - start);
                break;
            }
        return new NameForm(tokens.ToArray(), expanded, null, false, text);
    }

    /// <summary>Simplified characters, letters and digits only; brackets, spaces and marks removed.</summary>
    public static NameForm Chinese(string text, ChineseScript script)
    {
        var sb = new StringBuilder(text.Length);
        var folded = false;
        foreach (var r in text.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (ChineseScript.IsIdeograph(r))
            {
                folded |= script.TryFold(r, out var s);
                sb.Append(s);
            }
            else if (Rune.IsLetterOrDigit(r))
                sb.Append(Rune.ToLowerInvariant(r).ToString());
        }
        return new NameForm([], false, sb.ToString(), folded, text);
    }

    /// <summary>Optimal-string-alignment distance (a swap of two neighbours counts one), or max+1 when beyond max.</summary>
    public static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        var n = a.Length; var m = b.Length;
        Span<int> prev2 = stackalloc int[m + 1];
        Span<int> prev = stackalloc int[m + 1];
        Span<int> cur = stackalloc int[m + 1];
        for (var j = 0; j <= m; j++) prev[j] = j;
        for (var i = 1; i <= n; i++)
        {
            cur[0] = i;
            var rowMin = i;
            for (var j = 1; j <= m; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    v = Math.Min(v, prev2[j - 2] + 1);
                cur[j] = v;
                if (v < rowMin) rowMin = v;
            }
            if (rowMin > max) return max + 1;
            var t = prev2; prev2 = prev; prev = cur; cur = t;
        }
        return prev[m];
    }

    /// <summary>Edit distance a word of this length may be from a listed word and still be a typo of it.</summary>
    public static int AllowedTypos(int length) => length > 40 ? 0 : length >= 9 ? 2 : length >= 6 ? 1 : 0;
}
