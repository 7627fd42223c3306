using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Waishi.Web.Features.Partners;

namespace Waishi.Web.Features.Ror;

public sealed record RorName(string Value, IReadOnlyList<string> Types, string? Lang);
public sealed record RorLocation(long? GeonamesId, string? CountryCode, string? CountryName, string? Name, double? Lat, double? Lng);
public sealed record RorLink(string Type, string Value);
public sealed record RorExternalId(string Type, string? Preferred, IReadOnlyList<string> All);
public sealed record RorRelationship(string Type, string RorId, string? Label);

/// <summary>A ROR v2 record read from a dump, checked for shape. <see cref="Read"/> throws
/// <see cref="RorFormatException"/> with the reason when the record is malformed.</summary>
public sealed record RorRecord(string RorId, string Status, IReadOnlyList<string> Types, IReadOnlyList<RorName> Names,
    IReadOnlyList<RorLocation> Locations, IReadOnlyList<RorLink> Links, IReadOnlyList<RorExternalId> ExternalIds,
    IReadOnlyList<RorRelationship> Relationships, int? Established, DateOnly? LastModified)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string DisplayName =>
        Names.FirstOrDefault(n => n.Types.Contains("ror_display"))?.Value
        ?? Names.FirstOrDefault(n => n.Types.Contains("label"))?.Value
        ?? Names[0].Value;

    /// <summary>The 9-character id of "https://ror.org/0abcdefgh" (or of the bare id); null when it is not one.</summary>
    public static string? ParseId(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var id = value.Trim();
        if (id.StartsWith("https://ror.org/", StringComparison.OrdinalIgnoreCase))
        {
            id = id[16..];
        }
        else if (id.StartsWith("http://ror.org/", StringComparison.OrdinalIgnoreCase))
        {
            id = id[15..];
        }
        else if (id.StartsWith("ror.org/", StringComparison.OrdinalIgnoreCase))
        {
            id = id[8..];
        }
        id = id.ToLowerInvariant();
        return id.Length == 9 && id[0] == '0' && id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9') ? id : null;
    }

    /// <summary>The id of an element if it has a readable one (for the error report).</summary>
    public static string? TryId(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? ParseId(id.GetString()) ?? id.GetString() : null;

    public static RorRecord Read(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new RorFormatException($"expected an object, found {e.ValueKind}");
        }
        var rawId = Str(e, "id", required: true)!;
        var id = ParseId(rawId) ?? throw new RorFormatException($"id \"{rawId}\" is not a ROR id (https://ror.org/0 followed by 8 characters)");
        var status = Str(e, "status", required: true)!;
        var types = Array(e, "types", required: true).Select(t => t.ValueKind == JsonValueKind.String ? t.GetString()! : throw new RorFormatException("types must be strings")).ToList();
        var names = Array(e, "names", required: true).Select(n => new RorName(
            Str(n, "value", required: true)!,
            Array(n, "types", required: true).Select(t => t.ValueKind == JsonValueKind.String ? t.GetString()! : throw new RorFormatException("name types must be strings")).ToList(),
            Str(n, "lang", required: false))).ToList();
        if (names.Count == 0)
        {
            throw new RorFormatException("names is empty");
        }
        var locations = Array(e, "locations", required: true).Select(l =>
        {
            var d = l.TryGetProperty("geonames_details", out var details) && details.ValueKind == JsonValueKind.Object ? details : default;
            return new RorLocation(
                l.TryGetProperty("geonames_id", out var g) && g.ValueKind == JsonValueKind.Number ? g.GetInt64() : null,
                d.ValueKind == JsonValueKind.Object ? Str(d, "country_code", false)?.ToUpperInvariant() : null,
                d.ValueKind == JsonValueKind.Object ? Str(d, "country_name", false) : null,
                d.ValueKind == JsonValueKind.Object ? Str(d, "name", false) : null,
                d.ValueKind == JsonValueKind.Object ? Num(d, "lat") : null,
                d.ValueKind == JsonValueKind.Object ? Num(d, "lng") : null);
        }).ToList();
        var links = Array(e, "links", required: false).Select(l => new RorLink(Str(l, "type", true)!, Str(l, "value", true)!)).ToList();
        var external = Array(e, "external_ids", required: false).Select(x => new RorExternalId(Str(x, "type", true)!, Str(x, "preferred", false),
            Array(x, "all", false).Select(a => a.ValueKind == JsonValueKind.String ? a.GetString()! : throw new RorFormatException("external_ids.all must be strings")).ToList())).ToList();
        var relations = Array(e, "relationships", required: false).Select(r => new RorRelationship(Str(r, "type", true)!,
            ParseId(Str(r, "id", true)) ?? throw new RorFormatException("a relationship id is not a ROR id"), Str(r, "label", false))).ToList();
        int? established = null;
        if (e.TryGetProperty("established", out var est) && est.ValueKind != JsonValueKind.Null)
        {
            established = est.ValueKind == JsonValueKind.Number && est.TryGetInt32(out var year) ? year : throw new RorFormatException("established must be a year");
        }
        DateOnly? modified = null;
        if (e.TryGetProperty("admin", out var admin) && admin.ValueKind == JsonValueKind.Object
            && admin.TryGetProperty("last_modified", out var lm) && lm.ValueKind == JsonValueKind.Object)
        {
            var date = Str(lm, "date", false);
            if (date is not null)
            {
                modified = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d : throw new RorFormatException($"admin.last_modified.date \"{date}\" is not a date");
            }
        }
        return new RorRecord(id, status, types, names, locations, links, external, relations, established, modified);
    }

    private static string? Str(JsonElement e, string name, bool required)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new RorFormatException($"{name} is missing") : null;
        }
        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw new RorFormatException($"{name} must be a string, found {v.ValueKind}");
    }

    private static double? Num(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.Number ? v.GetDouble() : throw new RorFormatException($"{name} must be a number");

    private static IEnumerable<JsonElement> Array(JsonElement e, string name, bool required)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new RorFormatException($"expected an object, found {e.ValueKind}");
        }
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new RorFormatException($"{name} is missing") : [];
        }
        return v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().ToList() : throw new RorFormatException($"{name} must be an array, found {v.ValueKind}");
    }

    /// <summary>Copies the record onto a row; returns false when the row already held exactly this content.</summary>
    public bool ApplyTo(RorOrganisation row, DateTime now)
    {
        var first = Locations.FirstOrDefault();
        var namesJson = JsonSerializer.Serialize(Names, Json);
        var locationsJson = JsonSerializer.Serialize(Locations, Json);
        var linksJson = JsonSerializer.Serialize(Links, Json);
        var externalJson = JsonSerializer.Serialize(ExternalIds, Json);
        var relationsJson = JsonSerializer.Serialize(Relationships, Json);
        var typesText = string.Join(',', Types);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f',
            RorId, Status, typesText, namesJson, locationsJson, linksJson, externalJson, relationsJson,
            Established?.ToString(CultureInfo.InvariantCulture), LastModified?.ToString("O", CultureInfo.InvariantCulture)))));
        if (row.ContentHash == hash)
        {
            return false;
        }
        row.RorId = RorId;
        row.Status = Trim(Status, 16);
        row.Types = Trim(typesText, 200);
        row.DisplayName = Trim(DisplayName, 500);
        row.SearchText = string.Join(" | ", Names.Select(n => NameNormaliser.Normalise(n.Value)).Where(n => n.Length > 0).Distinct());
        row.CountryCode = first?.CountryCode is { Length: 2 } cc ? cc : null;
        row.CountryName = first?.CountryName is { } cn ? Trim(cn, 100) : null;
        row.City = first?.Name is { } city ? Trim(city, 200) : null;
        row.Latitude = first?.Lat;
        row.Longitude = first?.Lng;
        row.Website = Links.FirstOrDefault(l => l.Type == "website")?.Value is { } w ? Trim(w, 500) : null;
        row.Wikipedia = Links.FirstOrDefault(l => l.Type == "wikipedia")?.Value is { } wp ? Trim(wp, 500) : null;
        row.Established = Established;
        row.LastModified = LastModified;
        row.NamesJson = namesJson;
        row.LocationsJson = locationsJson;
        row.LinksJson = linksJson;
        row.ExternalIdsJson = externalJson;
        row.RelationshipsJson = relationsJson;
        row.ContentHash = hash;
        row.ImportedUtc = now;
        return true;
    }

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..max];
}

public sealed class RorFormatException(string message) : Exception(message);
