using System.Globalization;
using System.Text.Json;

namespace Waishi.Bench.Partners;

/// <summary>
/// Writes a ROR v2 data dump (a JSON array of organisation records, shaped as the registry's own
/// dumps: ids with their check digits, names of several types and languages, geonames locations,
/// links, external ids, relationships, admin dates) from a fixed seed, so every run imports the same
/// data. Names are built from a few hundred words so that searches match many, some or no records.
/// </summary>
public sealed class Generator(int records, int seed)
{
    private sealed record City(string Name, string CountryCode, string CountryName, string Continent, string ContinentName,
        double Lat, double Lng, long Geonames, string Lang, string? Local);

    // Local names: {0} is the city. Chinese and Japanese cities carry their own local name.
    private static readonly City[] Cities =
    [
        new("Chongqing", "CN", "China", "AS", "Asia", 29.56, 106.55, 1814906, "zh", "重庆"),
        new("Beijing", "CN", "China", "AS", "Asia", 39.91, 116.40, 1816670, "zh", "北京"),
        new("Shanghai", "CN", "China", "AS", "Asia", 31.22, 121.46, 1796236, "zh", "上海"),
        new("Chengdu", "CN", "China", "AS", "Asia", 30.67, 104.07, 1815286, "zh", "成都"),
        new("Wuhan", "CN", "China", "AS", "Asia", 30.58, 114.27, 1791247, "zh", "武汉"),
        new("Hong Kong", "HK", "Hong Kong", "AS", "Asia", 22.28, 114.17, 1819729, "zh", "香港"),
        new("Macao", "MO", "Macao", "AS", "Asia", 22.20, 113.55, 1821274, "zh", "澳门"),
        new("Taipei", "TW", "Taiwan", "AS", "Asia", 25.05, 121.53, 1668341, "zh", "台北"),
        new("Tokyo", "JP", "Japan", "AS", "Asia", 35.69, 139.69, 1850147, "ja", "東京"),
        new("Osaka", "JP", "Japan", "AS", "Asia", 34.69, 135.50, 1853909, "ja", "大阪"),
        new("Seoul", "KR", "South Korea", "AS", "Asia", 37.57, 126.98, 1835848, "ko", null),
        new("Singapore", "SG", "Singapore", "AS", "Asia", 1.29, 103.85, 1880252, "en", null),
        new("Bangkok", "TH", "Thailand", "AS", "Asia", 13.75, 100.50, 1609350, "th", null),
        new("Delhi", "IN", "India", "AS", "Asia", 28.65, 77.23, 1273294, "hi", null),
        new("Bangalore", "IN", "India", "AS", "Asia", 12.97, 77.59, 1277333, "en", null),
        new("Berlin", "DE", "Germany", "EU", "Europe", 52.52, 13.41, 2950159, "de", null),
        new("Munich", "DE", "Germany", "EU", "Europe", 48.14, 11.58, 2867714, "de", null),
        new("Hamburg", "DE", "Germany", "EU", "Europe", 53.55, 9.99, 2911298, "de", null),
        new("Paris", "FR", "France", "EU", "Europe", 48.85, 2.35, 2988507, "fr", null),
        new("Lyon", "FR", "France", "EU", "Europe", 45.75, 4.85, 2996944, "fr", null),
        new("Madrid", "ES", "Spain", "EU", "Europe", 40.42, -3.70, 3117735, "es", null),
        new("Barcelona", "ES", "Spain", "EU", "Europe", 41.39, 2.16, 3128760, "es", null),
        new("Rome", "IT", "Italy", "EU", "Europe", 41.89, 12.51, 3169070, "it", null),
        new("Milan", "IT", "Italy", "EU", "Europe", 45.46, 9.19, 3173435, "it", null),
        new("Warsaw", "PL", "Poland", "EU", "Europe", 52.23, 21.01, 756135, "pl", null),
        new("Vienna", "AT", "Austria", "EU", "Europe", 48.21, 16.37, 2761369, "de", null),
        new("Zurich", "CH", "Switzerland", "EU", "Europe", 47.37, 8.55, 2657896, "de", null),
        new("Amsterdam", "NL", "Netherlands", "EU", "Europe", 52.37, 4.89, 2759794, "nl", null),
        new("Stockholm", "SE", "Sweden", "EU", "Europe", 59.33, 18.07, 2673730, "sv", null),
        new("Helsinki", "FI", "Finland", "EU", "Europe", 60.17, 24.94, 658225, "fi", null),
        new("London", "GB", "United Kingdom", "EU", "Europe", 51.51, -0.13, 2643743, "en", null),
        new("Manchester", "GB", "United Kingdom", "EU", "Europe", 53.48, -2.24, 2643123, "en", null),
        new("Moscow", "RU", "Russia", "EU", "Europe", 55.75, 37.62, 524901, "ru", null),
        new("New York", "US", "United States", "NA", "North America", 40.71, -74.01, 5128581, "en", null),
        new("Boston", "US", "United States", "NA", "North America", 42.36, -71.06, 4930956, "en", null),
        new("Oakland", "US", "United States", "NA", "North America", 37.80, -122.27, 5378538, "en", null),
        new("Chicago", "US", "United States", "NA", "North America", 41.85, -87.65, 4887398, "en", null),
        new("Toronto", "CA", "Canada", "NA", "North America", 43.70, -79.42, 6167865, "en", null),
        new("Montreal", "CA", "Canada", "NA", "North America", 45.51, -73.59, 6077243, "fr", null),
        new("Mexico City", "MX", "Mexico", "NA", "North America", 19.43, -99.13, 3530597, "es", null),
        new("São Paulo", "BR", "Brazil", "SA", "South America", -23.55, -46.64, 3448439, "pt", null),
        new("Buenos Aires", "AR", "Argentina", "SA", "South America", -34.61, -58.38, 3435910, "es", null),
        new("Santiago", "CL", "Chile", "SA", "South America", -33.46, -70.65, 3871336, "es", null),
        new("Sydney", "AU", "Australia", "OC", "Oceania", -33.87, 151.21, 2147714, "en", null),
        new("Melbourne", "AU", "Australia", "OC", "Oceania", -37.81, 144.96, 2158177, "en", null),
        new("Auckland", "NZ", "New Zealand", "OC", "Oceania", -36.85, 174.76, 2193733, "en", null),
        new("Cairo", "EG", "Egypt", "AF", "Africa", 30.06, 31.25, 360630, "ar", null),
        new("Nairobi", "KE", "Kenya", "AF", "Africa", -1.28, 36.82, 184745, "en", null),
        new("Lagos", "NG", "Nigeria", "AF", "Africa", 6.45, 3.39, 2332459, "en", null),
        new("Cape Town", "ZA", "South Africa", "AF", "Africa", -33.93, 18.42, 3369157, "en", null),
    ];

    private static readonly string[] Fields =
    [
        "Technology", "Science and Technology", "Medicine", "Agriculture", "Engineering", "Economics", "Law", "Education",
        "Fine Arts", "Music", "Physics", "Chemistry", "Mathematics", "Biology", "Geosciences", "Marine Sciences",
        "Aeronautics", "Telecommunications", "Pharmacy", "Forestry", "Veterinary Medicine", "Social Sciences",
        "Languages", "International Studies", "Finance", "Architecture", "Nursing", "Public Health", "Energy",
        "Materials Science", "Nanotechnology", "Photonics", "Robotics", "Oceanography", "Astronomy", "Linguistics",
    ];

    private static readonly string[] Surnames =
    [
        "Humboldt", "Curie", "Pasteur", "Newton", "Kepler", "Galilei", "Tesla", "Nobel", "Bohr", "Planck", "Darwin",
        "Faraday", "Maxwell", "Fermi", "Hopkins", "Stanford", "Cornell", "Carnegie", "Mellon", "Rockefeller", "Tsinghua",
        "Fudan", "Nankai", "Keio", "Waseda", "Yonsei", "Korea", "Monash", "McGill", "Laval", "Aalto", "Chalmers",
        "Karolinska", "Leiden", "Ghent", "Bocconi", "Sapienza", "Jagiellonian", "Lomonosov", "Makerere", "Witwatersrand",
        "Sorbonne", "Bologna", "Salamanca", "Coimbra", "Heidelberg", "Tübingen", "Göttingen", "Uppsala", "Lund",
    ];

    private static readonly string[] Words =
    [
        "Nordlicht", "Bluewater", "Redwood", "Silverline", "Goldcrest", "Greenfield", "Brightpath", "Ironbridge", "Sunrise",
        "Clearview", "Northstar", "Westbrook", "Eastgate", "Southern Cross", "Highland", "Riverside", "Lakeside", "Crystal",
        "Quantum", "Vertex", "Apex", "Summit", "Horizon", "Pioneer", "Frontier", "Harbor", "Meridian", "Zenith", "Aurora",
        "Cobalt", "Helix", "Nova", "Orbit", "Polaris", "Sigma", "Titan", "Vector", "Vivid", "Zephyr", "Atlas",
    ];

    private static readonly string[] Trades =
    [
        "Photonics", "Pharmaceuticals", "Biotech", "Instruments", "Semiconductors", "Software", "Materials", "Energy",
        "Medical Devices", "Robotics", "Analytics", "Chemicals", "Aerospace", "Automotive", "Telecom", "Foods",
    ];

    private static readonly string[] CompanySuffixes = ["GmbH", "Ltd", "Inc.", "S.A.", "AG", "Co., Ltd.", "B.V.", "S.p.A.", "K.K.", "LLC"];

    private static readonly (string Type, int Weight)[] TypeWeights =
    [
        ("education", 22), ("company", 26), ("facility", 14), ("healthcare", 13), ("nonprofit", 10), ("government", 7),
        ("funder", 3), ("archive", 2), ("other", 3),
    ];

    private const string Crockford = "0123456789abcdefghjkmnpqrstvwxyz";

    /// <summary>The ROR id of the i-th record: "0", six base-32 digits (a bijection of i) and two check digits.</summary>
    public static string Id(int i, int seed)
    {
        var value = ((long)i * 0x2545F491L + seed * 7919L) & ((1L << 30) - 1);
        var n = value;
        Span<char> id = stackalloc char[9];
        id[0] = '0';
        for (var k = 6; k >= 1; k--)
        {
            id[k] = Crockford[(int)(n & 31)];
            n >>= 5;
        }
        var check = 98 - (int)(value * 100 % 97);
        id[7] = (char)('0' + check / 10);
        id[8] = (char)('0' + check % 10);
        return new string(id);
    }

    public async Task WriteAsync(string path)
    {
        var random = new Random(seed);
        var displayNames = new string[records];
        var ids = new string[records];
        for (var i = 0; i < records; i++)
        {
            ids[i] = Id(i, seed);
        }
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        await using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        var totalWeight = TypeWeights.Sum(t => t.Weight);
        for (var i = 0; i < records; i++)
        {
            var roll = random.Next(totalWeight);
            var type = TypeWeights.First(t => (roll -= t.Weight) < 0).Type;
            var city = Cities[random.Next(Cities.Length)];
            var (display, local, alias) = Name(random, type, city);
            displayNames[i] = display;
            WriteRecord(json, random, i, ids, displayNames, type, city, display, local, alias);
            if (json.BytesPending > 1 << 16)
            {
                await json.FlushAsync();
            }
        }
        json.WriteEndArray();
        await json.FlushAsync();
    }

    private static T Pick<T>(Random r, T[] items) => items[r.Next(items.Length)];

    /// <summary>The English display name, a label in the city's language (or null) and an alias (or null).</summary>
    private static (string Display, string? Local, string? Alias) Name(Random r, string type, City city)
    {
        var field = Pick(r, Fields);
        var surname = Pick(r, Surnames);
        string display = type switch
        {
            "education" => r.Next(6) switch
            {
                0 => $"University of {city.Name}",
                1 => $"{city.Name} University of {field}",
                2 => $"{surname} University",
                3 => $"{city.Name} College of {field}",
                4 => $"{city.Name} Institute of {field}",
                _ => $"{surname} University of {field}",
            },
            "facility" => r.Next(3) switch
            {
                0 => $"{city.Name} Institute for {field} Research",
                1 => $"{surname} Laboratory of {field}",
                _ => $"National Centre for {field}, {city.Name}",
            },
            "healthcare" => r.Next(3) switch
            {
                0 => $"{city.Name} {Pick(r, ["General", "Children's", "Central", "University", "People's", "Memorial"])} Hospital",
                1 => $"{surname} Medical Center",
                _ => $"{city.Name} Clinic of {field}",
            },
            "company" => $"{Pick(r, Words)} {Pick(r, Trades)} {Pick(r, CompanySuffixes)}",
            "government" => r.Next(2) == 0 ? $"Ministry of {field} of {city.CountryName}" : $"{city.Name} Bureau of {field}",
            "nonprofit" => r.Next(2) == 0 ? $"{surname} Foundation" : $"{city.CountryName} Society of {field}",
            "funder" => $"{city.CountryName} {field} Research Council",
            "archive" => $"{city.Name} {Pick(r, ["Municipal", "State", "National", "Historical"])} Archives",
            _ => $"{Pick(r, Words)} {Pick(r, ["Observatory", "Museum", "Botanical Garden", "Consortium"])}",
        };
        string? local = null;
        if (type is "education" or "facility" or "healthcare" && r.Next(3) > 0)
        {
            local = city.Lang switch
            {
                "zh" => city.Local + (type == "education" ? Pick(r, ["大学", "理工大学", "医科大学", "师范大学"])
                    : type == "facility" ? Pick(r, ["研究院", "研究所"]) : Pick(r, ["人民医院", "中心医院"])),
                "ja" => city.Local + (type == "education" ? Pick(r, ["大学", "工業大学", "医科大学"])
                    : type == "facility" ? "研究所" : "病院"),
                "de" => $"{Pick(r, ["Universität", "Technische Universität", "Hochschule", "Klinikum"])} {city.Name}",
                "fr" => $"{Pick(r, ["Université de", "École nationale de", "Hôpital de"])} {city.Name}",
                "es" => $"{Pick(r, ["Universidad de", "Instituto Politécnico de", "Hospital de"])} {city.Name}",
                "it" => $"{Pick(r, ["Università degli Studi di", "Politecnico di", "Ospedale di"])} {city.Name}",
                "pt" => $"{Pick(r, ["Universidade de", "Instituto Federal de"])} {city.Name}",
                "pl" => $"{Pick(r, ["Uniwersytet", "Politechnika"])} {city.Name}",
                _ => null,
            };
        }
        var alias = r.Next(5) == 0 ? $"{display.Split(' ')[0]} {Pick(r, ["Institute", "Group", "Centre"])}" : null;
        return (display, local, alias);
    }

    private static string Acronym(string name) =>
        new([.. name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Select(w => w[0])]);

    private void WriteRecord(Utf8JsonWriter json, Random r, int i, string[] ids, string[] displayNames, string type, City city,
        string display, string? local, string? alias)
    {
        json.WriteStartObject();
        json.WritePropertyName("locations");
        json.WriteStartArray();
        WriteLocation(json, city);
        if (r.Next(25) == 0)
        {
            WriteLocation(json, Cities[r.Next(Cities.Length)]);
        }
        json.WriteEndArray();
        if (r.Next(10) < 7)
        {
            json.WriteNumber("established", 1850 + r.Next(175));
        }
        else
        {
            json.WriteNull("established");
        }
        json.WritePropertyName("external_ids");
        json.WriteStartArray();
        if (r.Next(10) < 8)
        {
            var grid = $"grid.{r.Next(1000, 99999)}.{r.Next(1, 99):D2}";
            WriteExternal(json, "grid", [grid], grid);
        }
        if (r.Next(10) < 6)
        {
            WriteExternal(json, "isni", [$"0000 000{r.Next(10)} {r.Next(1000, 9999)} {r.Next(1000, 9999)}"], null);
        }
        if (r.Next(10) < 5)
        {
            var wikidata = $"Q{r.Next(1000, 99_999_999)}";
            WriteExternal(json, "wikidata", [wikidata], wikidata);
        }
        if (type == "funder" || r.Next(20) == 0)
        {
            var fundref = $"{r.Next(100_000_000, 100_020_000)}";
            WriteExternal(json, "fundref", [fundref, $"{r.Next(100_000_000, 100_020_000)}"], fundref);
        }
        json.WriteEndArray();
        json.WriteString("id", "https://ror.org/" + ids[i]);
        var domain = new string([.. display.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(24)]);
        json.WritePropertyName("domains");
        json.WriteStartArray();
        if (r.Next(3) > 0)
        {
            json.WriteStringValue($"{domain}.{city.CountryCode.ToLowerInvariant()}");
        }
        json.WriteEndArray();
        json.WritePropertyName("links");
        json.WriteStartArray();
        if (r.Next(10) < 8)
        {
            WriteLink(json, "website", $"https://www.{domain}.{city.CountryCode.ToLowerInvariant()}/");
        }
        if (r.Next(10) < 3)
        {
            WriteLink(json, "wikipedia", $"https://en.wikipedia.org/wiki/{Uri.EscapeDataString(display.Replace(' ', '_'))}");
        }
        json.WriteEndArray();
        json.WritePropertyName("names");
        json.WriteStartArray();
        var acronym = Acronym(display);
        if (acronym.Length >= 2 && r.Next(2) == 0)
        {
            WriteName(json, acronym, ["acronym"], null);
        }
        if (alias is not null)
        {
            WriteName(json, alias, ["alias"], "en");
        }
        WriteName(json, display, ["ror_display", "label"], "en");
        if (local is not null)
        {
            WriteName(json, local, ["label"], city.Lang);
        }
        json.WriteEndArray();
        json.WritePropertyName("relationships");
        json.WriteStartArray();
        // About one in five has a parent among the earlier records, some a related one.
        if (i > 0 && r.Next(5) == 0)
        {
            var parent = r.Next(i);
            WriteRelationship(json, "parent", ids[parent], displayNames[parent]);
        }
        if (i > 0 && r.Next(10) == 0)
        {
            var related = r.Next(i);
            WriteRelationship(json, "related", ids[related], displayNames[related]);
        }
        json.WriteEndArray();
        var statusRoll = r.Next(100);
        json.WriteString("status", statusRoll < 92 ? "active" : statusRoll < 98 ? "inactive" : "withdrawn");
        json.WritePropertyName("types");
        json.WriteStartArray();
        json.WriteStringValue(type);
        if (type == "education" && r.Next(10) == 0)
        {
            json.WriteStringValue("funder");
        }
        json.WriteEndArray();
        json.WriteStartObject("admin");
        var created = new DateOnly(2018, 1, 1).AddDays(r.Next(2200));
        json.WriteStartObject("created");
        json.WriteString("date", created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("schema_version", "1.0");
        json.WriteEndObject();
        json.WriteStartObject("last_modified");
        json.WriteString("date", created.AddDays(r.Next(1000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("schema_version", "2.1");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, City c)
    {
        json.WriteStartObject();
        json.WriteNumber("geonames_id", c.Geonames);
        json.WriteStartObject("geonames_details");
        json.WriteString("continent_code", c.Continent);
        json.WriteString("continent_name", c.ContinentName);
        json.WriteString("country_code", c.CountryCode);
        json.WriteString("country_name", c.CountryName);
        json.WriteNull("country_subdivision_code");
        json.WriteNull("country_subdivision_name");
        json.WriteNumber("lat", c.Lat);
        json.WriteNumber("lng", c.Lng);
        json.WriteString("name", c.Name);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteExternal(Utf8JsonWriter json, string type, string[] all, string? preferred)
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WritePropertyName("all");
        json.WriteStartArray();
        foreach (var a in all)
        {
            json.WriteStringValue(a);
        }
        json.WriteEndArray();
        json.WriteString("preferred", preferred);
        json.WriteEndObject();
    }

    private static void WriteLink(Utf8JsonWriter json, string type, string value)
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteString("value", value);
        json.WriteEndObject();
    }

    private static void WriteName(Utf8JsonWriter json, string value, string[] types, string? lang)
    {
        json.WriteStartObject();
        json.WriteString("value", value);
        json.WritePropertyName("types");
        json.WriteStartArray();
        foreach (var t in types)
        {
            json.WriteStringValue(t);
        }
        json.WriteEndArray();
        json.WriteString("lang", lang);
        json.WriteEndObject();
    }

    private static void WriteRelationship(Utf8JsonWriter json, string type, string id, string label)
    {
        json.WriteStartObject();
        json.WriteString("id", "https://ror.org/" + id);
        json.WriteString("label", label);
        json.WriteString("type", type);
        json.WriteEndObject();
    }
}
