using System.Diagnostics;
using System.Globalization;
using System.Text;
using Waishi.Tests.Features.DueDiligence;
using Waishi.Web.Features.DueDiligence.Screening;

// Screening benchmark: the ASPI profiles (159 institutions with their aliases) plus a generated
// watchlist of 10,000 entries, one index built once, 100,000 generated names screened on one core.
// Baselines in the same run: an exact lookup of normalised names in a hash set (what an exact-only
// screen costs) and a naive loop that compares each normalised name with every normalised entry name.

var names = Arg("--names", 100_000);
var listSize = Arg("--entries", 10_000);
var naiveSample = Arg("--naive-sample", 1_000);
var seed = Arg("--seed", 20261201);

if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
    Process.GetCurrentProcess().ProcessorAffinity = 1; // one core
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var today = new DateOnly(2026, 12, 1);
var random = new Random(seed);

var aspi = ScreeningAspiReader.Read(ScreeningAspiReader.DefaultPath);
var watchlist = Generate.Watchlist(random, listSize, today);
var entries = aspi.Concat(watchlist).ToList();
var queries = Generate.Queries(random, names, entries);
Console.WriteLine($"{aspi.Count} ASPI profiles ({aspi.Sum(e => e.Names.Count + 1)} names) + {watchlist.Count} watchlist entries; {queries.Count:N0} names to screen; 1 core ({Environment.ProcessorCount} present)");

var script = ChineseScript.Default;
var sw = Stopwatch.StartNew();
var index = ScreeningIndex.Build(entries, script);
var build = sw.Elapsed;
Console.WriteLine($"index built in {build.TotalMilliseconds:N0} ms");

foreach (var q in queries.Take(2_000)) index.Screen(q.Name, q.Country, today); // warm-up

GC.Collect();
sw.Restart();
long hits = 0, candidates = 0;
foreach (var q in queries)
{
    var result = index.Screen(q.Name, q.Country, today);
    candidates += result.Count;
    if (result.Count > 0 && result[0].IsHit) hits++;
}
var total = sw.Elapsed;
Console.WriteLine($"screening: {queries.Count:N0} names in {total.TotalSeconds:N2} s = {queries.Count / total.TotalSeconds:N0} names/s; {hits:N0} hits, {candidates:N0} candidates");

// Baseline 1: exact lookup of normalised strings.
sw.Restart();
var exact = new Dictionary<string, int>(StringComparer.Ordinal);
for (var i = 0; i < entries.Count; i++)
    foreach (var n in entries[i].Names.Select(n => n.Text).Prepend(entries[i].PrimaryName))
        exact.TryAdd(Naive(n), i);
var exactBuild = sw.Elapsed;
sw.Restart();
long exactHits = 0;
foreach (var q in queries)
    if (exact.ContainsKey(Naive(q.Name))) exactHits++;
var exactTotal = sw.Elapsed;
Console.WriteLine($"baseline exact lookup: built in {exactBuild.TotalMilliseconds:N0} ms; {queries.Count:N0} names in {exactTotal.TotalSeconds:N2} s = {queries.Count / exactTotal.TotalSeconds:N0} names/s; {exactHits:N0} hits");

// Baseline 2: a naive loop over every entry name (on a sample, then scaled to all names).
var flat = exact.Keys.ToArray();
var sample = queries.Take(naiveSample).ToList();
sw.Restart();
long naiveHits = 0;
foreach (var q in sample)
{
    var key = Naive(q.Name);
    foreach (var n in flat)
        if (string.Equals(n, key, StringComparison.Ordinal)) { naiveHits++; break; }
}
var naive = sw.Elapsed;
var naiveScaled = naive.TotalSeconds * queries.Count / Math.Max(1, sample.Count);
Console.WriteLine($"baseline naive loop: {sample.Count:N0} names × {flat.Length:N0} entry names in {naive.TotalSeconds:N2} s = {sample.Count / naive.TotalSeconds:N0} names/s (≈ {naiveScaled:N1} s for {queries.Count:N0})");
Console.WriteLine($"target: under 10 s for {queries.Count:N0} names — {(total.TotalSeconds < 10 ? "met" : "NOT met")} ({total.TotalSeconds:N2} s)");
return total.TotalSeconds < 10 ? 0 : 1;

static string Naive(string s)
{
    var sb = new StringBuilder(s.Length);
    foreach (var c in s.ToLowerInvariant())
        if (char.IsLetterOrDigit(c)) sb.Append(c);
    return sb.ToString();
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}

internal sealed record Query(string Name, string? Country);

internal static class Generate
{
    private static readonly string[] Places =
    [
        "Beijing", "Shanghai", "Tianjin", "Chongqing", "Harbin", "Shenzhen", "Wuhan", "Nanjing", "Hangzhou",
        "Chengdu", "Changsha", "Guangzhou", "Dalian", "Qingdao", "Jinan", "Shenyang", "Changchun", "Hefei",
        "Fuzhou", "Xiamen", "Kunming", "Lanzhou", "Taiyuan", "Zhengzhou", "Nanchang", "Guiyang", "Nanning",
        "Urumqi", "Luoyang", "Mianyang", "Baoding", "Yantai", "Wuxi", "Xuzhou", "Wenzhou", "Guilin",
        "Moscow", "Novosibirsk", "Tomsk", "Kazan", "Tehran", "Isfahan", "Pyongyang", "Minsk", "Karachi",
        "Lahore", "Damascus", "Caracas", "Almaty", "Tashkent", "Tbilisi", "Yerevan", "Baku", "Dhaka",
        "Hanoi", "Yangon", "Vientiane", "Colombo", "Kathmandu", "Ulaanbaatar",
    ];
    private static readonly string[] Subjects =
    [
        "Technology", "Science and Technology", "Aeronautics", "Astronautics", "Electronics", "Optics",
        "Nuclear Physics", "Applied Physics", "Chemical Engineering", "Materials Science", "Radio Engineering",
        "Precision Mechanics", "Automation", "Computing", "Information Engineering", "Telecommunications",
        "Marine Engineering", "Shipbuilding", "Armament", "Explosives", "Propulsion", "Space Systems",
        "Laser Technology", "Semiconductor Physics", "Cryptography", "Surveying and Mapping", "Metallurgy",
        "Mining", "Petroleum", "Power Engineering", "Robotics", "Microelectronics", "Acoustics", "Geophysics",
        "Mathematics", "Systems Engineering", "Control Engineering", "Radar", "Avionics", "Biotechnology",
    ];
    private static readonly string[] Kinds = ["University of", "Institute of", "Academy of", "College of", "Research Institute of", "Center for", "Laboratory of"];
    private static readonly string[] Countries = ["CN", "CN", "CN", "RU", "IR", "KP", "BY", "PK", "SY"];
    private static readonly string[] ChinesePlaces = ["北京", "上海", "天津", "重庆", "哈尔滨", "深圳", "武汉", "南京", "杭州", "成都", "长沙", "广州", "大连", "青岛", "西安", "沈阳"];
    private static readonly string[] ChineseSubjects = ["航空", "航天", "电子", "光学", "核物理", "应用物理", "化工", "材料", "无线电", "精密机械", "自动化", "计算", "信息工程", "通信", "船舶", "兵器", "推进", "激光", "半导体", "密码"];
    private static readonly string[] ChineseKinds = ["大学", "研究所", "研究院", "学院", "实验室"];
    private static readonly string[] Unrelated =
    [
        "Lyon", "Porto", "Quebec", "Adelaide", "Osaka", "Busan", "Lagos", "Lima", "Bogota", "Krakow", "Leipzig",
        "Bergen", "Turku", "Malmo", "Bologna", "Seville", "Galway", "Leeds", "Perth", "Auckland",
    ];
    private static readonly string[] UnrelatedSubjects =
    [
        "Music", "Fine Arts", "Law", "Economics", "Tourism", "Agriculture", "Nursing", "Education", "Theology",
        "Social Work", "Veterinary Medicine", "Public Health", "Philosophy", "Linguistics", "Design",
    ];

    public static List<ScreeningEntry> Watchlist(Random random, int count, DateOnly today)
    {
        var list = new List<ScreeningEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var place = Pick(random, Places);
            var english = random.Next(2) == 0
                ? $"{place} {Pick(random, Kinds)} {Pick(random, Subjects)}"
                : $"{Pick(random, Subjects).Split(' ')[0]} {Pick(random, ["Research Institute", "Design Bureau", "Academy", "University"])} No. {random.Next(1, 900)}";
            var names = new List<ScreeningName>();
            if (random.Next(3) == 0)
                names.Add(new ScreeningName($"{Pick(random, ChinesePlaces)}{Pick(random, ChineseSubjects)}{Pick(random, ChineseKinds)}", "zh"));
            if (random.Next(4) == 0)
                names.Add(new ScreeningName(new string(Enumerable.Range(0, random.Next(3, 6)).Select(_ => (char)('A' + random.Next(26))).ToArray()), IsAcronym: true));
            DateOnly? from = null, to = null;
            switch (random.Next(10))
            {
                case 0: to = today.AddDays(-random.Next(1, 900)); break; // expired
                case 1: from = today.AddDays(random.Next(1, 90)); break;  // not yet valid
                case 2: from = today.AddDays(-random.Next(1, 900)); to = today.AddDays(random.Next(1, 900)); break;
            }
            list.Add(new ScreeningEntry(ScreeningSourceKind.WatchlistEntry, Guid.NewGuid(), english, names,
                Pick(random, Countries), from, to, "Generated list"));
        }
        return list;
    }

    public static List<Query> Queries(Random random, int count, IReadOnlyList<ScreeningEntry> entries)
    {
        var queries = new List<Query>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = random.Next(100);
            var entry = entries[random.Next(entries.Count)];
            if (kind < 15) queries.Add(new(entry.PrimaryName, null));
            else if (kind < 25) queries.Add(new(Typo(random, entry.PrimaryName), null));
            else if (kind < 32) queries.Add(new(entry.PrimaryName.Replace("University", "Univ.").Replace("Institute", "Inst.").Replace("Technology", "Tech.").ToUpperInvariant(), null));
            else if (kind < 38) queries.Add(new(entry.PrimaryName + ", " + Pick(random, Places), null));
            else if (kind < 45 && entry.Names.FirstOrDefault(n => n.Language == "zh") is { } zh) queries.Add(new(zh.Text, null));
            else if (kind < 50 && entry.Names.FirstOrDefault(n => n.IsAcronym) is { } acronym) queries.Add(new(acronym.Text, entry.CountryCode));
            else queries.Add(new($"{Pick(random, Unrelated)} {Pick(random, Kinds)} {Pick(random, UnrelatedSubjects)}", random.Next(2) == 0 ? "FR" : null));
        }
        return queries;
    }

    private static string Typo(Random random, string name)
    {
        if (name.Length < 8) return name;
        var p = 2 + random.Next(name.Length - 4);
        return random.Next(2) == 0 ? name.Remove(p, 1) : name[..p] + name[p + 1] + name[p] + name[(p + 2)..];
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
