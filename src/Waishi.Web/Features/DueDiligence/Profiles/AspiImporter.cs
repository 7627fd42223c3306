using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;

namespace Waishi.Web.Features.DueDiligence.Profiles;

public sealed record AspiProblem(int Position, string Message);

public sealed record AspiImportReport(int Read, int Added, int Changed, int Unchanged, IReadOnlyList<AspiProblem> Malformed)
{
    /// <summary>The file as a whole was refused (not UTF-8, not JSON, not a galaxy cluster): nothing was read or written.</summary>
    public bool Refused => Read == 0 && Malformed is [{ Position: 0 }];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Read} read, {Added} added, {Changed} changed, {Unchanged} unchanged, {Malformed.Count} malformed");
}

/// <summary>
/// Imports the ASPI China Defence Universities Tracker (MISP galaxy cluster: "values" with value,
/// uuid, description and meta) into one tenant's profiles. Idempotent by uuid and content hash; a
/// new profile is unrated, and a re-import never touches the risk level, rationale or review.
/// </summary>
public sealed partial class AspiImporter(AppDbContext db, TimeProvider clock, IScreeningInvalidation? invalidation = null)
{
    public const string SourceTitle = "ASPI China Defence Universities Tracker";

    /// <summary>The tracker is about a megabyte; the upload page takes 20 MB, and so does the command.</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    public const string TooLargeMessage = "The file is larger than 20 MB: it is not the ASPI tracker (about 1 MB). Nothing was imported.";

    public async Task<AspiImportReport> ImportAsync(Stream json, Guid tenantId, CancellationToken ct = default)
    {
        if (json.CanSeek && json.Length - json.Position > MaxFileBytes)
        {
            return new AspiImportReport(0, 0, 0, 0, [new AspiProblem(0, TooLargeMessage)]);
        }
        if (!await Utf8Check.IsUtf8Async(json, allowUtf16Bom: false, ct))
        {
            return new AspiImportReport(0, 0, 0, 0, [new AspiProblem(0, Utf8Check.NotUtf8Json)]);
        }
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(json, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            return new AspiImportReport(0, 0, 0, 0, [new AspiProblem(0, "The file is not JSON: " + e.Message)]);
        }
        using var _ = document;
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
        {
            return new AspiImportReport(0, 0, 0, 0, [new AspiProblem(0, "The file is not a MISP galaxy cluster: it has no \"values\" array.")]);
        }

        var existing = await db.Set<InstitutionProfile>().IgnoreQueryFilters()
            .Where(p => p.TenantId == tenantId && p.ExternalUuid != null)
            .Include(p => p.Addresses).Include(p => p.Sources)
            .ToDictionaryAsync(p => p.ExternalUuid!, ct);
        int read = 0, added = 0, changed = 0, unchanged = 0;
        var problems = new List<AspiProblem>();
        var seen = new HashSet<string>();
        var position = 0;
        foreach (var value in values.EnumerateArray())
        {
            position++;
            read++;
            if (Parse(value) is not { } entry)
            {
                problems.Add(new AspiProblem(position, "The entry needs a \"value\" (its name) and a \"uuid\"."));
                continue;
            }
            if (!seen.Add(entry.Uuid))
            {
                problems.Add(new AspiProblem(position, $"The uuid {entry.Uuid} appears twice; the first entry was imported."));
                continue;
            }
            // The hash is of what is read, not of the text, so that re-formatting the file changes nothing.
            var hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(entry)));
            if (existing.TryGetValue(entry.Uuid, out var profile))
            {
                if (profile.ContentHash == hash)
                {
                    unchanged++;
                    continue;
                }
                Apply(entry, profile);
                ProfileChildren.Track(db, profile);
                profile.ContentHash = hash;
                changed++;
            }
            else
            {
                profile = new InstitutionProfile
                {
                    TenantId = tenantId, ExternalUuid = entry.Uuid, ContentHash = hash, RiskLevel = RiskLevel.Unrated,
                    CreatedUtc = clock.GetUtcNow().UtcDateTime,
                };
                Apply(entry, profile);
                db.Add(profile);
                existing[entry.Uuid] = profile;
                added++;
            }
        }
        if (added + changed > 0)
        {
            var stamp = await DueDiligenceStamps.BumpAsync(db, tenantId, clock, ct);
            await db.SaveChangesAsync(ct);
            if (invalidation is not null)
            {
                await invalidation.ChangedAsync(tenantId, stamp.Value, ct);
            }
        }
        return new AspiImportReport(read, added, changed, unchanged, problems);
    }

    private sealed record AspiEntry(string Uuid, string Value, string? Description, List<string> Aliases, List<string> Categories,
        List<string> Agencies, List<string> Laboratories, List<string> Topics, List<string> Subsidiaries, List<string> Refs,
        string? Address, double? Latitude, double? Longitude);

    private static AspiEntry? Parse(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object
            || Text(value, "value") is not { Length: > 0 } name
            || Text(value, "uuid") is not { Length: > 0 } uuid || !Guid.TryParse(uuid, out _))
        {
            return null;
        }
        var meta = value.TryGetProperty("meta", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        List<string> List(string key) => meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty(key, out var a) && a.ValueKind == JsonValueKind.Array
            ? [.. a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!.Trim()).Where(x => x.Length > 0)]
            : [];
        double? Number(string key)
        {
            if (meta.ValueKind != JsonValueKind.Object || !meta.TryGetProperty(key, out var n))
            {
                return null;
            }
            return n.ValueKind == JsonValueKind.Number ? n.GetDouble()
                : n.ValueKind == JsonValueKind.String && double.TryParse(n.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
        }
        return new AspiEntry(uuid.ToLowerInvariant(), name, Text(value, "description"), [.. List("aliases"), .. List("synonyms")], List("categories"),
            List("supervising agencies"), List("major defence laboratories"), List("topics"), List("subsidiaries"), List("refs"),
            meta.ValueKind == JsonValueKind.Object ? Text(meta, "address") : null, Number("lat"), Number("long"));
    }

    private static string? Text(JsonElement element, string key) =>
        element.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!.Trim() : null;

    private static void Apply(AspiEntry entry, InstitutionProfile profile)
    {
        // "Academy of Military Science (中国人民解放军军事科学院)": the English name and, in brackets, the Chinese one.
        var match = BracketedChinese().Match(entry.Value);
        var english = match.Success ? entry.Value[..match.Index].Trim() : entry.Value;
        var chinese = match.Success ? match.Groups[1].Value.Trim() : entry.Aliases.FirstOrDefault(ScreeningEntries.HasCjk);
        profile.NameEn = Clip(english, 300);
        profile.NameZh = chinese is null ? null : Clip(chinese, 300);
        var aliases = entry.Aliases.Where(a => a != english && a != chinese).Distinct().ToList();
        profile.Aliases = aliases.Count == 0 ? null : Clip(string.Join("\n", aliases), 4000);
        profile.CountryCode = "CN";
        profile.Summary = entry.Description;
        profile.Categories = entry.Categories.Aggregate(InstitutionCategory.None, (all, c) => all | CategoryOf(c));
        profile.SupervisingAgencies = Join(entry.Agencies);
        profile.DefenceLaboratories = Join(entry.Laboratories);
        profile.ResearchTopics = Join(entry.Topics);
        profile.Subsidiaries = Join(entry.Subsidiaries);
        profile.Index();

        if (entry.Address is { Length: > 0 } address)
        {
            // "China, Beijing, Haidian, 香山路73号": the city is the second part.
            var parts = address.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            profile.City = parts.Length > 1 ? Clip(parts[1], 200) : profile.City;
            var row = profile.Addresses.FirstOrDefault(a => a.SortOrder == 0);
            if (row is null)
            {
                row = new ProfileAddress { TenantId = profile.TenantId, ProfileId = profile.Id };
                profile.Addresses.Add(row);
            }
            row.Text = Clip(address, 500);
            row.Latitude = entry.Latitude;
            row.Longitude = entry.Longitude;
        }
        foreach (var url in entry.Refs.Where(u => profile.Sources.All(s => s.Url != u)))
        {
            profile.Sources.Add(new ProfileSource
            {
                TenantId = profile.TenantId, ProfileId = profile.Id, Title = SourceTitle, Url = Clip(url, 1000), SortOrder = profile.Sources.Count,
            });
        }
    }

    public static InstitutionCategory CategoryOf(string label) => label.Trim().ToLowerInvariant() switch
    {
        "civilian" => InstitutionCategory.Civilian,
        "military" => InstitutionCategory.Military,
        "security" => InstitutionCategory.Security,
        "defence industry conglomerate" or "defense industry conglomerate" => InstitutionCategory.DefenceIndustryConglomerate,
        "seven sons of national defence" or "seven sons of national defense" => InstitutionCategory.SevenSons,
        _ => InstitutionCategory.None,
    };

    private static string? Join(List<string> items) => items.Count == 0 ? null : string.Join("\n", items);

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];

    [GeneratedRegex(@"\(([^()]*[\u3400-\u9fff][^()]*)\)\s*$")]
    private static partial Regex BracketedChinese();
}
