using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Waishi.Tests.Features.Ror;

/// <summary>
/// Writes ROR-shaped dumps for tests: copies of the v2 example record with their own ids, names,
/// countries and types, and malformed records mixed in at chosen positions.
/// </summary>
public static class RorDump
{
    /// <summary>The example record of the ROR v2 schema (University of California System).</summary>
    public const string Example = """
    {"locations":[{"geonames_id":5378538,"geonames_details":{"continent_code":"NA","continent_name":"North America","country_code":"US","country_name":"United States","country_subdivision_code":"CA","country_subdivision_name":"California","lat":37.802168,"lng":-122.271281,"name":"Oakland"}}],
     "established":1868,
     "external_ids":[{"type":"fundref","all":["100005595","100009350"],"preferred":"100005595"},{"type":"grid","all":["grid.30389.31"],"preferred":"grid.30389.31"},{"type":"isni","all":["0000 0001 2348 0690"],"preferred":null}],
     "id":"https://ror.org/00pjdza24","domains":["universityofcalifornia.edu"],
     "links":[{"type":"website","value":"http://www.universityofcalifornia.edu/"},{"type":"wikipedia","value":"http://en.wikipedia.org/wiki/University_of_California"}],
     "names":[{"value":"UC","types":["acronym"],"lang":"en"},{"value":"UC System","types":["alias"],"lang":"en"},{"value":"University of California System","types":["ror_display","label"],"lang":"en"},{"value":"Université de Californie","types":["label"],"lang":"fr"}],
     "relationships":[{"id":"https://ror.org/02jbv0t02","label":"Lawrence Berkeley National Laboratory","type":"related"},{"id":"https://ror.org/01an7q238","label":"University of California, Berkeley","type":"child"}],
     "status":"active","types":["education"],
     "admin":{"created":{"date":"2020-04-25","schema_version":"1.0"},"last_modified":{"date":"2022-10-18","schema_version":"2.0"}}}
    """;

    private static readonly (string Code, string Name, string City)[] Countries =
        [("CN", "China", "Chongqing"), ("GB", "United Kingdom", "London"), ("US", "United States", "Oakland"), ("HK", "Hong Kong", "Hong Kong"), ("DE", "Germany", "Berlin")];

    private static readonly string[] Types = ["education", "education", "facility", "company", "funder"];

    /// <summary>The id of record number <paramref name="n"/> of a generated dump.</summary>
    public static string IdOf(int n) => "0rx" + n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static string CountryOf(int n) => Countries[n % Countries.Length].Code;
    public static string TypeOf(int n) => Types[n % Types.Length];
    public static string StatusOf(int n) => n % 7 == 6 ? "inactive" : "active";
    public static string NameOf(int n) => $"Test University Number {n}";

    /// <summary>A valid record number <paramref name="n"/>.</summary>
    public static JsonObject Record(int n, string? nameSuffix = null)
    {
        var r = JsonNode.Parse(Example)!.AsObject();
        var (code, country, city) = Countries[n % Countries.Length];
        r["id"] = "https://ror.org/" + IdOf(n);
        r["status"] = StatusOf(n);
        r["types"] = new JsonArray(TypeOf(n));
        var details = r["locations"]![0]!["geonames_details"]!.AsObject();
        details["country_code"] = code;
        details["country_name"] = country;
        details["name"] = city;
        r["names"] = new JsonArray(
            new JsonObject { ["value"] = NameOf(n) + nameSuffix, ["types"] = new JsonArray("ror_display", "label"), ["lang"] = "en" },
            new JsonObject { ["value"] = $"TU{n}", ["types"] = new JsonArray("acronym"), ["lang"] = null },
            new JsonObject { ["value"] = $"测试大学{n}", ["types"] = new JsonArray("label"), ["lang"] = "zh" });
        return r;
    }

    /// <summary>The kinds of malformed record mixed into a dump, and the id it still carries (if any).</summary>
    public static (JsonNode Node, string? Id) Malformed(int n) => (n % 4) switch
    {
        0 => (WithoutId(n), null),
        1 => (With(n, r => r["names"] = "not an array"), IdOf(n)),
        2 => (With(n, r => r["established"] = "eighteen sixty-eight"), IdOf(n)),
        _ => (JsonValue.Create(42)!, null),
    };

    private static JsonObject WithoutId(int n)
    {
        var r = Record(n);
        r.Remove("id");
        return r;
    }

    private static JsonObject With(int n, Action<JsonObject> change)
    {
        var r = Record(n);
        change(r);
        return r;
    }

    /// <summary>Writes <paramref name="count"/> array elements; positions in <paramref name="malformedAt"/> are malformed.
    /// Returns the malformed positions with the id each carries.</summary>
    public static Dictionary<int, string?> Write(string path, int count, IEnumerable<int>? malformedAt = null,
        Func<int, JsonNode>? record = null)
    {
        var bad = (malformedAt ?? []).ToHashSet();
        var result = new Dictionary<int, string?>();
        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartArray();
        for (var i = 0; i < count; i++)
        {
            if (bad.Contains(i))
            {
                var (node, id) = Malformed(i);
                result[i] = id;
                node.WriteTo(writer);
            }
            else
            {
                (record?.Invoke(i) ?? Record(i)).WriteTo(writer);
            }
            if (i % 1000 == 0)
            {
                writer.Flush();
            }
        }
        writer.WriteEndArray();
        return result;
    }

    public static string TempPath() => Path.Combine(Path.GetTempPath(), "ror-" + Guid.NewGuid().ToString("N") + ".json");

    public static MemoryStream Stream(string json) => new(Encoding.UTF8.GetBytes(json));
}
